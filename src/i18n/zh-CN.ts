// The zh-CN catalogue, assembled from one file per area so features add keys without collisions.
import { consoleUi } from './zh-CN/console.js';
import { core } from './zh-CN/core.js';
import { reports } from './zh-CN/reports.js';

export const zhCN = { ...core, ...consoleUi, ...reports } as const;

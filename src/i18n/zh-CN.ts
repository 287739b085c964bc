// The zh-CN catalogue, assembled from one file per area so features add keys without collisions.
import { consoleUi } from './zh-CN/console.js';
import { core } from './zh-CN/core.js';
import { slackUi } from './zh-CN/slack.js';

export const zhCN = { ...core, ...consoleUi, ...slackUi } as const;

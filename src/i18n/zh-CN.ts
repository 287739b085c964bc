// The zh-CN catalogue, assembled from one file per area so features add keys without collisions.
import { connectors } from './zh-CN/connectors.js';
import { consoleUi } from './zh-CN/console.js';
import { core } from './zh-CN/core.js';
import { dingtalk } from './zh-CN/dingtalk.js';
import { kpi } from './zh-CN/kpi.js';
import { payroll } from './zh-CN/payroll.js';
import { reports } from './zh-CN/reports.js';
import { runtime } from './zh-CN/runtime.js';
import { slackUi } from './zh-CN/slack.js';
import { wecom } from './zh-CN/wecom.js';

export const zhCN = {
  ...core,
  ...consoleUi,
  ...dingtalk,
  ...wecom,
  ...kpi,
  ...payroll,
  ...reports,
  ...slackUi,
  ...runtime,
  ...connectors,
} as const;

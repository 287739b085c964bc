// The zh-CN catalogue, assembled from one file per area so features add keys without collisions.

import { alerts } from './zh-CN/alerts.js';
import { api } from './zh-CN/api.js';
import { attendance } from './zh-CN/attendance.js';
import { connectors } from './zh-CN/connectors.js';
import { consoleUi } from './zh-CN/console.js';
import { core } from './zh-CN/core.js';
import { dingtalk } from './zh-CN/dingtalk.js';
import { explain } from './zh-CN/explain.js';
import { identities } from './zh-CN/identities.js';
import { kpi } from './zh-CN/kpi.js';
import { payroll } from './zh-CN/payroll.js';
import { people } from './zh-CN/people.js';
import { quality } from './zh-CN/quality.js';
import { reports } from './zh-CN/reports.js';
import { runtime } from './zh-CN/runtime.js';
import { slackUi } from './zh-CN/slack.js';
import { surveys } from './zh-CN/surveys.js';
import { wecom } from './zh-CN/wecom.js';

export const zhCN = {
  ...core,
  ...attendance,
  ...consoleUi,
  ...dingtalk,
  ...wecom,
  ...kpi,
  ...identities,
  ...payroll,
  ...people,
  ...quality,
  ...reports,
  ...slackUi,
  ...runtime,
  ...surveys,
  ...api,
  ...alerts,
  ...explain,
  ...connectors,
} as const;

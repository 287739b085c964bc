import { alerts } from './en/alerts.js';
import { api } from './en/api.js';
import { attendance } from './en/attendance.js';
import { connectors } from './en/connectors.js';
import { consoleUi } from './en/console.js';
import { core } from './en/core.js';
import { dingtalk } from './en/dingtalk.js';
import { explain } from './en/explain.js';
import { identities } from './en/identities.js';
import { kpi } from './en/kpi.js';
import { payroll } from './en/payroll.js';
import { people } from './en/people.js';
import { quality } from './en/quality.js';
import { reports } from './en/reports.js';
import { runtime } from './en/runtime.js';
import { slackUi } from './en/slack.js';
import { surveys } from './en/surveys.js';
import { wecom } from './en/wecom.js';
import type { MessageKey } from './index.js';

// Typed against zh-CN: a key missing here (or extra) is a type error.
export const en: Record<MessageKey, string> = {
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
};

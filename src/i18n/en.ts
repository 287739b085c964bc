import { connectors } from './en/connectors.js';
import { consoleUi } from './en/console.js';
import { core } from './en/core.js';
import { dingtalk } from './en/dingtalk.js';
import { kpi } from './en/kpi.js';
import { payroll } from './en/payroll.js';
import { reports } from './en/reports.js';
import { runtime } from './en/runtime.js';
import { slackUi } from './en/slack.js';
import { wecom } from './en/wecom.js';
import type { MessageKey } from './index.js';

// Typed against zh-CN: a key missing here (or extra) is a type error.
export const en: Record<MessageKey, string> = {
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
};

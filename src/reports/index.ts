import type { Bot } from '../bot/bot.js';
import { reportCommand } from './handlers.js';
import type { ReportDeps } from './report-deps.js';

export { type KpiInputs, parseKpiInputs } from './inputs.js';
export type { ReportDeps } from './report-deps.js';
export { findPeriod, loadResultRows, type ResultRow } from './store.js';

export const REPORT_COMMANDS = { report: 'reports.report' } as const;

/** `report` / `报表`: department, person and payroll reports for managers and HR. */
export function reports(bot: Bot, deps: ReportDeps): void {
  bot.registry.command({
    id: REPORT_COMMANDS.report,
    aliases: ['report', '报表'],
    // Employees see their own numbers on the `kpi` card; reports are about other people.
    roles: ['MANAGER', 'HR'],
    usage: 'report dept|person|payroll … / 报表 部门|个人|工资 …',
    describe: 'reports.command.report',
    handle: (ctx) => reportCommand(ctx, deps),
  });
}

import type { Card } from '../../cards/card.js';
import type { Bot } from '../bot/bot.js';
import type { CommandContext } from '../bot/registry.js';
import type { PayrollDeps } from './export.js';
import { closePeriodCommand, confirmCloseAction, payrollReport } from './handlers.js';

export type { PayrollDeps } from './export.js';
export { registerPayrollJobs, sweepLateRecords } from './jobs.js';
export { findLateRecords, syncLateAdjustments } from './late-records.js';
export { recordPostCloseAdjustment } from './store.js';

/** The payroll feature's action ids, declared once; cards get them in their view. */
export const PAYROLL_ACTIONS = { confirmClose: 'payroll.close.confirm' } as const;
export const PAYROLL_COMMANDS = { close: 'payroll.close' } as const;

export interface PayrollFeature {
  /** For the `kpi` command to delegate `kpi close <period>` to (args after "close"). */
  closePeriodCommand(ctx: CommandContext): Promise<Card[]>;
  /** For the `report` command's `payroll` subcommand. */
  payrollReport(ctx: CommandContext, period: string): Promise<Card[]>;
}

/** Period close (`close` / `结账` / `绩效结账`) for HR, and the payroll export. */
export function payroll(bot: Bot, deps: PayrollDeps): PayrollFeature {
  const feature: PayrollFeature = {
    closePeriodCommand: (ctx) => closePeriodCommand(ctx, deps),
    payrollReport: (ctx, period) => payrollReport(ctx, deps, period),
  };
  bot.registry.command({
    id: PAYROLL_COMMANDS.close,
    aliases: ['close', '结账', '绩效结账'],
    roles: ['HR'],
    usage: 'close <period> / 结账 <月份>',
    describe: 'payroll.command.close',
    handle: feature.closePeriodCommand,
  });
  bot.registry.action({
    id: PAYROLL_ACTIONS.confirmClose,
    roles: ['HR'],
    handle: (ctx) => confirmCloseAction(ctx, deps),
  });
  return feature;
}

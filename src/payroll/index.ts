import type { Feature } from '../bot/feature.js';
import { createFileService } from '../files/index.js';
import { KPI_COMMANDS } from '../kpi/index.js';
import { PAYROLL_REPORT } from '../reports/index.js';
import type { PayrollDeps } from './export.js';
import {
  closePeriodCommand,
  confirmCloseAction,
  paidPeriodCommand,
  payrollReport,
  reopenPeriodCommand,
} from './handlers.js';
import { registerPayrollJobs } from './jobs.js';

export type { PayrollDeps } from './export.js';
export { registerPayrollJobs, sweepLateRecords } from './jobs.js';
export { findLateRecords, syncLateAdjustments } from './late-records.js';
export { recordPostCloseAdjustment } from './store.js';

/** The payroll feature's action ids, declared once; cards get them in their view. */
export const PAYROLL_ACTIONS = { confirmClose: 'payroll.close.confirm' } as const;
export const PAYROLL_COMMANDS = { close: 'payroll.close', reopen: 'payroll.reopen', paid: 'payroll.paid' } as const;

/** Period close (`close` / `结账` / `绩效结账`, also `kpi close`) for HR, and the payroll export. */
export const payroll: Feature = (kit) => {
  const deps: PayrollDeps = {
    db: kit.db,
    audit: kit.audit,
    files: createFileService({ db: kit.db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links }),
    timeZone: kit.config.timeZone,
  };
  kit.commands.register({
    id: PAYROLL_COMMANDS.close,
    aliases: ['close', '结账', '绩效结账'],
    roles: ['HR'],
    usage: 'close <period> / 结账 <月份>',
    describe: 'payroll.command.close',
    handle: (ctx) => closePeriodCommand(ctx, deps),
  });
  // HR think of closing as part of KPI, so `kpi close <period>` is the same command.
  kit.commands.extend(KPI_COMMANDS.card, {
    words: ['close'],
    roles: ['HR'],
    handle: (ctx) => closePeriodCommand(ctx, deps),
  });
  kit.commands.register({
    id: PAYROLL_COMMANDS.reopen,
    aliases: ['reopen', '绩效重开', '重开'],
    roles: ['HR'],
    usage: 'kpi reopen <month> reason: <…> / 绩效重开 <月份> 原因: <…>',
    describe: 'close.command.reopen',
    handle: (ctx) => reopenPeriodCommand(ctx, deps),
  });
  kit.commands.extend(KPI_COMMANDS.card, {
    words: ['reopen'],
    roles: ['HR'],
    handle: (ctx) => reopenPeriodCommand(ctx, deps),
  });
  kit.commands.register({
    id: PAYROLL_COMMANDS.paid,
    aliases: ['paid', '绩效已发薪', '已发薪'],
    roles: ['HR'],
    usage: 'kpi paid <month> / 绩效已发薪 <月份>',
    describe: 'close.command.paid',
    handle: (ctx) => paidPeriodCommand(ctx, deps),
  });
  kit.commands.extend(KPI_COMMANDS.card, {
    words: ['paid'],
    roles: ['HR'],
    handle: (ctx) => paidPeriodCommand(ctx, deps),
  });
  kit.actions.register({
    id: PAYROLL_ACTIONS.confirmClose,
    roles: ['HR'],
    handle: (ctx) => confirmCloseAction(ctx, deps),
  });
  kit.services.provide(PAYROLL_REPORT, (ctx, period) => payrollReport(ctx, deps, period));
  registerPayrollJobs(kit.jobs, kit.db, kit.config.timeZone);
};

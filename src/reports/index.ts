import type { Card } from '../../cards/card.js';
import type { Feature } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { createFileService, fileRoutes } from '../files/index.js';
import { serviceToken } from '../kit/index.js';
import { reportCommand } from './handlers.js';

export { type KpiInputs, parseKpiInputs } from './inputs.js';
export type { ReportDeps } from './report-deps.js';
export { findPeriod, loadResultRows, type ResultRow } from './store.js';

export const REPORT_COMMANDS = { report: 'reports.report' } as const;

/**
 * `report payroll <period>` is answered by whichever feature provides this (payroll), once the
 * report's own access check has passed; without a provider the subcommand is unknown.
 */
export const PAYROLL_REPORT = serviceToken<(ctx: CommandContext, period: string) => Promise<Card[]>>('reports.payroll');

/** `report` / `报表`: department, person and payroll reports for managers and HR. */
export const reports: Feature = (kit) => {
  const files = createFileService({ db: kit.db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links });
  kit.mountRoutes((server) => fileRoutes(server, { db: kit.db, audit: kit.audit, links: kit.links, now: kit.now }));
  const deps = {
    db: kit.db,
    audit: kit.audit,
    files,
    access: kit.access,
    payrollReport: (ctx: CommandContext, period: string) => {
      const provided = kit.services.get(PAYROLL_REPORT);
      return provided ? provided(ctx, period) : undefined;
    },
  };
  kit.commands.register({
    id: REPORT_COMMANDS.report,
    aliases: ['report', '报表'],
    // Employees see their own numbers on the `kpi` card; reports are about other people.
    roles: ['MANAGER', 'HR'],
    usage: 'report dept|person|payroll … / 报表 部门|个人|工资 …',
    describe: 'reports.command.report',
    handle: (ctx) => reportCommand(ctx, deps),
  });
};

// `report dept|person|payroll …`: parse the words, check the role and scope, then build.
import type { Card } from '../../cards/card.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { splitPeriod } from '../time/period.js';
import { deptReport } from './dept-report.js';
import { personReport } from './person-report.js';
import { refuseReport } from './refuse-report.js';
import type { ParsedReport, ReportDeps } from './report-deps.js';
import { type ReportKind, type Requester, reportAccess } from './rules.js';

const SUBCOMMANDS: Record<string, ReportKind> = {
  dept: 'dept',
  department: 'dept',
  部门: 'dept',
  person: 'person',
  employee: 'person',
  个人: 'person',
  员工: 'person',
  payroll: 'payroll',
  工资: 'payroll',
  薪资: 'payroll',
};

/** Splits "dept 售后服务部 2026-10" into kind, subject and period (last word, if it is one). */
function parseReportArgs(args: readonly string[], now: Date, timeZone: string): ParsedReport {
  const [sub, ...rest] = args;
  const kind = sub ? SUBCOMMANDS[sub.toLowerCase()] : undefined;
  if (!kind) throw new KaopuError('reports.usage');
  const { period, rest: subjectWords } = splitPeriod(rest, now, timeZone);
  const subject = subjectWords.join(' ').trim();
  if (kind !== 'payroll' && !subject) throw new KaopuError('reports.usage');
  return { kind, subject, period };
}

export async function reportCommand(ctx: CommandContext, deps: ReportDeps): Promise<Card[]> {
  const parsed = parseReportArgs(ctx.args, ctx.now, ctx.actor.timeZone);
  const scope = ctx.actor.role === 'MANAGER' ? await deps.access.scope(ctx.actor) : null;
  const requester: Requester = {
    id: ctx.actor.id,
    role: ctx.actor.role,
    managedTeamIds: scope && !scope.all ? [...scope.teamIds] : [],
    ...(scope && !scope.all ? { reportIds: scope.employeeIds } : {}),
  };
  switch (parsed.kind) {
    case 'dept':
      return deptReport(ctx, deps, requester, parsed);
    case 'person':
      return personReport(ctx, deps, requester, parsed);
    case 'payroll': {
      const access = reportAccess(requester, { kind: 'payroll' });
      if (!access.allowed) return refuseReport(ctx, deps, access.reason, parsed);
      const answer = deps.payrollReport(ctx, parsed.period);
      if (!answer) throw new KaopuError('reports.usage');
      return answer;
    }
  }
}

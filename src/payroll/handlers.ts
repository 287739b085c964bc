// `close <period>` / `结账`, its confirmation button, and `report payroll <period>`.
import type { Card } from '../../cards/card.js';
import { periodCloseCard } from '../../cards/period-close-card.js';
import { periodCloseConfirmCard } from '../../cards/period-close-confirm-card.js';
import { reportPayrollCard } from '../../cards/report-payroll-card.js';
import type { ActionContext, CommandContext, HandlerContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { currentPeriod, periodSchema, periodStarted, splitPeriod } from '../time/period.js';
import { buildPayrollExport, type PayrollDeps } from './export.js';
import { PAYROLL_ACTIONS } from './index.js';
import { closeTiming } from './rules.js';
import { closePeriod } from './store.js';

function exportInput(ctx: HandlerContext, period: string) {
  return { period, t: ctx.t, actorId: ctx.actor.id, readerTimeZone: ctx.actor.timeZone, now: ctx.now };
}

async function close(ctx: HandlerContext, deps: PayrollDeps, period: string): Promise<Card[]> {
  const { t, actor } = ctx;
  const outcome = await closePeriod(deps.db, { period, closedById: actor.id, now: ctx.now });
  if (outcome.status === 'empty') throw new KaopuError('payroll.close.no_results', { params: { period } });
  if (outcome.status === 'closed') {
    await deps.audit({
      actorId: actor.id,
      actorKind: 'employee',
      action: 'payroll.period.closed',
      subjectType: 'KpiPeriod',
      subjectId: period,
      channel: ctx.event.platform,
      details: { results: outcome.count, contentHash: outcome.contentHash },
    });
  }
  const file = await buildPayrollExport(deps, exportInput(ctx, period));
  return [
    periodCloseCard(
      {
        period,
        already: outcome.status === 'already',
        count: file.people,
        hash: outcome.contentHash,
        closedAt: formatLocalTime(outcome.closedAt, actor.timeZone),
        adjustments: file.adjustments,
        adjustmentCount: file.adjustmentCount,
        links: file.links,
      },
      t,
    ),
  ];
}

/**
 * `close <period>`, also reached as `kpi close <period>` / `绩效结账` through the KPI command.
 * A past month closes at once; the running month asks for confirmation; a future one cannot.
 */
export async function closePeriodCommand(ctx: CommandContext, deps: PayrollDeps): Promise<Card[]> {
  const { period, rest, given } = splitPeriod(ctx.args, ctx.now, ctx.actor.timeZone);
  if (!given || rest.length > 0) throw new KaopuError('payroll.close.usage');
  const timing = closeTiming(period, currentPeriod(ctx.now, ctx.actor.timeZone));
  if (timing === 'future') throw new KaopuError('payroll.close.future', { params: { period } });
  if (timing === 'current') {
    return [periodCloseConfirmCard({ period, actionId: PAYROLL_ACTIONS.confirmClose }, ctx.t)];
  }
  return close(ctx, deps, period);
}

export async function confirmCloseAction(ctx: ActionContext, deps: PayrollDeps): Promise<Card[]> {
  const parsed = periodSchema.safeParse(ctx.value?.trim());
  if (!parsed.success) throw new KaopuError('payroll.close.usage');
  const period = parsed.data;
  if (closeTiming(period, currentPeriod(ctx.now, ctx.actor.timeZone)) === 'future') {
    throw new KaopuError('payroll.close.future', { params: { period } });
  }
  return close(ctx, deps, period);
}

/** `report payroll <period>`; the report command has already checked the role. */
export async function payrollReport(ctx: CommandContext, deps: PayrollDeps, period: string): Promise<Card[]> {
  if (!periodStarted(period, ctx.now, ctx.actor.timeZone))
    throw new KaopuError('period.not_started', { params: { period } });
  const file = await buildPayrollExport(deps, exportInput(ctx, period));
  await deps.audit({
    actorId: ctx.actor.id,
    actorKind: 'employee',
    action: 'report.generated',
    subjectType: 'KpiPeriod',
    subjectId: period,
    channel: ctx.event.platform,
    details: { kind: 'payroll', period, rows: file.people, final: file.final, adjustments: file.adjustmentCount },
  });
  return [
    reportPayrollCard(
      {
        period,
        final: file.final,
        closedAt: file.closedAt ? formatLocalTime(file.closedAt, ctx.actor.timeZone) : null,
        people: file.people,
        noData: file.noData,
        hash: file.hash,
        adjustments: file.adjustments,
        adjustmentCount: file.adjustmentCount,
        links: file.links,
      },
      ctx.t,
    ),
  ];
}

// `close <period>` / `结账`, its confirmation button, and `report payroll <period>`.
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
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
import { closePeriod, markPaid, reopenPeriod } from './store.js';

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
      details: { results: outcome.count, contentHash: outcome.contentHash, version: outcome.version },
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
        version: outcome.version,
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
  // every month asks first, saying what will be frozen and exported (issue 18)
  const state = await deps.db.kpiPeriod.findUnique({ where: { period } });
  if (state?.status === 'CLOSED') return close(ctx, deps, period);
  const results = await deps.db.kpiResult.count({ where: { period } });
  if (results === 0) throw new KaopuError('payroll.close.no_results', { params: { period } });
  return [
    periodCloseConfirmCard(
      {
        period,
        actionId: PAYROLL_ACTIONS.confirmClose,
        running: timing === 'current',
        results,
        version: (state?.closeVersion ?? 0) + 1,
      },
      ctx.t,
    ),
  ];
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

/** `kpi reopen <month> reason: …` / `绩效重开`: HR thaw a closed month, refused once payroll is paid. */
export async function reopenPeriodCommand(ctx: CommandContext, deps: PayrollDeps): Promise<Card[]> {
  const at = ctx.args.findIndex((w) => /^(reason|原因)[:：]?/i.test(w));
  const words = at < 0 ? ctx.args : ctx.args.slice(0, at);
  const reason =
    at < 0
      ? ''
      : ctx.args
          .slice(at)
          .join(' ')
          .replace(/^(reason|原因)[:：]?\s*/i, '')
          .trim();
  const { period, rest, given } = splitPeriod(words, ctx.now, ctx.actor.timeZone);
  if (!given || rest.length > 0) throw new KaopuError('close.reopen.usage');
  if (!reason) throw new KaopuError('close.reopen.reason', { params: { period } });
  const outcome = await reopenPeriod(deps.db, period);
  if (outcome.status === 'not_closed') throw new KaopuError('close.reopen.not_closed', { params: { period } });
  if (outcome.status === 'paid') {
    await deps.audit({
      actorId: ctx.actor.id,
      actorKind: 'employee',
      action: 'payroll.period.reopen_refused',
      subjectType: 'KpiPeriod',
      subjectId: period,
      channel: ctx.event.platform,
      details: { reason: reason.slice(0, 200) },
    });
    throw new KaopuError('close.reopen.paid', {
      params: { period, paidAt: formatLocalTime(outcome.paidAt, ctx.actor.timeZone) },
    });
  }
  await deps.audit({
    actorId: ctx.actor.id,
    actorKind: 'employee',
    action: 'payroll.period.reopened',
    subjectType: 'KpiPeriod',
    subjectId: period,
    channel: ctx.event.platform,
    details: { reason: reason.slice(0, 200), version: outcome.version, contentHash: outcome.contentHash },
  });
  return [
    noticeCard(
      {
        title: ctx.t('close.reopen.title', { period }),
        body: ctx.t('close.reopen.done', { period, version: outcome.version + 1 }),
        tone: 'warning',
      },
      ctx.t,
    ),
  ];
}

/** `kpi paid <month>` / `绩效已发薪`: HR mark a closed month's payroll paid; it can no longer be reopened. */
export async function paidPeriodCommand(ctx: CommandContext, deps: PayrollDeps): Promise<Card[]> {
  const { period, rest, given } = splitPeriod(ctx.args, ctx.now, ctx.actor.timeZone);
  if (!given || rest.length > 0) throw new KaopuError('close.paid.usage');
  const outcome = await markPaid(deps.db, { period, paidById: ctx.actor.id, now: ctx.now });
  if (outcome.status === 'not_closed') throw new KaopuError('close.paid.not_closed', { params: { period } });
  await deps.audit({
    actorId: ctx.actor.id,
    actorKind: 'employee',
    action: 'payroll.period.paid',
    subjectType: 'KpiPeriod',
    subjectId: period,
    channel: ctx.event.platform,
    details: { version: outcome.version, contentHash: outcome.contentHash },
  });
  return [
    noticeCard(
      {
        title: ctx.t('close.paid.title', { period }),
        body: ctx.t('close.paid.done', {
          period,
          version: outcome.version,
          hash: (outcome.contentHash ?? '').slice(0, 12),
        }),
        tone: 'success',
      },
      ctx.t,
    ),
  ];
}

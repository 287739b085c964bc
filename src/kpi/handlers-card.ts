// `kpi` / `绩效` and the "why" button: the employee's own card and the records behind a metric.

import type { Card } from '../../cards/card.js';
import { type KpiCardView, kpiCard } from '../../cards/kpi-card.js';
import { kpiWhyCard } from '../../cards/kpi-why-card.js';
import { refuse } from '../audit/refuse.js';
import type { ActionContext, HandlerContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { periodOf } from '../time/period.js';
import { addDays, localDate } from '../time/zoned.js';
import type { KpiContext } from './context.js';
import { KPI_ACTIONS } from './index.js';
import { isBelowTarget, progressRatio, scoreDelta, topMovers } from './insights.js';
import { markMissing } from './pending.js';
import type { KpiInputs } from './rules.js';
import { findCardResult, findResultById } from './store-views.js';
import { ruleMetric } from './validate-model.js';

const WHY_ROWS = 10;

export async function showCard(kpi: KpiContext, ctx: HandlerContext, period: string): Promise<Card[]> {
  const { db } = kpi.deps;
  const { actor, t, now } = ctx;
  await kpi.ready();
  const result = await findCardResult(db, actor.id, period, snapshotWindow(actor.timeZone, period, now));
  const base = {
    name: actor.name,
    period,
    whyActionId: KPI_ACTIONS.why,
    whyValue: () => '',
    computedAt: '',
    modelCode: '',
    modelVersion: 0,
  };
  const empty = {
    totalScore: null,
    band: null,
    prorated: false,
    coverage: 1,
    weekDelta: null,
    metrics: [],
    deductions: [],
    bonuses: [],
    movers: [],
  };
  if (!result) {
    const pending = await markMissing(kpi, period, { employeeIds: [actor.id] }, new Set());
    return [kpiCard({ ...base, ...empty, state: pending.length > 0 ? 'pending' : 'no_model' }, t)];
  }
  const inputs = result.inputs as unknown as KpiInputs;
  if (result.totalScore === null) return [kpiCard({ ...base, ...empty, state: 'no_data' }, t)];
  const view: KpiCardView = {
    ...base,
    state: 'ok',
    totalScore: result.totalScore,
    band: result.band,
    prorated: result.prorated,
    coverage: inputs.coverage,
    weekDelta: scoreDelta(result.totalScore, result.snapshotScore),
    metrics: inputs.metrics.map((m) => ({
      code: m.metric,
      value: m.value,
      target: m.target,
      unit: m.unit,
      weight: m.weight,
      score: m.score,
      below: isBelowTarget(m),
      ratio: progressRatio(m),
    })),
    // rule names (late, error.MAJOR) are shown by the metric they count
    deductions: inputs.deductions.map((d) => ({ ...d, rule: ruleMetric(d.rule) })),
    bonuses: inputs.bonuses.map((b) => ({ ...b, rule: ruleMetric(b.rule) })),
    movers: topMovers(inputs),
    whyValue: (code) => `${result.id}|${code}`,
    computedAt: `${localDate(result.computedAt, actor.timeZone)}`,
    modelCode: result.modelVersion.model.code,
    modelVersion: result.modelVersion.version,
  };
  return [kpiCard(view, t)];
}

/**
 * The weekly snapshot to compare with: the latest taken in the week up to 7 days ago, within the
 * period; none (nothing to compare) when 7 days ago was in another period.
 */
function snapshotWindow(zone: string, period: string, now: Date): { after: string; upTo: string } | null {
  const date = localDate(new Date(now.getTime() - 7 * 86_400_000), zone);
  if (periodOf(date) !== period || date < `${period}-01`) return null;
  return { after: addDays(date, -7), upTo: date };
}

export async function showWhy(kpi: KpiContext, ctx: ActionContext): Promise<Card[]> {
  const { db, audit } = kpi.deps;
  const { actor, t } = ctx;
  const [resultId, metric] = (ctx.value ?? '').split('|');
  const result = resultId ? await findResultById(db, resultId) : null;
  if (!result || !metric) throw new KaopuError('kpi.why.gone');
  const details = { period: result.period, metric };
  if (!(await kpi.deps.access.employee(actor, result.employeeId))) {
    await refuse(
      audit,
      ctx,
      { action: 'kpi.why.refused', subjectType: 'KpiResult', subjectId: result.id, details },
      new KaopuError('kpi.why.forbidden', { status: 403 }),
    );
  }
  if (actor.id !== result.employeeId) {
    await audit({
      actorId: actor.id,
      actorKind: 'employee',
      action: 'kpi.why.read',
      subjectType: 'KpiResult',
      subjectId: result.id,
      channel: ctx.event.platform,
      details,
    });
  }
  const inputs = result.inputs as unknown as KpiInputs;
  const source = inputs.metrics.find((m) => m.metric === metric) ?? inputs.deductions.find((d) => d.rule === metric);
  if (!source) throw new KaopuError('kpi.why.gone');
  // a deduction or bonus lists the records of the metric its rule counts (late → late_count)
  const why = kpi.engine.metrics.get('recordType' in source ? source.metric : ruleMetric(source.rule))?.why;
  const rows = (why ? await why(db, source.recordIds) : []).sort(
    (a, b) => a.rank - b.rank || a.ref.localeCompare(b.ref),
  );
  const zone = actor.timeZone;
  return [
    kpiWhyCard(
      {
        name: result.employee.name,
        period: result.period,
        metric,
        value: 'value' in source ? source.value : source.count,
        unit: 'unit' in source ? source.unit : 'count',
        count: source.recordIds.length,
        rows: rows.slice(0, WHY_ROWS).map((r) => ({
          ref: r.ref,
          date: localDate(r.at, zone),
          score: r.score,
          detail: [
            r.flags.complaint ? t(r.flags.repeat ? 'kpi.why.repeat' : 'kpi.why.complaint') : '',
            r.flags.lateMinutes ? t('kpi.why.late', { min: r.flags.lateMinutes }) : '',
            r.detail,
          ]
            .filter(Boolean)
            .join(' · '),
        })),
      },
      t,
    ),
  ];
}

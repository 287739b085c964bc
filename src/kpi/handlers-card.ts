// `kpi` / `绩效` and the "why" button: the employee's own card and the records behind a metric.

import type { Card } from '../../cards/card.js';
import { type KpiCardView, kpiCard } from '../../cards/kpi-card.js';
import type { HandlerContext } from '../bot/registry.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { currentPeriod, periodOf } from '../time/period.js';
import { addDays, localDate } from '../time/zoned.js';
import type { KpiContext } from './context.js';
import { KPI_ACTIONS } from './index.js';
import { isBelowTarget, progressRatio, scoreDelta, topMovers } from './insights.js';
import { markMissing } from './pending.js';
import type { KpiInputs } from './rules.js';
import { findCardResult } from './store-views.js';
import { ruleMetric } from './validate-model.js';

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
    modelName: '',
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
    pastMonth: period < currentPeriod(now, actor.timeZone),
    closed: await closedState(kpi, period, actor.timeZone),
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
    deductions: inputs.deductions.map((d) => ({ ...d, rule: ruleMetric(d.rule), per: d.rule })),
    bonuses: inputs.bonuses.map((b) => ({ ...b, rule: ruleMetric(b.rule), per: b.rule })),
    movers: topMovers(inputs),
    whyValue: (code) => `${result.id}|${code}`,
    computedAt: `${localDate(result.computedAt, actor.timeZone)}`,
    modelName: result.modelVersion.model.name,
    modelVersion: result.modelVersion.version,
  };
  return [kpiCard(view, t)];
}

/** When the month was closed and its hash, for the card; null while open. */
async function closedState(kpi: KpiContext, period: string, zone: string) {
  const row = await kpi.deps.db.kpiPeriod.findUnique({ where: { period } });
  if (row?.status !== 'CLOSED' || !row.closedAt) return null;
  return { at: formatLocalTime(row.closedAt, zone), hash: (row.contentHash ?? '').slice(0, 12) };
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

import type { Translate } from '../src/i18n/index.js';
import { type Block, type Button, type Card, makeCard } from './card.js';
import { formatDelta, formatKpiValue, formatScore, metricLabel } from './kpi-format.js';

export interface KpiCardMetric {
  code: string;
  value: number | null;
  target: number | null;
  unit: string;
  weight: number;
  score: number | null;
  /** Short of target: highlighted. */
  below: boolean;
  /** Progress towards target, 0..1. */
  ratio: number;
}

export interface KpiCardView {
  name: string;
  period: string;
  /** `pending`: a model applies but no result is stored yet; the scheduler is computing it. */
  state: 'ok' | 'no_data' | 'no_model' | 'pending';
  totalScore: number | null;
  band: string | null;
  prorated: boolean;
  coverage: number;
  /** Points since last week; null when there is nothing to compare. */
  weekDelta: number | null;
  /** A past month has no "since last week" line. */
  pastMonth?: boolean;
  /** The month is closed: when, and the close's content hash (short). */
  closed?: { at: string; hash: string } | null;
  metrics: KpiCardMetric[];
  /** `rule` names the metric it counts; `per` is the model's rule name the "why" button carries. */
  deductions: { rule: string; count: number; points: number; per?: string }[];
  bonuses: { rule: string; count: number; points: number; per?: string }[];
  movers: { code: string; points: number }[];
  /** The "why" button's action id (declared in src/kpi/index.ts) and the value each metric's button carries. */
  whyActionId: string;
  whyValue: (code: string) => string;
  computedAt: string;
  /** The model's display name (its code stays out of the card). */
  modelName: string;
  modelVersion: number;
}

export function kpiCard(view: KpiCardView, t: Translate): Card {
  const title = t('kpi.card.title', { name: view.name, period: view.period });
  if (view.state !== 'ok') {
    const body = t(`kpi.card.${view.state}`);
    return makeCard({ audience: 'personal', title, tone: 'info', blocks: [{ type: 'text', text: body }] });
  }
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        { label: t('kpi.card.total'), value: formatScore(view.totalScore) },
        { label: t('kpi.card.band'), value: view.band ?? '—' },
      ],
    },
  ];
  if (view.closed)
    blocks.push({ type: 'text', text: t('kpi.card.closed', { closedAt: view.closed.at, hash: view.closed.hash }) });
  if (!view.pastMonth) {
    blocks.push({
      type: 'text',
      text:
        view.weekDelta === null
          ? t('kpi.card.week_change_none')
          : t('kpi.card.week_change', { delta: formatDelta(view.weekDelta) }),
    });
  }
  if (view.prorated)
    blocks.push({ type: 'text', text: t('kpi.card.prorated', { pct: Math.round(view.coverage * 100) }) });
  for (const m of view.metrics) {
    const params = {
      value: formatKpiValue(m.value, m.unit, t),
      target: formatKpiValue(m.target, m.unit, t),
      weight: m.weight,
      score: formatScore(m.score),
    };
    const display =
      m.value === null
        ? t('kpi.card.metric_no_data', { weight: m.weight })
        : m.target === null
          ? t('kpi.card.metric_no_target', params)
          : t('kpi.card.metric_display', params);
    blocks.push({ type: 'progress', label: metricLabel(m.code, t), ratio: m.ratio, display, highlight: m.below });
  }
  const rules = (list: KpiCardView['deductions']) =>
    list
      .filter((r) => r.count > 0)
      .map((r) => t('kpi.card.rule_item', { rule: metricLabel(r.rule, t), count: r.count, points: r.points }))
      .join(t('list.separator'));
  const ded = rules(view.deductions);
  if (ded) blocks.push({ type: 'text', text: t('kpi.card.deductions', { list: ded }) });
  const bon = rules(view.bonuses);
  if (bon) blocks.push({ type: 'text', text: t('kpi.card.bonuses', { list: bon }) });
  if (view.movers.length > 0) {
    const list = view.movers
      .map((m) => t('kpi.card.mover_item', { metric: metricLabel(m.code, t), points: formatScore(m.points) }))
      .join(t('list.separator_short'));
    blocks.push({ type: 'text', text: t('kpi.card.movers', { list }) });
  }
  const buttons: Button[] = view.metrics
    .filter((m) => m.value !== null)
    .map((m) => ({
      actionId: view.whyActionId,
      label: t('kpi.card.why', { metric: metricLabel(m.code, t) }),
      value: view.whyValue(m.code),
    }));
  for (const r of [...view.deductions, ...view.bonuses]) {
    if (r.count > 0 && r.per) {
      buttons.push({
        actionId: view.whyActionId,
        label: t('kpi.card.why', { metric: metricLabel(r.rule, t) }),
        value: view.whyValue(r.per),
      });
    }
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', buttons });
  blocks.push({
    type: 'text',
    text: t('kpi.card.computed_at', { at: view.computedAt, model: view.modelName, version: view.modelVersion }),
  });
  const tone = view.band === 'D' ? 'warning' : 'info';
  return makeCard({ audience: 'personal', title, tone, blocks });
}

// The "why" of one figure or one deduction: the records that move it, each with what it did,
// the ones that pulled the score down first, paged, with the complete list as a workbook.
import type { Translate } from '../src/i18n/index.js';
import { formatLocalTime } from '../src/time/format-local-time.js';
import { type Block, type Button, type Card, makeCard } from './card.js';
import { formatKpiValue, formatScore, metricLabel } from './kpi-format.js';
import { formatWhyEffect, type WhyEffectView } from './why-format.js';

export interface KpiWhyRowView {
  ref: string;
  at: Date;
  hurts: boolean;
  effect: WhyEffectView;
  detail: string;
}

export interface KpiWhyView {
  name: string;
  period: string;
  /** The metric the records belong to (a deduction's rule shows by the metric it counts). */
  metric: string;
  /** A metric's figure, or a deduction's or bonus's count and points. */
  figure:
    | { kind: 'metric'; value: number | null; unit: string }
    | { kind: 'rule'; count: number; points: number; bonus: boolean };
  combine: 'sum' | 'mean' | 'percent';
  /** All records behind the figure; `rows` are those of this page, starting at `offset`. */
  total: number;
  offset: number;
  rows: KpiWhyRowView[];
  timeZone: string;
  /** The next page's action, the export's action; none when there is nothing more. */
  more: { actionId: string; value: string } | null;
  exportAction: { actionId: string; value: string } | null;
}

/** "WO-… · 10-15"; a record named by its date (a late day, an absence) is not dated twice. */
function whenAndRef(r: KpiWhyRowView, timeZone: string): string {
  const date = formatLocalTime(r.at, timeZone).slice(0, 10);
  return r.ref === date ? r.ref : `${r.ref} · ${date.slice(5)}`;
}

export function kpiWhyCard(view: KpiWhyView, t: Translate): Card {
  const label = metricLabel(view.metric, t);
  const title = t('why.title', { metric: label, period: view.period });
  if (view.total === 0)
    return makeCard({ audience: 'personal', title, blocks: [{ type: 'text', text: t('kpi.why.none') }] });
  const from = view.offset + 1;
  const to = view.offset + view.rows.length;
  const summary =
    view.figure.kind === 'metric'
      ? t('why.summary.metric', {
          name: view.name,
          metric: label,
          value: formatKpiValue(view.figure.value, view.figure.unit, t),
          count: view.total,
          from,
          to,
        })
      : t(view.figure.bonus ? 'why.summary.bonus' : 'why.summary.deduction', {
          name: view.name,
          rule: label,
          count: view.figure.count,
          points: formatScore(view.figure.points),
          from,
          to,
          total: view.total,
        });
  const blocks: Block[] = [
    { type: 'text', text: summary },
    {
      type: 'table',
      columns: [t('why.col.record'), t('why.col.effect'), t('why.col.detail')],
      rows: view.rows.map((r) => [
        `${r.hurts ? t('why.hurts') : ''}${whenAndRef(r, view.timeZone)}`,
        formatWhyEffect(r.effect, t, view.timeZone),
        r.detail,
      ]),
    },
  ];
  if (view.figure.kind === 'metric' && view.figure.value !== null && to === view.total) {
    blocks.push({
      type: 'text',
      text: t(`why.how.${view.combine}`, { value: formatKpiValue(view.figure.value, view.figure.unit, t) }),
    });
  }
  const buttons: Button[] = [];
  if (view.more) {
    buttons.push({
      actionId: view.more.actionId,
      value: view.more.value,
      label: t('why.button.more', { from: to + 1, to: Math.min(view.total, to + view.rows.length) }),
    });
  }
  if (view.exportAction) {
    buttons.push({
      actionId: view.exportAction.actionId,
      value: view.exportAction.value,
      label: t('why.button.export'),
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', buttons });
  return makeCard({ audience: 'personal', title, blocks });
}

/** The complete "why" as a workbook: one download button. */
export function kpiWhyExportCard(
  view: { name: string; metric: string; period: string; count: number; url: string; ttlHours: number },
  t: Translate,
): Card {
  const metric = metricLabel(view.metric, t);
  return makeCard({
    audience: 'personal',
    title: t('why.export.title', { name: view.name, metric, period: view.period }),
    blocks: [
      { type: 'text', text: t('why.export.ready', { count: view.count }) },
      { type: 'actions', buttons: [{ url: view.url, label: t('reports.button.xlsx') }] },
      { type: 'text', text: t('reports.links_expire', { hours: view.ttlHours }) },
    ],
  });
}

import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';
import { formatKpiValue, metricLabel } from './kpi-format.js';

export interface KpiWhyView {
  name: string;
  period: string;
  metric: string;
  value: number | null;
  unit: string;
  /** All records behind the value; `rows` shows the ones that matter most first. */
  count: number;
  rows: { ref: string; date: string; score: string; detail: string }[];
}

export function kpiWhyCard(view: KpiWhyView, t: Translate): Card {
  const label = metricLabel(view.metric, t);
  const title = t('kpi.why.title', { metric: label, period: view.period });
  if (view.rows.length === 0)
    return makeCard({ audience: 'personal', title, blocks: [{ type: 'text', text: t('kpi.why.none') }] });
  return makeCard({
    audience: 'personal',
    title,
    blocks: [
      {
        type: 'text',
        text: t('kpi.why.summary', {
          name: view.name,
          metric: label,
          value: formatKpiValue(view.value, view.unit, t),
          count: view.count,
          shown: view.rows.length,
        }),
      },
      {
        type: 'table',
        columns: [t('kpi.why.col.ref'), t('kpi.why.col.date'), t('kpi.why.col.score'), t('kpi.why.col.detail')],
        rows: view.rows.map((r) => [r.ref, r.date, r.score, r.detail]),
      },
    ],
  });
}

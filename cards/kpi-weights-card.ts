import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { formatKpiValue, metricLabel } from './kpi-format.js';

export interface KpiWeightsView {
  /** Opens the edit form for the card's model and period; declared in src/kpi/index.ts. */
  editActionId: string;
  modelCode: string;
  modelName: string;
  period: string;
  version: number;
  scope: string;
  metrics: { code: string; weight: number; target: number | null; unit: string; curve: string }[];
  reason: string | null;
  saved: boolean;
}

export function kpiWeightsCard(view: KpiWeightsView, t: Translate): Card {
  const blocks: Block[] = [
    { type: 'text', text: `${view.modelName} (${view.modelCode})` },
    { type: 'text', text: t('kpi.weights.scope', { scope: view.scope }) },
    {
      type: 'table',
      columns: [
        t('kpi.weights.col.metric'),
        t('kpi.weights.col.weight'),
        t('kpi.weights.col.target'),
        t('kpi.weights.col.curve'),
      ],
      rows: view.metrics.map((m) => [
        `${metricLabel(m.code, t)} (${m.code})`,
        String(m.weight),
        formatKpiValue(m.target, m.unit, t),
        m.curve,
      ]),
    },
  ];
  if (view.reason) blocks.push({ type: 'text', text: t('kpi.weights.reason', { reason: view.reason }) });
  if (view.saved)
    blocks.push({ type: 'text', text: t('kpi.weights.saved', { period: view.period, version: view.version }) });
  blocks.push({ type: 'text', text: t('kpi.weights.usage') });
  blocks.push({
    type: 'actions',
    buttons: [
      {
        actionId: view.editActionId,
        label: t('kpi.weights.edit'),
        value: `${view.modelCode} ${view.period}`,
        style: 'primary',
      },
    ],
  });
  return makeCard({
    audience: 'personal',
    title: t('kpi.weights.title', { model: view.modelCode, period: view.period, version: view.version }),
    tone: view.saved ? 'success' : 'info',
    blocks,
  });
}

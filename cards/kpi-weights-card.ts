import type { MessageKey, Translate } from '../src/i18n/index.js';
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

function curveLabel(curve: string, t: Translate): string {
  const key = `curve.${curve}` as MessageKey;
  const label = t(key);
  return label === key ? curve : label;
}

export function kpiWeightsCard(view: KpiWeightsView, t: Translate): Card {
  const blocks: Block[] = [
    { type: 'text', text: view.modelName },
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
        metricLabel(m.code, t),
        String(m.weight),
        formatKpiValue(m.target, m.unit, t),
        curveLabel(m.curve, t),
      ]),
    },
  ];
  if (view.reason) blocks.push({ type: 'text', text: t('kpi.weights.reason', { reason: view.reason }) });
  if (view.saved)
    blocks.push({ type: 'text', text: t('kpi.weights.saved', { period: view.period, version: view.version }) });
  // codes appear only inside command syntax: the card's weights as the command that sets them
  const command = `kpi weights ${view.modelCode} ${view.period} ${view.metrics.map((m) => `${m.code}=${m.weight}`).join(' ')}`;
  blocks.push({ type: 'text', text: t('model.as_command', { command }) });
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
    title: t('kpi.weights.title', { model: view.modelName, period: view.period, version: view.version }),
    tone: view.saved ? 'success' : 'info',
    blocks,
  });
}

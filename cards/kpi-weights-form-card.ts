import type { Translate } from '../src/i18n/index.js';
import { type Card, type FormField, makeCard } from './card.js';
import { metricLabel } from './kpi-format.js';

/** The form field that holds the reason; metric codes are the other field ids. */
export const KPI_WEIGHTS_REASON_FIELD = 'reason';

export interface KpiWeightsFormView {
  /** Submits the form; declared in src/kpi/index.ts with the other KPI actions. */
  saveActionId: string;
  modelCode: string;
  period: string;
  metrics: { code: string; weight: number }[];
}

/** The edit-weights form: one number per metric, prefilled, and a required reason. */
export function kpiWeightsFormCard(view: KpiWeightsFormView, t: Translate): Card {
  const fields: FormField[] = [
    ...view.metrics.map((m) => ({
      id: m.code,
      label: `${metricLabel(m.code, t)} (${m.code})`,
      kind: 'number' as const,
      initial: String(m.weight),
      required: true,
    })),
    {
      id: KPI_WEIGHTS_REASON_FIELD,
      label: t('kpi.weights.form.reason'),
      kind: 'text',
      required: true,
      hint: t('kpi.weights.form.reason_hint'),
    },
  ];
  const command = `kpi weights ${view.modelCode} ${view.period} ${view.metrics.map((m) => `${m.code}=${m.weight}`).join(' ')}`;
  return makeCard({
    audience: 'personal',
    title: t('kpi.weights.form.title', { model: view.modelCode, period: view.period }),
    blocks: [
      { type: 'text', text: t('kpi.weights.form.intro', { period: view.period }) },
      {
        type: 'form',
        submit: {
          actionId: view.saveActionId,
          label: t('kpi.weights.form.submit'),
          value: `${view.modelCode} ${view.period}`,
        },
        fields,
        fallback: t('kpi.weights.form.fallback', { command }),
      },
    ],
  });
}

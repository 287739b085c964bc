// The "Edit weights" form: opens prefilled from the model in force, and saves through the same
// path as `kpi weights … reason: …` (saveWeights), so validation, audit and versions agree.
import type { Card } from '../../cards/card.js';
import { KPI_WEIGHTS_REASON_FIELD, kpiWeightsFormCard } from '../../cards/kpi-weights-form-card.js';
import type { ActionContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import type { KpiContext } from './context.js';
import { loadWeightsModel, requireWeightsRole, saveWeights } from './handlers-weights.js';
import { KPI_ACTIONS } from './index.js';
import { weightsFormTarget, weightsFormValue } from './schemas.js';

const WEIGHT = /^\d{1,3}(\.\d{1,2})?$/;

function target(value: string | undefined): { code: string; period: string } {
  const parsed = weightsFormTarget.safeParse(value);
  if (!parsed.success) throw new KaopuError('kpi.weights.form.invalid');
  const [code = '', period = ''] = parsed.data.split(' ');
  return { code, period };
}

/** `kpi.weights.edit` (value "model period"): the form with one number per metric. */
export async function editWeights(kpi: KpiContext, ctx: ActionContext): Promise<Card[]> {
  await requireWeightsRole(kpi, ctx, 'kpi.weights.edit');
  await kpi.ready();
  const { code, period } = target(ctx.value);
  const model = await loadWeightsModel(kpi, code, period);
  return [
    kpiWeightsFormCard(
      {
        saveActionId: KPI_ACTIONS.weightsSave,
        modelCode: code,
        period,
        metrics: model.current.metrics.map((m) => ({ code: m.metric, weight: m.weight })),
      },
      ctx.t,
    ),
  ];
}

/** `kpi.weights.save`: the submitted form, value `{"value": "model period", "fields": {…}}`. */
export async function saveWeightsForm(kpi: KpiContext, ctx: ActionContext): Promise<Card[]> {
  await requireWeightsRole(kpi, ctx, 'kpi.weights.save');
  let json: unknown;
  try {
    json = JSON.parse(ctx.value ?? '');
  } catch {
    throw new KaopuError('kpi.weights.form.invalid');
  }
  const submitted = weightsFormValue.safeParse(json);
  if (!submitted.success) throw new KaopuError('kpi.weights.form.invalid');
  await kpi.ready();
  const { code, period } = target(submitted.data.value);
  const { fields } = submitted.data;
  const model = await loadWeightsModel(kpi, code, period);
  const changes = model.current.metrics.flatMap((m) => {
    const raw = fields[m.metric]?.trim();
    if (raw === undefined || raw === '') return [];
    if (!WEIGHT.test(raw)) throw new KaopuError('kpi.weights.form.number', { params: { metric: m.metric } });
    const weight = Number(raw);
    return weight === m.weight ? [] : [{ metric: m.metric, weight }];
  });
  if (changes.length === 0) throw new KaopuError('kpi.weights.form.unchanged');
  return saveWeights(kpi, ctx, model, changes, (fields[KPI_WEIGHTS_REASON_FIELD] ?? '').trim());
}

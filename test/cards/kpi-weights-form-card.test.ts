import { describe, expect, it } from 'vitest';
import { type FormBlock, formValue } from '../../cards/card.js';
import { kpiWeightsFormCard } from '../../cards/kpi-weights-form-card.js';
import { translator } from '../../src/i18n/index.js';
import { KPI_ACTIONS } from '../../src/kpi/index.js';

const view = {
  saveActionId: KPI_ACTIONS.weightsSave,
  modelCode: 'aftersales_engineer',
  period: '2026-11',
  metrics: [
    { code: 'csat_avg', weight: 30 },
    { code: 'wo_points', weight: 70 },
  ],
};

describe('kpiWeightsFormCard', () => {
  it('falls back to the kpi weights command with the current weights in plain text', () => {
    const card = kpiWeightsFormCard(view, translator('en'));
    expect(card.text).toContain('Forms cannot be filled in here.');
    expect(card.text).toContain('kpi weights aftersales_engineer 2026-11 csat_avg=30 wo_points=70 reason: <why>');
  });

  it('asks for one prefilled number per metric and a required reason', () => {
    const card = kpiWeightsFormCard(view, translator('zh-CN'));
    const form = card.blocks.find((b): b is FormBlock => b.type === 'form');
    expect(form?.fields.map((f) => [f.id, f.kind, f.initial, f.required])).toEqual([
      ['csat_avg', 'number', '30', true],
      ['wo_points', 'number', '70', true],
      ['reason', 'text', undefined, true],
    ]);
    expect(form?.submit).toMatchObject({ actionId: 'kpi.weights.save', value: 'aftersales_engineer 2026-11' });
  });

  it('encodes a submission as the JSON value features parse', () => {
    expect(JSON.parse(formValue('m 2026-11', { reason: 'x' }))).toEqual({
      value: 'm 2026-11',
      fields: { reason: 'x' },
    });
  });
});

// Survey metrics against hand-counted answers in 2026-08, a month the demo company has no data.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);

describe('csat_avg', () => {
  beforeAll(async () => {
    await r.employee('e-cs');
    await r.employee('e-cs-other');
    await r.employee('e-cs-none');
    await r.answer('cs-1', 'e-cs', { csat: 5, answeredAt: bj('2026-08-01 00:00') });
    await r.answer('cs-2', 'e-cs', { csat: 4 });
    await r.answer('cs-3', 'e-cs', { csat: 2, answeredAt: bj('2026-08-31 23:59') });
    await r.answer('cs-4', 'e-cs', { csat: 1, answeredAt: bj('2026-07-31 23:59') });
    await r.answer('cs-5', 'e-cs', { csat: 1, answeredAt: bj('2026-09-01 00:00') });
    await r.answer('cs-6', 'e-cs-other', { csat: 1 });
  });

  it('averages the answers received between the local midnights that bound the month', async () => {
    // 3 surveys: 5, 4, 2 → 11 / 3 = 3.67; the 1s of 31 Jul 23:59, 1 Sep 00:00 and a colleague stay out
    const v = await r.metric('csat_avg', 'e-cs');
    expect(v.recordIds).toEqual(['cs-1', 'cs-2', 'cs-3']);
    expect(v.value).toBeCloseTo(3.667, 3);
  });

  it('is unknown (null), not zero, for an employee with no answers', async () => {
    expect(await r.metric('csat_avg', 'e-cs-none')).toEqual({ value: null, recordIds: [] });
  });
});

describe('nps', () => {
  // Vectors from jjscheng/nps-calculator test/test.js @ a73b633 (via /work/shared/reference/vectors.json
  // → nps.vectors_fraction_scale): the library returns a fraction, Kaopu the same ×100.
  const mixed = [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 7, 8, 7, 8, 7, 8, 9, 10, 9, 10];
  const passives = [7, 7, 7, 8, 8, 8];
  const answers = async (employee: string, prefix: string, scores: (number | null)[]) => {
    await r.employee(employee);
    const ids: string[] = [];
    for (const [i, nps] of scores.entries()) ids.push(await r.answer(`${prefix}-${i + 10}`, employee, { nps }));
    return ids;
  };
  let mixedIds: string[] = [];

  beforeAll(async () => {
    mixedIds = await answers('e-nps-mixed', 'nm', mixed);
    await r.answer('nm-out', 'e-nps-mixed', { nps: 0, answeredAt: bj('2026-09-01 00:00') });
    await r.answer('nm-none', 'e-nps-mixed', { nps: null });
    await answers('e-nps-passive', 'np', passives);
    await answers('e-nps-blank', 'nb', [null, null]);
  });

  it('scores 4 promoters, 6 passives and 10 detractors out of 20 as -30 (vector: -0.3)', async () => {
    // (4 − 10) / 20 = −30 %; the answer without an NPS question and the one on 1 Sep 00:00 stay out
    expect(await r.metric('nps', 'e-nps-mixed')).toEqual({ value: -30, recordIds: [...mixedIds].sort() });
  });

  it('scores only passives (7 and 8) as 0 (vector: 0), not as unknown', async () => {
    expect((await r.metric('nps', 'e-nps-passive')).value).toBe(0);
  });

  it('is unknown (null) when no answer carried an NPS score', async () => {
    expect(await r.metric('nps', 'e-nps-blank')).toEqual({ value: null, recordIds: [] });
  });
});

describe('survey_response_rate', () => {
  beforeAll(async () => {
    await r.employee('e-sr');
    await r.employee('e-sr-none');
    await r.invitation('sr-1', 'e-sr', bj('2026-08-01 00:00'), bj('2026-08-01 10:00'));
    await r.invitation('sr-2', 'e-sr', bj('2026-08-12 18:00'), bj('2026-08-13 09:00'));
    await r.invitation('sr-3', 'e-sr', bj('2026-08-31 20:00'), bj('2026-09-02 08:00'));
    await r.invitation('sr-4', 'e-sr', bj('2026-08-20 18:00'));
    await r.invitation('sr-5', 'e-sr', bj('2026-07-31 23:59'), bj('2026-08-01 09:00'));
  });

  it('counts invitations sent in the month that were answered, even if answered after it', async () => {
    // sent in August: sr-1..4; answered: sr-1, sr-2, sr-3 (on 2 Sep) → 3/4 = 75 %; sr-5 was sent in July
    expect(await r.metric('survey_response_rate', 'e-sr')).toEqual({
      value: 75,
      recordIds: ['sr-1', 'sr-2', 'sr-3', 'sr-4'],
    });
  });

  it('is unknown (null) when no invitation was sent', async () => {
    expect(await r.metric('survey_response_rate', 'e-sr-none')).toEqual({ value: null, recordIds: [] });
  });
});

describe('complaints from surveys', () => {
  it('counts an answer whose customer ticked "complaint" with the helpdesk complaints', async () => {
    await r.employee('e-sv-cp');
    await r.ticket('sv-cp-t', 'e-sv-cp', { isComplaint: true });
    await r.answer('sv-cp-a', 'e-sv-cp', { csat: 1 });
    await r.answer('sv-cp-b', 'e-sv-cp', { csat: 2 });
    await app.db.surveyAnswer.update({ where: { id: 'sv-cp-a' }, data: { tags: '["slow","complaint"]' } });
    await app.db.surveyAnswer.update({ where: { id: 'sv-cp-b' }, data: { tags: '["slow"]' } });
    const v = await r.metric('complaints', 'e-sv-cp');
    expect(v).toEqual({ value: 2, recordIds: ['sv-cp-a', 'sv-cp-t'] });
  });
});

// Training and quality-error metrics against hand-made records in 2026-08.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);

describe('training_hours', () => {
  beforeAll(async () => {
    await r.employee('e-tn');
    await r.employee('e-tn-none');
    await r.training('tn-1', 'e-tn', { minutes: 90 });
    await r.training('tn-2', 'e-tn', { minutes: 45, completedAt: bj('2026-08-31 23:59') });
    await r.training('tn-3', 'e-tn', { minutes: 45 });
    await r.training('tn-4', 'e-tn', { minutes: 120, completedAt: null });
    await r.training('tn-5', 'e-tn', { minutes: 60, completedAt: bj('2026-09-01 00:00') });
  });

  it('adds the hours of training completed in the month', async () => {
    // 90 + 45 + 45 = 180 min = 3 h; tn-4 is not finished, tn-5 finished on 1 Sep 00:00
    expect(await r.metric('training_hours', 'e-tn')).toEqual({ value: 3, recordIds: ['tn-1', 'tn-2', 'tn-3'] });
  });

  it('counts zero hours for an employee without training', async () => {
    expect(await r.metric('training_hours', 'e-tn-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('exam_score_avg', () => {
  beforeAll(async () => {
    await r.employee('e-ex');
    await r.employee('e-ex-noexam');
    await r.training('ex-1', 'e-ex', { examScore: 80 });
    await r.training('ex-2', 'e-ex', { examScore: 95 });
    await r.training('ex-3', 'e-ex', { examScore: null });
    await r.training('ex-4', 'e-ex', { examScore: 40, completedAt: bj('2026-07-31 23:59') });
    await r.training('ex-5', 'e-ex-noexam', { examScore: null });
  });

  it('averages the exam scores of the month, skipping courses without an exam', async () => {
    // (80 + 95) / 2 = 87.5; ex-3 had no exam, ex-4 was in July
    expect(await r.metric('exam_score_avg', 'e-ex')).toEqual({ value: 87.5, recordIds: ['ex-1', 'ex-2'] });
  });

  it('is unknown (null) when no completed course had an exam', async () => {
    expect(await r.metric('exam_score_avg', 'e-ex-noexam')).toEqual({ value: null, recordIds: [] });
  });
});

describe('errors_major', () => {
  beforeAll(async () => {
    await r.employee('e-em');
    await r.employee('e-em-none');
    await r.qualityError('em-1', 'e-em', { grade: 'MAJOR' });
    await r.qualityError('em-2', 'e-em', { grade: 'MAJOR', status: 'APPEALED' });
    await r.qualityError('em-3', 'e-em', { grade: 'MAJOR', status: 'UPHELD' });
    await r.qualityError('em-4', 'e-em', { grade: 'MAJOR', status: 'OVERTURNED' });
    await r.qualityError('em-5', 'e-em', { grade: 'MINOR' });
    await r.qualityError('em-6', 'e-em', { grade: 'MAJOR', occurredAt: bj('2026-09-01 00:00') });
  });

  it('counts major errors not overturned on appeal, a pending appeal still counting', async () => {
    // em-1 recorded, em-2 under appeal, em-3 upheld → 3; em-4 overturned, em-5 minor, em-6 in September
    expect(await r.metric('errors_major', 'e-em')).toEqual({ value: 3, recordIds: ['em-1', 'em-2', 'em-3'] });
  });

  it('counts zero major errors for an employee without any', async () => {
    expect(await r.metric('errors_major', 'e-em-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('errors_minor', () => {
  beforeAll(async () => {
    await r.employee('e-en');
    await r.qualityError('en-1', 'e-en', { grade: 'MINOR' });
    await r.qualityError('en-2', 'e-en', { grade: 'MINOR', status: 'OVERTURNED' });
    await r.qualityError('en-3', 'e-en', { grade: 'MAJOR' });
    await r.qualityError('en-4', 'e-en', { grade: 'MINOR', occurredAt: bj('2026-08-01 00:00') });
    await r.qualityError('en-5', 'e-en', { grade: 'MINOR', occurredAt: bj('2026-07-31 23:59') });
  });

  it('counts minor errors not overturned on appeal', async () => {
    // en-1, en-4 (1 Aug 00:00) → 2; en-2 overturned, en-3 major, en-5 in July
    expect(await r.metric('errors_minor', 'e-en')).toEqual({ value: 2, recordIds: ['en-1', 'en-4'] });
  });
});

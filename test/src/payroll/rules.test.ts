import { describe, expect, it } from 'vitest';
import { closeTiming, type FrozenBasis, lateRecords, type PeriodRecord } from '../../../src/payroll/rules.js';

const closedAt = new Date('2026-10-03T02:00:00Z');
const basis = new Map<string, FrozenBasis>([
  ['emp_a', { recordTypes: new Set(['SurveyAnswer', 'WorkOrder']), recordKeys: new Set(['SurveyAnswer:sa_1']) }],
]);
const record = (o: Partial<PeriodRecord>): PeriodRecord => ({
  recordType: 'WorkOrder',
  recordId: 'wo_1',
  employeeId: 'emp_a',
  changedAt: null,
  ...o,
});

describe('closeTiming', () => {
  it('closes past months, confirms the running month and refuses the future', () => {
    expect(closeTiming('2026-10', '2026-11')).toBe('past');
    expect(closeTiming('2026-11', '2026-11')).toBe('current');
    expect(closeTiming('2026-12', '2026-11')).toBe('future');
    expect(closeTiming('2025-12', '2026-01')).toBe('past');
  });
});

describe('lateRecords', () => {
  it('flags a record written after the close and keeps one written before', () => {
    const late = record({ recordId: 'wo_late', changedAt: new Date('2026-10-03T02:00:01Z') });
    const early = record({ recordId: 'wo_early', changedAt: new Date('2026-10-03T01:59:59Z') });
    expect(lateRecords([late, early], closedAt, basis)).toEqual([late]);
  });

  it('flags an undated record of a counted kind missing from the frozen result', () => {
    const counted = record({ recordType: 'SurveyAnswer', recordId: 'sa_1' });
    const missing = record({ recordType: 'SurveyAnswer', recordId: 'sa_2' });
    const uncountedKind = record({ recordType: 'TrainingRecord', recordId: 'tr_1' });
    expect(lateRecords([counted, missing, uncountedKind], closedAt, basis)).toEqual([missing]);
  });

  it('skips people who have no frozen result', () => {
    expect(lateRecords([record({ employeeId: 'emp_b', changedAt: new Date('2027-01-01') })], closedAt, basis)).toEqual(
      [],
    );
  });
});

// onRecordsChanged: which people and periods a changed KPI input marks for recompute.
import { describe, expect, it } from 'vitest';
import { onRecordsChanged } from '../../../src/kpi/record-changes.js';

function recorder() {
  const marked: [string, string][] = [];
  return { marked, markDirty: (employeeId: string, period: string) => void marked.push([employeeId, period]) };
}

describe('onRecordsChanged', () => {
  it('marks every employee of the change dirty for the month the record falls in', () => {
    const scheduler = recorder();
    onRecordsChanged(scheduler, { employeeIds: ['emp_a', 'emp_b'], occurredAt: new Date('2026-11-10T07:00:00Z') });
    expect(scheduler.marked).toEqual([
      ['emp_a', '2026-11'],
      ['emp_b', '2026-11'],
    ]);
  });

  it('marks both months for a record near midnight at a month end, where zones disagree on the month', () => {
    const scheduler = recorder();
    // 18:00 UTC on 31 October is already 1 November in Shanghai
    onRecordsChanged(scheduler, { employeeIds: ['emp_a'], occurredAt: new Date('2026-10-31T18:00:00Z') });
    expect(scheduler.marked).toEqual([
      ['emp_a', '2026-10'],
      ['emp_a', '2026-11'],
    ]);
  });

  it('marks nothing for a change without people', () => {
    const scheduler = recorder();
    onRecordsChanged(scheduler, { employeeIds: [], occurredAt: new Date('2026-11-10T07:00:00Z') });
    expect(scheduler.marked).toEqual([]);
  });
});

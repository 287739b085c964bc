// `record.changed`: a KPI input was stored, changed or removed, so its people's results are stale.
import { periodOf } from '../time/period.js';
import { localDate } from '../time/zoned.js';

export interface RecordsChanged {
  employeeIds: readonly string[];
  /** When the record counts (a check-in's time, an answer's time), not when it was stored. */
  occurredAt: Date;
}

/** The periods an instant falls in for some zone: UTC−12 and UTC+14 bound every local date. */
export function periodsAt(at: Date): string[] {
  return [...new Set([periodOf(localDate(at, 'Etc/GMT+12')), periodOf(localDate(at, 'Etc/GMT-14'))])];
}

/** Marks the people dirty for each period the change may touch; the scheduler recomputes them. */
export function onRecordsChanged(
  scheduler: { markDirty(employeeId: string, period: string): void },
  change: RecordsChanged,
): void {
  for (const period of periodsAt(change.occurredAt)) {
    for (const id of change.employeeIds) scheduler.markDirty(id, period);
  }
}

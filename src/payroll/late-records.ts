// Records that reached a closed period after its close: found, then kept as adjustments.
import type { Db } from '../db/client.js';
import { findPeriod, parseKpiInputs } from '../reports/index.js';
import { periodRange } from '../time/period.js';
import { type FrozenBasis, lateRecords, type PeriodRecord, recordKey } from './rules.js';
import { countAdjustments, frozenResults, periodRecords, recordPostCloseAdjustment } from './store.js';

export const LATE_NOTES = {
  writtenAfterClose: 'payroll.adjustment.written_after_close',
  notInResult: 'payroll.adjustment.not_in_result',
} as const;

/** Late records of a closed period (none for an open one); `timeZone` bounds the month. */
export async function findLateRecords(db: Db, period: string, timeZone: string): Promise<PeriodRecord[]> {
  const row = await findPeriod(db, period);
  if (row?.status !== 'CLOSED' || !row.closedAt) return [];
  const basis = new Map<string, FrozenBasis>();
  for (const result of await frozenResults(db, period)) {
    const inputs = parseKpiInputs(result.inputs);
    const types = new Set<string>();
    const keys = new Set<string>();
    for (const m of inputs?.metrics ?? []) {
      types.add(m.recordType);
      for (const id of m.recordIds) keys.add(recordKey(m.recordType, id));
    }
    // Deduction and bonus rules carry ids without a type; any type may hold them
    for (const x of [...(inputs?.deductions ?? []), ...(inputs?.bonuses ?? [])]) {
      for (const id of x.recordIds) for (const type of types) keys.add(recordKey(type, id));
    }
    basis.set(result.employeeId, { recordTypes: types, recordKeys: keys });
  }
  if (basis.size === 0) return [];
  const records = await periodRecords(db, [...basis.keys()], periodRange(period, timeZone));
  return lateRecords(records, row.closedAt, basis);
}

/** Finds late records and stores each once as a post-close adjustment; returns how many are new. */
export async function syncLateAdjustments(db: Db, period: string, timeZone: string): Promise<number> {
  const late = await findLateRecords(db, period, timeZone);
  const before = await countAdjustments(db, period);
  for (const r of late) {
    await recordPostCloseAdjustment(db, {
      period,
      employeeId: r.employeeId,
      recordType: r.recordType,
      recordId: r.recordId,
      // a code, translated when shown
      note: r.changedAt ? LATE_NOTES.writtenAfterClose : LATE_NOTES.notInResult,
    });
  }
  return (await countAdjustments(db, period)) - before;
}

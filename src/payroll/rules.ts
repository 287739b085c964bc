// Period close and payroll export decisions. Pure: plain values in and out.

import type { Table } from '../files/index.js';
import type { Translate } from '../i18n/index.js';
import type { ResultRow } from '../reports/index.js';

/** Closing the month still running needs a confirmation; a month not yet started cannot close. */
export function closeTiming(period: string, current: string): 'past' | 'current' | 'future' {
  if (period < current) return 'past';
  return period === current ? 'current' : 'future';
}

/** Payroll columns: what a payroll system imports, plus what makes each number traceable. */
export function payrollTable(rows: readonly ResultRow[], period: string, closed: boolean, t: Translate): Table {
  const yes = t('payroll.yes');
  const no = t('payroll.no');
  return {
    name: t('payroll.title', { period }),
    columns: [
      t('payroll.col.employee_no'),
      t('payroll.col.name'),
      t('payroll.col.department'),
      t('payroll.col.period'),
      t('payroll.col.total_score'),
      t('payroll.col.band'),
      t('payroll.col.prorated'),
      t('payroll.col.model'),
      t('payroll.col.model_version'),
      t('payroll.col.content_hash'),
      t('payroll.col.closed'),
      t('payroll.col.status'),
    ],
    rows: rows.map((r) => [
      r.employeeNo,
      r.name,
      r.departmentName,
      period,
      r.result?.totalScore ?? null,
      r.result?.band ?? null,
      r.result ? (r.result.prorated ? yes : no) : null,
      r.result?.modelCode ?? null,
      r.result?.modelVersion ?? null,
      r.result?.contentHash ?? null,
      closed ? yes : no,
      t(closed ? 'payroll.status.FINAL' : 'payroll.status.PROVISIONAL'),
    ]),
  };
}

export interface AdjustmentRow {
  employeeNo: string;
  name: string;
  recordType: string;
  recordId: string;
  /** Local "YYYY-MM-DD HH:mm" when it was noticed. */
  foundAt: string;
  note: string | null;
}

export function adjustmentsTable(rows: readonly AdjustmentRow[], t: Translate): Table {
  return {
    name: t('payroll.sheet.adjustments'),
    columns: [
      t('payroll.col.employee_no'),
      t('payroll.col.name'),
      t('payroll.col.record_type'),
      t('payroll.col.record_id'),
      t('payroll.col.found_at'),
      t('payroll.col.note'),
    ],
    rows: rows.map((a) => [a.employeeNo, a.name, a.recordType, a.recordId, a.foundAt, a.note]),
  };
}

/** A record dated inside a closed period, as the late-record check sees it. */
export interface PeriodRecord {
  recordType: string;
  recordId: string;
  employeeId: string;
  /** Last write time where the table keeps one; null where it does not. */
  changedAt: Date | null;
}

/** What the frozen results of one employee were computed from. */
export interface FrozenBasis {
  recordTypes: ReadonlySet<string>;
  recordKeys: ReadonlySet<string>;
}

export function recordKey(recordType: string, recordId: string): string {
  return `${recordType}:${recordId}`;
}

/**
 * Late records of a closed period. With a write time, "late" means written after the close.
 * Survey answers and training records keep no write time, so for them "late" means: of a kind
 * the person's frozen score counts, yet not among the records it was computed from.
 * People without a frozen result have no score to adjust and are skipped.
 */
export function lateRecords(
  records: readonly PeriodRecord[],
  closedAt: Date,
  basis: ReadonlyMap<string, FrozenBasis>,
): PeriodRecord[] {
  return records.filter((r) => {
    const frozen = basis.get(r.employeeId);
    if (!frozen) return false;
    if (r.changedAt !== null) return r.changedAt.getTime() > closedAt.getTime();
    return frozen.recordTypes.has(r.recordType) && !frozen.recordKeys.has(recordKey(r.recordType, r.recordId));
  });
}

// The payroll export: one row per person with a result, final once the period is closed,
// provisional before; late records of a closed period ride along as adjustments.
import type { ReportLinks } from '../../cards/report-links.js';
import type { PayrollAdjustmentView } from '../../cards/report-payroll-card.js';
import type { Audit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import type { FileService } from '../files/index.js';
import { publishReport } from '../files/index.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { findPeriod, loadResultRows } from '../reports/index.js';
import { contentHashOf } from '../shared/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { LATE_NOTES, syncLateAdjustments } from './late-records.js';
import { adjustmentsTable, payrollTable } from './rules.js';
import { listAdjustments } from './store.js';

export interface PayrollDeps {
  db: Db;
  audit: Audit;
  files: FileService;
  /** The company's zone: month boundaries for late records. */
  timeZone: string;
}

export interface PayrollExport {
  final: boolean;
  closedAt: Date | null;
  people: number;
  noData: number;
  hash: string;
  adjustments: PayrollAdjustmentView[];
  adjustmentCount: number;
  links: ReportLinks;
}

const CARD_ADJUSTMENTS = 5;
const NOTE_KEYS = new Set<string>(Object.values(LATE_NOTES));

export async function buildPayrollExport(
  deps: PayrollDeps,
  input: { period: string; t: Translate; actorId: string; readerTimeZone: string; now: Date },
): Promise<PayrollExport> {
  const { period, t } = input;
  const periodRow = await findPeriod(deps.db, period);
  const final = periodRow?.status === 'CLOSED';
  if (final) await syncLateAdjustments(deps.db, period, deps.timeZone);
  const rows = await loadResultRows(deps.db, { kpiResults: { some: { period } } }, period);
  const byId = new Map(rows.map((r) => [r.employeeId, r]));
  const adjustments = (await listAdjustments(deps.db, period)).map((a) => ({
    employeeNo: byId.get(a.employeeId)?.employeeNo ?? a.employeeId,
    name: byId.get(a.employeeId)?.name ?? '',
    recordType: a.recordType,
    recordId: a.recordId,
    foundAt: formatLocalTime(a.createdAt, input.readerTimeZone),
    note: a.note && NOTE_KEYS.has(a.note) ? t(a.note as MessageKey) : a.note,
  }));
  const table = payrollTable(rows, period, final, t);
  const links = await publishReport(deps.files, {
    kind: 'payroll.export',
    baseName: t(final ? 'payroll.file.final' : 'payroll.file.provisional', { period }),
    sheets: [table, adjustmentsTable(adjustments, t)],
    csv: table,
    requestedById: input.actorId,
    now: input.now,
  });
  const hash =
    final && periodRow?.contentHash
      ? periodRow.contentHash
      : contentHashOf(
          rows.flatMap((r) => (r.result ? [{ employeeId: r.employeeId, contentHash: r.result.contentHash }] : [])),
        );
  return {
    final,
    closedAt: periodRow?.closedAt ?? null,
    people: rows.length,
    noData: rows.filter((r) => r.result?.totalScore === null).length,
    hash,
    adjustments: adjustments.slice(0, CARD_ADJUSTMENTS),
    adjustmentCount: adjustments.length,
    links,
  };
}

// Turns finished tables and charts into stored files with signed links for a card.
import type { ReportLinks } from '../../cards/report-links.js';
import { toCsv } from './csv.js';
import type { FileService } from './file-service.js';
import { safeFileName } from './safe-file-name.js';
import type { Table } from './table.js';
import { toXlsx } from './xlsx.js';

export interface ReportFiles {
  kind: string;
  baseName: string;
  /** Every sheet of the workbook. */
  sheets: readonly Table[];
  /** The one table the CSV holds (CSV has no sheets). */
  csv: Table;
  requestedById: string;
  now: Date;
}

export async function publishReport(files: FileService, input: ReportFiles): Promise<ReportLinks> {
  const base = safeFileName(input.baseName);
  const common = { kind: input.kind, requestedById: input.requestedById, now: input.now };
  const xlsxUrl = await files.publish({
    ...common,
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: await toXlsx(input.sheets),
  });
  const csvUrl = await files.publish({
    ...common,
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(toCsv(input.csv), 'utf8'),
  });
  return { xlsxUrl, csvUrl, ttlHours: files.ttlHours };
}

export function publishChart(
  files: FileService,
  png: Buffer,
  input: { baseName: string; requestedById: string; now: Date },
): Promise<string> {
  return files.publish({
    kind: 'chart',
    fileName: `${safeFileName(input.baseName)}.png`,
    contentType: 'image/png',
    content: png,
    requestedById: input.requestedById,
    now: input.now,
  });
}

/** One workbook, no CSV (a "why" export: every record behind a figure). */
export function publishWorkbook(
  files: FileService,
  input: { kind: string; baseName: string; sheets: readonly Table[]; requestedById: string; now: Date },
): Promise<string> {
  return toXlsx(input.sheets).then((content) =>
    files.publish({
      kind: input.kind,
      fileName: `${safeFileName(input.baseName)}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content,
      requestedById: input.requestedById,
      now: input.now,
    }),
  );
}

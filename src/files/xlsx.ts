// Workbooks through write-excel-file (FACTS.md: no SheetJS). Headers bold, first row sticky.
import type { Row, Sheet } from 'write-excel-file/node';
import type { Cell, Table } from './table.js';

function cell(value: Cell): Row[number] {
  if (value === null) return null;
  return typeof value === 'number' ? { value, type: Number } : { value, type: String };
}

/** Excel limits sheet names to 31 characters without []:*?/\ */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const sheets: Sheet<Buffer>[] = tables.map((table) => ({
    sheet: sheetName(table.name),
    stickyRowsCount: 1,
    columns: table.columns.map((c) => ({ width: Math.max(10, Math.min(40, c.length * 2 + 4)) })),
    data: [
      table.columns.map((c) => ({ value: c, type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map(cell)),
    ],
  }));
  // Loaded on the first workbook rather than at start-up.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(sheets).toBuffer();
}

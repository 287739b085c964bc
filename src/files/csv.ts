// CSV the way Excel opens it without an import wizard: UTF-8 with a BOM (otherwise Excel reads
// Chinese as GBK), CRLF line ends, RFC 4180 quoting.
import type { Cell, Table } from './table.js';

const BOM = '\uFEFF';

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  // A text cell starting with = + - @ would run as a formula in Excel (CSV injection)
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A report table before it becomes CSV or XLSX: translated headers, typed cells (null = empty). */
export type Cell = string | number | null;

export interface Table {
  /** Sheet name in the workbook. */
  name: string;
  columns: string[];
  rows: Cell[][];
}

// What the runner pulls from: a source's pages, each with the cursor to store once that page's
// records are committed. The generic REST source (rest-source.ts) and Zendesk (zendesk.ts) are
// both connectors; the runner (runner.ts) does the rest the same way for each.
import type { MappedRecord } from './mapping.js';
import type { RecordType } from './source-config.js';

export interface Page {
  records: readonly unknown[];
  /** The whole response body (Zendesk sideloads users next to tickets). */
  body: unknown;
  /** The incremental cursor once this page is committed; null: unchanged. */
  cursor: string | null;
}

export interface Connector {
  /** DataSource.code: the `source` of every record and SyncCursor. */
  source: string;
  /** What is pulled (SyncCursor.entity), e.g. "tickets"; a source may have several. */
  entity: string;
  recordType: RecordType;
  /** Reads the pages after `cursor` (null: from the start), to the end. */
  pages(cursor: string | null): AsyncIterable<Page>;
  map(raw: unknown, page: Page): MappedRecord | Promise<MappedRecord>;
}

/** Compares two cursor values: numerically when both are numbers, else as text (ISO dates). */
export function laterCursor(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return nb > na ? b : a;
  return b > a ? b : a;
}

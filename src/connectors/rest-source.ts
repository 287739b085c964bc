// The generic REST source: a validated configuration (source-config.ts) is a connector, with no
// code per source. Pages are read to the end in the configured style; the incremental cursor is
// a record field's largest value or a value the response names.
import type { Connector, Page } from './connector.js';
import { laterCursor } from './connector.js';
import type { Fetcher } from './fetcher.js';
import { mapRecord, readPath } from './mapping.js';
import type { RestSource } from './source-config.js';

/** A run stops with an error rather than loop forever on a source that never ends. */
export const MAX_PAGES_PER_RUN = 20_000;

export function restConnector(
  source: RestSource,
  fetcher: Fetcher,
  options: { entity?: string; map?: Connector['map'] } = {},
): Connector {
  return {
    source: source.code,
    entity: options.entity ?? source.recordType,
    recordType: source.recordType,
    pages: (cursor) => readPages(source, fetcher, cursor),
    map: options.map ?? ((raw) => mapRecord(raw, source)),
  };
}

function stringOrNull(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value.slice(0, 500);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

async function* readPages(source: RestSource, fetcher: Fetcher, stored: string | null): AsyncGenerator<Page> {
  const paging = source.paging;
  const incremental = source.incremental;
  const first = new URL(`${source.baseUrl}${source.request.path}`);
  for (const [key, value] of Object.entries(source.request.query)) first.searchParams.set(key, String(value));
  if (incremental && stored !== null) first.searchParams.set(incremental.param, stored);
  else if (incremental?.initial !== undefined) {
    first.searchParams.set(incremental.initialParam ?? incremental.param, incremental.initial);
  }
  if ((paging.style === 'cursor' || paging.style === 'nextLink') && paging.sizeParam) {
    first.searchParams.set(paging.sizeParam, String(paging.size));
  }

  let cursor = stored;
  let pageNumber = paging.style === 'page' ? paging.firstPage : 0;
  let offset = 0;
  let next: URL | null = first;
  const seen = new Set<string>();
  for (let count = 0; next; count++) {
    if (count >= MAX_PAGES_PER_RUN)
      throw new Error(`source "${source.code}" sent more than ${MAX_PAGES_PER_RUN} pages`);
    const url: URL = new URL(next);
    if (paging.style === 'page') {
      url.searchParams.set(paging.pageParam, String(pageNumber));
      url.searchParams.set(paging.sizeParam, String(paging.size));
    } else if (paging.style === 'offset') {
      url.searchParams.set(paging.offsetParam, String(offset));
      url.searchParams.set(paging.limitParam, String(paging.size));
    }
    const key = url.toString();
    if (seen.has(key)) throw new Error(`source "${source.code}" sent the same page twice (a paging loop)`);
    seen.add(key);

    const body = await fetcher.get(url);
    const records = source.request.recordsPath ? readPath(body, source.request.recordsPath) : body;
    if (!Array.isArray(records)) {
      throw new Error(
        `source "${source.code}": the response has no records array at ${source.request.recordsPath ?? '(body)'}`,
      );
    }
    if (incremental?.field) {
      for (const record of records) cursor = laterCursor(cursor, stringOrNull(readPath(record, incremental.field)));
    } else if (incremental?.fromResponse) {
      cursor = stringOrNull(readPath(body, incremental.fromResponse)) ?? cursor;
    }

    next = null;
    switch (paging.style) {
      case 'none':
        break;
      case 'page':
        if (records.length >= paging.size) {
          pageNumber += 1;
          next = first;
        }
        break;
      case 'offset':
        if (records.length >= paging.size) {
          offset += records.length;
          next = first;
        }
        break;
      case 'cursor': {
        const token = stringOrNull(readPath(body, paging.nextCursorPath));
        if (token && hasMore(body, paging, records.length)) {
          next = new URL(first);
          next.searchParams.set(paging.cursorParam, token);
        }
        break;
      }
      case 'nextLink': {
        const link = stringOrNull(readPath(body, paging.nextLinkPath));
        if (link && hasMore(body, paging, records.length)) next = new URL(link, `${source.baseUrl}/`);
        break;
      }
    }
    yield { records, body, cursor: cursor === stored ? null : cursor };
  }
}

function hasMore(
  body: unknown,
  paging: { hasMorePath?: string | undefined; endPath?: string | undefined },
  _count: number,
): boolean {
  if (paging.endPath !== undefined && readPath(body, paging.endPath) === true) return false;
  if (paging.hasMorePath !== undefined) return readPath(body, paging.hasMorePath) === true;
  return true;
}

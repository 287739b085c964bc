// A source's HTTP side with nock at the boundary: paging to the end in each style, 429 with
// Retry-After, 5xx then success, timeouts, and the allow-list for next links.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLimiters } from '../../../src/bot/limiters.js';
import type { Page } from '../../../src/connectors/connector.js';
import { createFetcher, retryAfterMs } from '../../../src/connectors/fetcher.js';
import { restConnector } from '../../../src/connectors/rest-source.js';
import { parseSource, type RestSourceInput } from '../../../src/connectors/source-config.js';

const BASE = 'https://wo.example.com';
const limiters = createLimiters();

function source(overrides: Partial<RestSourceInput> = {}) {
  return parseSource(
    {
      code: 'wo',
      recordType: 'workOrder',
      baseUrl: `${BASE}/api`,
      request: { path: '/orders', recordsPath: 'data' },
      retry: { attempts: 4, baseMs: 10, maxMs: 40 },
      timeoutMs: 300,
      rateLimit: { requests: 1000, perMs: 1000 },
      mapping: { externalId: 'id' },
      ...overrides,
    },
    'test',
  );
}

function fetcherFor(config: ReturnType<typeof source>, secrets: Record<string, string> = {}) {
  const waits: number[] = [];
  const fetcher = createFetcher({
    source: config,
    limiter: limiters.create(config.code, { maxConcurrent: 1, minTime: 0 }),
    secrets,
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((r) => setTimeout(r, Math.min(ms, 5)));
    },
  });
  return { fetcher, waits };
}

async function readAll(config: ReturnType<typeof source>, cursor: string | null = null) {
  const { fetcher } = fetcherFor(config);
  const pages: Page[] = [];
  for await (const page of restConnector(config, fetcher).pages(cursor)) pages.push(page);
  return pages;
}

const ids = (pages: Page[]) => pages.flatMap((p) => p.records.map((r) => (r as { id: string }).id));
const rows = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `W${from + i}`,
    updated: `2026-11-18T0${Math.floor((from + i) / 10)}:0${(from + i) % 10}:00Z`,
  }));

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('paging to the end', () => {
  it('page numbers until a short page', async () => {
    const scope = nock(BASE)
      .get('/api/orders')
      .query({ page: '1', per_page: '2' })
      .reply(200, { data: rows(0, 2) })
      .get('/api/orders')
      .query({ page: '2', per_page: '2' })
      .reply(200, { data: rows(2, 2) })
      .get('/api/orders')
      .query({ page: '3', per_page: '2' })
      .reply(200, { data: rows(4, 1) });
    const pages = await readAll(source({ paging: { style: 'page', size: 2 } }));
    expect(ids(pages)).toEqual(['W0', 'W1', 'W2', 'W3', 'W4']);
    scope.done();
  });

  it('offsets until an empty page', async () => {
    const scope = nock(BASE)
      .get('/api/orders')
      .query({ offset: '0', limit: '2' })
      .reply(200, { data: rows(0, 2) })
      .get('/api/orders')
      .query({ offset: '2', limit: '2' })
      .reply(200, { data: [] });
    const pages = await readAll(source({ paging: { style: 'offset', size: 2 } }));
    expect(ids(pages)).toEqual(['W0', 'W1']);
    scope.done();
  });

  it('cursors until has_more is false, sending the stored incremental cursor first', async () => {
    const scope = nock(BASE)
      .get('/api/orders')
      .query({ since: '2026-11-01T00:00:00Z', limit: '2' })
      .reply(200, { data: rows(0, 2), meta: { next: 'c2', has_more: true } })
      .get('/api/orders')
      .query({ since: '2026-11-01T00:00:00Z', limit: '2', cursor: 'c2' })
      .reply(200, { data: rows(2, 1), meta: { next: 'c3', has_more: false } });
    const pages = await readAll(
      source({
        paging: {
          style: 'cursor',
          nextCursorPath: 'meta.next',
          hasMorePath: 'meta.has_more',
          sizeParam: 'limit',
          size: 2,
        },
        incremental: { param: 'since', field: 'updated' },
      }),
      '2026-11-01T00:00:00Z',
    );
    expect(ids(pages)).toEqual(['W0', 'W1', 'W2']);
    // Each page carries the largest cursor-field value committed so far.
    expect(pages.map((p) => p.cursor)).toEqual(['2026-11-18T00:01:00Z', '2026-11-18T00:02:00Z']);
    scope.done();
  });

  it('follows next links on the same origin and refuses one to another host', async () => {
    nock(BASE)
      .get('/api/orders')
      .reply(200, { data: rows(0, 1), links: { next: `${BASE}/api/orders?after=x1` } })
      .get('/api/orders')
      .query({ after: 'x1' })
      .reply(200, { data: rows(1, 1), links: { next: null } });
    const pages = await readAll(source({ paging: { style: 'nextLink', nextLinkPath: 'links.next' } }));
    expect(ids(pages)).toEqual(['W0', 'W1']);

    nock(BASE)
      .get('/api/orders')
      .reply(200, { data: rows(0, 1), links: { next: 'https://evil.example.net/steal' } });
    await expect(readAll(source({ paging: { style: 'nextLink', nextLinkPath: 'links.next' } }))).rejects.toThrow(
      /outside its base URL/,
    );
  });

  it('stops on a paging loop instead of reading forever', async () => {
    nock(BASE)
      .get('/api/orders')
      .times(3)
      .reply(200, { data: rows(0, 1), links: { next: `${BASE}/api/orders` } });
    await expect(readAll(source({ paging: { style: 'nextLink', nextLinkPath: 'links.next' } }))).rejects.toThrow(
      /same page twice/,
    );
  });
});

describe('faults at the HTTP boundary', () => {
  it('waits what Retry-After asks on 429, then succeeds', async () => {
    const scope = nock(BASE)
      .get('/api/orders')
      .reply(429, {}, { 'Retry-After': '2' })
      .get('/api/orders')
      .reply(200, { data: rows(0, 1) });
    const config = source();
    const { fetcher, waits } = fetcherFor(config);
    expect(await fetcher.get('/api/orders')).toEqual({ data: rows(0, 1) });
    expect(waits).toEqual([2000]);
    scope.done();
  });

  it('backs off with jitter on 5xx, then succeeds', async () => {
    const scope = nock(BASE).get('/api/orders').twice().reply(503).get('/api/orders').reply(200, { data: [] });
    const { fetcher, waits } = fetcherFor(source());
    expect(await fetcher.get('/api/orders')).toEqual({ data: [] });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(10);
    expect(waits[1]).toBeLessThanOrEqual(20);
    scope.done();
  });

  it('retries a timed-out request and gives up after the configured attempts', async () => {
    nock(BASE).get('/api/orders').times(4).delay(1000).reply(200, { data: [] });
    const { fetcher, waits } = fetcherFor(source());
    await expect(fetcher.get('/api/orders')).rejects.toThrow('source "wo": timed out');
    expect(fetcher.attempts).toBe(4);
    expect(waits).toHaveLength(3);
  });

  it('does not retry a 4xx other than 429', async () => {
    nock(BASE).get('/api/orders').reply(401, { error: 'no' });
    const { fetcher } = fetcherFor(source());
    await expect(fetcher.get('/api/orders')).rejects.toThrow('answered HTTP 401');
    expect(fetcher.attempts).toBe(1);
  });

  it('signs with the secret named in the config, never a value in the file', async () => {
    const scope = nock(BASE)
      .get('/api/orders')
      .matchHeader('authorization', 'Bearer t0ken')
      .reply(200, { data: [] })
      .get('/api/orders')
      .matchHeader('x-signature', /^[0-9a-f]{64}$/)
      .matchHeader('x-timestamp', /^\d+$/)
      .reply(200, { data: [] });
    const bearer = source({ auth: { type: 'bearer', tokenEnv: 'SOURCE_WO_TOKEN' } });
    await fetcherFor(bearer, { SOURCE_WO_TOKEN: 't0ken' }).fetcher.get('/api/orders');
    const hmac = source({ auth: { type: 'hmac', secretEnv: 'SOURCE_WO_SECRET' } });
    await fetcherFor(hmac, { SOURCE_WO_SECRET: 's3cret' }).fetcher.get('/api/orders');
    scope.done();
    await expect(fetcherFor(bearer).fetcher.get('/api/orders')).rejects.toThrow('needs SOURCE_WO_TOKEN');
    expect(() => source({ auth: { type: 'bearer', tokenEnv: 'DATABASE_URL' } as never })).toThrow(/SOURCE_/);
  });

  it('reads Retry-After as seconds or an HTTP date, capped at ten minutes', () => {
    const now = new Date('2026-11-18T04:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Wed, 18 Nov 2026 04:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 18 Nov 2026 03:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(600_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

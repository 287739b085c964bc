// Zendesk through the real app: the cursor-based incremental ticket export and CSAT ratings, from
// fixtures in the shapes of Zendesk's API reference, with nock at the boundary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_RUNTIME } from '../../../src/connectors/index.js';
import { startTestApp } from '../../helpers/test-app.js';
import { ROOT } from '../../helpers/test-db.js';

const ZENDESK = 'https://kaopu-demo.zendesk.com';
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/zendesk', `${name}.json`), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'kaopu-sources-'));
writeFileSync(
  join(dir, 'zendesk.yaml'),
  `
code: zendesk
kind: zendesk
baseUrl: ${ZENDESK}
auth: { type: basic, usernameEnv: SOURCE_ZENDESK_USER, passwordEnv: SOURCE_ZENDESK_TOKEN }
startDate: "2026-11-01"
rateLimit: { requests: 100, perMs: 1000 }
retry: { attempts: 3, baseMs: 5, maxMs: 10 }
`,
);
const app = await startTestApp({
  env: { SOURCES_DIR: dir, SOURCE_ZENDESK_USER: 'hr@kaopu-demo.example/token', SOURCE_ZENDESK_TOKEN: 'zd-token' },
});
const runtime = app.kit.services.get(CONNECTOR_RUNTIME);
if (!runtime) throw new Error('connectors feature not installed');
const AUTH = `Basic ${Buffer.from('hr@kaopu-demo.example/token:zd-token').toString('base64')}`;
const START = String(Date.parse('2026-11-01T00:00:00Z') / 1000);
const zendesk = () => nock(ZENDESK).matchHeader('authorization', AUTH);
const page1 = fixture('incremental-tickets-page1');
const page2 = fixture('incremental-tickets-page2');

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const ticket = (externalId: string) =>
  app.db.helpdeskTicket.findFirstOrThrow({ where: { source: 'zendesk', externalId } });

describe('Zendesk tickets and CSAT ratings', () => {
  it('exports tickets to the end of the stream and rates them, attributed to the agents', async () => {
    const scope = zendesk()
      .get('/api/v2/incremental/tickets/cursor.json')
      .query({ start_time: START })
      // Zendesk allows 10 export requests a minute: the first answer is a 429.
      .reply(429, { error: 'APIRateLimitExceeded' }, { 'Retry-After': '0' })
      .get('/api/v2/incremental/tickets/cursor.json')
      .query({ start_time: START })
      .reply(200, page1)
      .get('/api/v2/users/show_many.json')
      .query({ ids: '501,502' })
      .reply(200, fixture('users-show-many'))
      .get('/api/v2/incremental/tickets/cursor.json')
      .query({ cursor: page1.after_cursor as string })
      .reply(200, page2)
      .get('/api/v2/satisfaction_ratings.json')
      .query({ score: 'received', start_time: START, 'page[size]': '100' })
      .reply(200, fixture('satisfaction-ratings'));
    const result = await runtime.run('zendesk', 'manual');
    scope.done();
    expect(result).toMatchObject({ status: 'ok', read: 5, created: 2, updated: 2, rejected: 1 });

    expect(await ticket('35436')).toMatchObject({
      employeeId: 'emp_gaomin',
      channel: 'web',
      status: 'solved',
      openedAt: new Date('2026-11-16T01:12:00Z'),
      resolvedAt: new Date('2026-11-16T06:40:00Z'),
      isComplaint: false,
      rating: 5,
      ratedAt: new Date('2026-11-16T07:00:00Z'),
    });
    expect(await ticket('35437')).toMatchObject({
      employeeId: 'emp_luodan',
      channel: 'email',
      status: 'open',
      isComplaint: true,
      rating: 1,
    });
    const [error] = await app.db.syncError.findMany({ where: { source: 'zendesk' } });
    expect(error).toMatchObject({ entity: 'tickets', externalId: '35438' });
    expect(error?.message).toContain('created_at of source "zendesk"');

    const cursors = await app.db.syncCursor.findMany({ where: { source: 'zendesk' }, orderBy: { entity: 'asc' } });
    expect(cursors.map((c) => [c.entity, c.cursor])).toEqual([
      ['ratings', String(Date.parse('2026-11-16T09:30:00Z') / 1000)],
      ['tickets', page2.after_cursor],
    ]);
  });

  it('the next run continues from the stored cursors and changes nothing already stored', async () => {
    const scope = zendesk()
      .get('/api/v2/incremental/tickets/cursor.json')
      .query({ cursor: page2.after_cursor as string })
      .reply(200, { ...page2, tickets: [] })
      // Each run looks agents up afresh (an agent's e-mail may have changed).
      .get('/api/v2/users/show_many.json')
      .query({ ids: '502' })
      .reply(200, fixture('users-show-many'))
      .get('/api/v2/satisfaction_ratings.json')
      .query({ score: 'received', start_time: String(Date.parse('2026-11-16T09:30:00Z') / 1000), 'page[size]': '100' })
      .reply(200, {
        ...fixture('satisfaction-ratings'),
        satisfaction_ratings: (fixture('satisfaction-ratings').satisfaction_ratings as unknown[]).slice(1),
      });
    const result = await runtime.run('zendesk', 'schedule');
    scope.done();
    expect(result).toMatchObject({ status: 'ok', read: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await app.db.helpdeskTicket.count({ where: { source: 'zendesk' } })).toBe(2);
  });
});

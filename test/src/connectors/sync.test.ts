// A source whose shape no code knows, configured by mapping alone, pulled through the real app
// into the real database with nock at the HTTP boundary: malformed records mixed with good ones,
// a re-run that changes nothing, a crash mid-run that loses and duplicates nothing, a cursor that
// never passes uncommitted records, sync.failed after repeated failures, and the `sync` command.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { CONNECTOR_RUNTIME } from '../../../src/connectors/index.js';
import { storeSources } from '../../../src/connectors/sources.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const BASE = 'https://fieldops.example.com';
const dir = mkdtempSync(join(tmpdir(), 'kaopu-sources-'));
// A work-order system with its own words: nothing in Kaopu's code knows this shape.
writeFileSync(
  join(dir, 'fieldops.yaml'),
  `
code: fieldops
recordType: workOrder
baseUrl: ${BASE}/v2
auth: { type: bearer, tokenEnv: SOURCE_FIELDOPS_TOKEN }
request:
  path: /jobs
  query: { scope: all }
  recordsPath: result.rows
paging: { style: cursor, cursorParam: page_token, nextCursorPath: result.next_page_token }
incremental: { param: changed_since, field: times.changed, initial: "2026-11-01T00:00:00+08:00" }
retry: { attempts: 2, baseMs: 5, maxMs: 10 }
everyMinutes: 5
mapping:
  externalId: ticket_no
  title: summary
  assignee: engineer.mail
  status:
    path: state
    transform: enum
    map: { 待派单: OPEN, 处理中: IN_PROGRESS, 已完成: COMPLETED }
  openedAt: { path: times.created, transform: date, format: "yyyy-MM-dd HH:mm", zone: Asia/Shanghai }
  completedAt: { path: times.done, transform: date, format: "yyyy-MM-dd HH:mm", zone: Asia/Shanghai }
  difficulty: { path: lvl, transform: integer, default: 1 }
`,
);

const app = await startTestApp({ env: { SOURCES_DIR: dir, SOURCE_FIELDOPS_TOKEN: 'fo-token' } });
const runtime = app.kit.services.get(CONNECTOR_RUNTIME);
if (!runtime) throw new Error('connectors feature not installed');

let serial = 0;
function job(no: string, state = '已完成', extra: Record<string, unknown> = {}) {
  serial += 1;
  return {
    ticket_no: no,
    summary: `空调不制冷 ${no}`,
    engineer: { mail: 'liming@kaopu-demo.example' },
    state,
    lvl: '3',
    times: {
      created: '2026-11-17 09:00',
      done: state === '已完成' ? '2026-11-17 11:30' : null,
      changed: `2026-11-17T10:${String(serial).padStart(2, '0')}:00+08:00`,
    },
    ...extra,
  };
}
const page = (rows: unknown[], next: string | null = null) => ({ result: { rows, next_page_token: next } });
const api = () => nock(BASE).matchHeader('authorization', 'Bearer fo-token');
const orders = () => app.db.workOrder.findMany({ where: { source: 'fieldops' }, orderBy: { externalId: 'asc' } });
const cursor = async () =>
  (await app.db.syncCursor.findUnique({ where: { source_entity: { source: 'fieldops', entity: 'workOrder' } } }))
    ?.cursor;

async function say(userId: string, text: string): Promise<{ status: number; card: Card }> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  return { status: res.statusCode, card: (res.json() as { replies: Card[] }).replies?.[0] as Card };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a REST source configured by mapping alone', () => {
  const first = [
    job('FX-1'),
    job('FX-2', '处理中'),
    job('FX-BAD-DATE', '已完成', { times: { created: '17/11/2026' } }),
  ];
  const second = [job('FX-3'), job('FX-BAD-STATE', '挂起')];

  it('reads every page, writes the good records and keeps the bad ones with their reason', async () => {
    const scope = api()
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: '2026-11-01T00:00:00+08:00' })
      .reply(200, page(first, 'p2'))
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: '2026-11-01T00:00:00+08:00', page_token: 'p2' })
      .reply(200, page(second));
    const result = await runtime.run('fieldops', 'manual');
    scope.done();
    expect(result).toMatchObject({ status: 'ok', pages: 2, read: 5, created: 3, rejected: 2 });

    const rows = await orders();
    expect(rows.map((r) => r.externalId)).toEqual(['FX-1', 'FX-2', 'FX-3']);
    expect(rows[0]).toMatchObject({
      title: '空调不制冷 FX-1',
      status: 'COMPLETED',
      assigneeId: 'emp_liming',
      difficulty: 3,
      openedAt: new Date('2026-11-17T01:00:00Z'),
      completedAt: new Date('2026-11-17T03:30:00Z'),
    });
    expect(rows[1]).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });

    const errors = await app.db.syncError.findMany({ where: { source: 'fieldops' }, orderBy: { externalId: 'asc' } });
    expect(errors.map((e) => e.externalId)).toEqual(['FX-BAD-DATE', 'FX-BAD-STATE']);
    expect(errors[0]?.message).toContain('openedAt (from "times.created" of source "fieldops")');
    expect(errors[1]?.message).toContain('status (from "state" of source "fieldops")');
    expect(JSON.parse(errors[1]?.payload ?? '{}')).toEqual(second[1]);
    // Completing orders raised the same event the API raises (the survey invitation hangs on it).
    const completed = (await app.db.domainEvent.findMany({ where: { name: 'workOrder.completed' } })).map(
      (e) => (e.payload as { workOrderId: string }).workOrderId,
    );
    expect(rows.filter((r) => completed.includes(r.id)).map((r) => r.externalId)).toEqual(['FX-1', 'FX-3']);
    // The cursor is the newest change of the committed records.
    expect(await cursor()).toBe(second[1]?.times.changed);
  });

  it('the same records again change nothing', async () => {
    const since = (await cursor()) as string;
    api()
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: since })
      .reply(200, page([...first.slice(0, 2), second[0]]));
    const result = await runtime.run('fieldops', 'manual');
    expect(result).toMatchObject({ status: 'ok', read: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await orders()).toHaveLength(3);
  });

  it('a crash mid-run loses nothing and duplicates nothing; the cursor never passes uncommitted pages', async () => {
    const before = (await cursor()) as string;
    const p1 = [job('FX-10'), job('FX-11')];
    const p2 = [job('FX-12')];
    // Page 2 fails past every retry: the run stops after page 1 was committed.
    api()
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: before })
      .reply(200, page(p1, 'p2'))
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: before, page_token: 'p2' })
      .times(2)
      .reply(502);
    const failed = await runtime.run('fieldops', 'schedule');
    expect(failed).toMatchObject({ status: 'failed', created: 2 });
    expect(await cursor()).toBe(p1[1]?.times.changed);

    // A crash between page 1's commit and its cursor is the same as the cursor never moving:
    // the re-run reads page 1 again (unchanged) and then page 2.
    await app.db.syncCursor.update({
      where: { source_entity: { source: 'fieldops', entity: 'workOrder' } },
      data: { cursor: before },
    });
    api()
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: before })
      .reply(200, page(p1, 'p2'))
      .get('/v2/jobs')
      .query({ scope: 'all', changed_since: before, page_token: 'p2' })
      .reply(200, page(p2));
    const rerun = await runtime.run('fieldops', 'schedule');
    expect(rerun).toMatchObject({ status: 'ok', created: 1, unchanged: 2 });
    const ids = (await orders()).map((r) => r.externalId);
    expect(ids).toEqual(['FX-1', 'FX-10', 'FX-11', 'FX-12', 'FX-2', 'FX-3']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await cursor()).toBe(p2[0]?.times.changed);
  });

  it('raises sync.failed once when a source fails three runs in a row', async () => {
    const key = { name: 'sync.failed' };
    for (let i = 0; i < 4; i++) {
      api().get('/v2/jobs').query(true).times(2).reply(500);
      expect(await runtime.run('fieldops', 'schedule')).toMatchObject({ status: 'failed' });
    }
    const events = await app.db.domainEvent.findMany({ where: key });
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      source: 'fieldops',
      failures: 3,
      error: expect.stringContaining('HTTP 500'),
    });
  });

  it('shows each source to HR in sync / 同步, and runs one on demand', async () => {
    const { card } = await say('emp_malin', '同步');
    const table = card.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows[0]?.[0]).toBe('fieldops');
    expect(table?.type === 'table' && table.rows[0]?.[2]).toBe('失败');
    expect(card.text).toContain('HTTP 500');
    expect(card.text).toContain('FX-BAD-STATE');

    api()
      .get('/v2/jobs')
      .query(true)
      .reply(200, page([job('FX-20')]));
    const run = await say('emp_malin', 'sync run fieldops');
    expect(run.card.title).toBe('fieldops 同步完成');
    expect(run.card.text).toContain('读取 1 条：新增 1');
    expect(await app.db.auditLog.count({ where: { action: 'connectors.run', actorId: 'emp_malin' } })).toBe(1);

    const unknown = await say('emp_malin', 'sync run <b>nope</b>');
    expect(unknown.card.text).toContain('fieldops');
    const refused = await say('emp_liming', 'sync');
    expect(refused.card.tone).toBe('warning');
    expect(refused.card.text).not.toContain('fieldops');
  });

  it('turns a source off when its file is removed, and says so', async () => {
    await storeSources(app.db, []);
    const { card } = await say('emp_malin', 'sync');
    const table = card.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows[0]?.slice(0, 1).concat(table.rows[0]?.[2] ?? '')).toEqual([
      'fieldops',
      '已停用',
    ]);
    const run = await say('emp_malin', 'sync run fieldops');
    expect(run.card.text).toContain('已停用或配置有误');
    expect(await runtime.runDue(new Date(TEST_TODAY.getTime() + 3_600_000))).toEqual({});
  });
});

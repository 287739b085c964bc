// The inbound HR API end to end on the demo company: a key pushes a batch and gets one result per
// record, the same batch again changes nothing, KPI results read back with their record ids, the
// payroll export of a closed month, and every refusal a business system can run into.
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/http/api-signature.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import { closePeriod } from '../../src/payroll/store.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
const { secret: KEY, key } = await app.apiKeys.create('erp-sync', ['work-orders:write', 'kpi:read', 'payroll:read']);
const { secret: READ_ONLY } = await app.apiKeys.create('bi', ['kpi:read']);

function post(path: string, body: unknown, token = KEY, headers: Record<string, string> = {}) {
  return app.server.inject({
    method: 'POST',
    url: `/api/v1${path}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const get = (path: string, token = KEY) =>
  app.server.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });

function order(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    title: '电驱异响检测',
    assignee: 'liming@kaopu-demo.example',
    siteCode: 'SH-HQ',
    status: 'COMPLETED',
    difficulty: 2,
    openedAt: '2026-11-18T08:00:00+08:00',
    completedAt: '2026-11-18T10:30:00+08:00',
    resolved: true,
    ...extra,
  };
}

describe('POST /api/v1/work-orders', () => {
  it('stores a batch with one result per record, and the same batch again changes nothing', async () => {
    const batch = { records: [order('ERP-1'), order('ERP-2', { difficulty: 0 }), order('ERP-3')] };
    const first = await post('/work-orders', batch);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.source).toBe('erp-sync');
    expect(body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(body.results[1]).toMatchObject({ index: 1, externalId: 'ERP-2', result: 'rejected' });
    expect(body.results[1].errors[0].field).toBe('difficulty');
    const stored = await app.db.workOrder.findMany({ where: { source: 'erp-sync' } });
    expect(stored.map((w) => w.externalId).sort()).toEqual(['ERP-1', 'ERP-3']);

    const events = await app.db.domainEvent.count();
    const again = await post('/work-orders', batch);
    expect(again.json().summary).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 1 });
    expect(await app.db.domainEvent.count()).toBe(events);
    // The completed orders each asked once for a customer survey.
    const completed = await app.db.domainEvent.findMany({
      where: { name: 'workOrder.completed', key: { in: stored.map((w) => w.id) } },
    });
    expect(completed).toHaveLength(2);
  });

  it('takes the source from the body when it names one', async () => {
    const res = await post('/work-orders', { source: 'field-app', records: [order('ERP-1')] });
    expect(res.json().results[0].result).toBe('created');
    expect(await app.db.workOrder.count({ where: { externalId: 'ERP-1' } })).toBe(2);
  });

  it('audits the call under the key name, never the key', async () => {
    const rows = await app.db.auditLog.findMany({ where: { action: 'api.records.push', actorId: key.id } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.details).toMatchObject({ key: 'erp-sync', source: 'erp-sync', created: 2, rejected: 1 });
    const all = JSON.stringify(await app.db.auditLog.findMany());
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(KEY.split('_')[2]);
  });

  it('refuses a missing, unknown or revoked key with 401 and a missing scope with 403', async () => {
    expect((await post('/work-orders', { records: [] }, '')).statusCode).toBe(401);
    expect((await post('/work-orders', { records: [] }, `kp_${'0'.repeat(12)}_${'A'.repeat(43)}`)).statusCode).toBe(
      401,
    );
    const revoked = await app.apiKeys.create('old', ['work-orders:write']);
    await app.apiKeys.revoke(revoked.key.id);
    expect((await post('/work-orders', { records: [] }, revoked.secret)).statusCode).toBe(401);
    const forbidden = await post('/work-orders', { records: [order('X')] }, READ_ONLY);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('error.api_key_scope');
    expect(await app.db.workOrder.count({ where: { externalId: 'X' } })).toBe(0);
  });

  it('refuses a batch over 500 records with 413 and malformed JSON with 400', async () => {
    const big = await post('/work-orders', { records: Array.from({ length: 501 }, (_, i) => order(`B-${i}`)) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('500');
    expect(await app.db.workOrder.count({ where: { externalId: { startsWith: 'B-' } } })).toBe(0);
    expect((await post('/work-orders', '{"records": [')).statusCode).toBe(400);
    expect((await post('/work-orders', { records: 'many' })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/kpi and /api/v1/payroll', () => {
  it("reads an employee's result with the record ids behind each figure, a pushed order among them", async () => {
    await nightlyRecompute(app.kpi.context, TEST_TODAY);
    // A pushed order reaches the KPI engine through record.changed, as in production.
    const pushed = await post('/work-orders', {
      records: [order('ERP-KPI-1', { completedAt: '2026-11-17T16:00:00+08:00' })],
    });
    const pushedId = pushed.json().results[0].id as string;
    await app.events.drain();
    await app.kpi.scheduler.flush();
    const res = await get('/kpi/employees/KP0005?period=2026-11');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: '2026-11', periodStatus: 'OPEN', employee: { employeeNo: 'KP0005' } });
    expect(body.employee.result.metrics.length).toBeGreaterThan(0);
    const ids = body.employee.result.metrics.flatMap((m: { recordIds: string[] }) => m.recordIds);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toContain(pushedId);
    expect(ids.some((id: string) => id.startsWith('wo_'))).toBe(true);
    const byEmail = await get('/kpi/employees/liming@kaopu-demo.example?period=2026-11');
    expect(byEmail.json().employee.employeeNo).toBe('KP0005');
    expect((await get('/kpi/employees/KP9999')).statusCode).toBe(404);
  });

  it("reads a team's results", async () => {
    const res = await get('/kpi/teams/aftersales', READ_ONLY);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.team.code).toBe('aftersales');
    expect(body.members.map((m: { employeeNo: string }) => m.employeeNo)).toContain('KP0005');
    expect((await get('/kpi/teams/nope', READ_ONLY)).statusCode).toBe(404);
    expect((await get('/kpi/teams/aftersales?period=2026-13', READ_ONLY)).statusCode).toBe(400);
  });

  it('exports the payroll of a closed month only', async () => {
    expect((await get('/payroll/2026-10')).statusCode).toBe(409);
    expect((await get('/payroll/2026-10', READ_ONLY)).statusCode).toBe(403);
    const closed = await closePeriod(app.db, { period: '2026-10', closedById: 'emp_malin', now: new Date() });
    expect(closed.status).toBe('closed');
    const res = await get('/payroll/2026-10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.contentHash).toBe(closed.status === 'closed' ? closed.contentHash : '');
    expect(body.rows.length).toBeGreaterThan(5);
    expect(body.rows.find((r: { employeeNo: string }) => r.employeeNo === 'KP0005').totalScore).not.toBeNull();
  });
});

describe('rate limits and signatures', async () => {
  const SECRET = 's'.repeat(40);
  const signed = await startTestApp({ env: { API_SIGNING_SECRET: SECRET, API_RATE_LIMIT_PER_MINUTE: '5' } });
  const a = await signed.apiKeys.create('signed-a', ['work-orders:write']);
  const b = await signed.apiKeys.create('signed-b', ['work-orders:write']);

  function send(token: string, body: string, sign: { at?: Date; body?: string; url?: string } | null) {
    const url = '/api/v1/work-orders';
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    if (sign) {
      headers['x-kaopu-signature'] = signRequest(SECRET, {
        method: 'POST',
        url: sign.url ?? url,
        body: sign.body ?? body,
        at: sign.at ?? TEST_TODAY,
      });
    }
    return signed.server.inject({ method: 'POST', url, headers, payload: body });
  }

  it('accepts a signed request once and refuses unsigned, stale, altered and replayed ones with 401', async () => {
    const body = JSON.stringify({ records: [order('SIG-1')] });
    expect((await send(a.secret, body, null)).statusCode).toBe(401);
    const stale = await send(a.secret, body, { at: new Date(TEST_TODAY.getTime() - 6 * 60_000) });
    expect(stale.statusCode).toBe(401);
    const altered = await send(a.secret, body, { body: body.replace('SIG-1', 'SIG-2') });
    expect(altered.statusCode).toBe(401);
    expect(await signed.db.workOrder.count({ where: { externalId: 'SIG-1' } })).toBe(0);

    const header = signRequest(SECRET, { method: 'POST', url: '/api/v1/work-orders', body, at: TEST_TODAY });
    const inject = () =>
      signed.server.inject({
        method: 'POST',
        url: '/api/v1/work-orders',
        headers: {
          authorization: `Bearer ${a.secret}`,
          'content-type': 'application/json',
          'x-kaopu-signature': header,
        },
        payload: body,
      });
    const ok = await inject();
    expect(ok.statusCode).toBe(200);
    expect(ok.json().summary.created).toBe(1);
    const replay = await inject();
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('error.api_signature_replayed');
    const refusals = await signed.db.auditLog.findMany({ where: { action: 'api.refused', actorId: a.key.id } });
    expect(refusals.map((r) => (r.details as { reason: string }).reason)).toContain('signature replayed');
  });

  it('answers 429 with Retry-After once a key spent its requests per minute, other keys unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 6; i++) {
      const body = JSON.stringify({ records: [order(`RL-${i}`)] });
      const res = await send(b.secret, body, {});
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = String(res.headers['retry-after']);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await signed.apiKeys.create('signed-c', ['work-orders:write']);
    expect((await send(other.secret, JSON.stringify({ records: [] }), {})).statusCode).toBe(200);
  });
});

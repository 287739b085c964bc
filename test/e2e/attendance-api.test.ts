// POST /api/v1/checkins: a company app's check-in through the same rules, behind checkins:write.
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/attendance/rules/index.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
const writer = await app.apiKeys.create('field-app', ['checkins:write']);
const reader = await app.apiKeys.create('bi', ['kpi:read']);
const employee = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } });
await app.db.consent.create({
  data: { employeeId: employee.id, purpose: 'attendance.location', grantedAt: TEST_TODAY },
});
const order = await app.db.workOrder.findFirstOrThrow({
  where: { assigneeId: employee.id, status: 'IN_PROGRESS' },
  include: { site: true },
});
const site = order.site as NonNullable<typeof order.site>;
const wgs = convert(site, site.datum, 'WGS84');

const post = (payload: Record<string, unknown>, key = writer.secret) =>
  app.server.inject({
    method: 'POST',
    url: '/api/v1/checkins',
    headers: { authorization: `Bearer ${key}` },
    payload,
  });
const body = {
  employee: employee.employeeNo,
  kind: 'OUT',
  lat: wgs.lat,
  lng: wgs.lng,
  accuracyM: 8,
  at: TEST_TODAY.toISOString(),
  id: 'app-1',
};

describe('POST /api/v1/checkins', () => {
  it('records a check-in at the work order’s site with its verdict, once per client id', async () => {
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: true, verdict: 'ACCEPTED', siteId: site.id, flags: [] });
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, checkInId: res.json().checkInId });
  });

  it('answers 400 naming the field for bad coordinates, missing accuracy or a stale time', async () => {
    for (const [patch, field] of [
      [{ lat: Number.NaN }, 'body.lat'],
      [{ lng: 200 }, 'body.lng'],
      [{ accuracyM: undefined }, 'body.accuracyM'],
      [{ at: '2026-01-01T00:00:00Z', id: 'old' }, 'body.at'],
    ] as const) {
      const res = await post({ ...body, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('refuses a key without checkins:write', async () => {
    expect((await post(body, reader.secret)).statusCode).toBe(403);
  });

  it('refuses an employee without consent with 403 and stores nothing', async () => {
    const before = await app.db.checkIn.count();
    const res = await post({ ...body, employee: 'emp_zhangwei', id: 'app-2' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('attendance.api.consent_required');
    expect(await app.db.checkIn.count()).toBe(before);
  });
});

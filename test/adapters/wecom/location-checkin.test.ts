// A WeCom location message is a check-in through the attendance rules: Tencent's coordinates are
// GCJ-02 (Location_X latitude, Location_Y longitude), converted before measuring; the verdict card
// goes back to the sender.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';
import { callbackXml, signedPost, wecomEnv } from './callbacks.js';
import { startStandIn } from './stand-in.js';

const standIn = await startStandIn();
const app = await startTestApp({ env: wecomEnv(standIn.url) });
afterAll(() => standIn.close());
const sends = () => standIn.to('/cgi-bin/message/send');

describe('a WeCom location message', () => {
  it('asks for consent first and stores nothing', async () => {
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('location')));
    await vi.waitFor(() => expect(sends().length).toBeGreaterThan(before), { timeout: 10_000 });
    expect(JSON.stringify(sends()[before]?.body)).toContain('位置信息授权');
    expect(await app.db.checkIn.count({ where: { employeeId: 'emp_liming', method: 'LOCATION_MESSAGE' } })).toBe(0);
  });

  it('records a check-in in GCJ-02, far from today’s sites, as needing review', async () => {
    await app.db.consent.create({
      data: { employeeId: 'emp_liming', purpose: 'attendance.location', grantedAt: TEST_TODAY },
    });
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('location', { msgId: '7777000011112222' })));
    await vi.waitFor(() => expect(sends().length).toBeGreaterThan(before), { timeout: 10_000 });
    const stored = await app.db.checkIn.findFirstOrThrow({
      where: { employeeId: 'emp_liming', method: 'LOCATION_MESSAGE' },
    });
    expect(stored).toMatchObject({ lat: 31.2304, lng: 121.4737, datum: 'GCJ02', accuracyM: null });
    expect(stored.verdict).toBe('OUTSIDE_FENCE');
    expect(JSON.parse(stored.flags)).toEqual(expect.arrayContaining(['accuracy_missing', 'far_from_sites']));
    expect(JSON.stringify(sends()[before]?.body)).toContain('待核实');
  });
});

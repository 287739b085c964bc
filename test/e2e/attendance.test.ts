// Field attendance end to end through the console and the check-in page: consent, a check-in
// at the work order's site from the page, bad and repeated submissions, the console's location
// presets (250 m away, a spoofed sequence), and the manager's review reaching the employee.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { convert } from '../../src/attendance/rules/index.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
const EMPLOYEE = 'emp_liming';
const MANAGER = 'emp_wangjianguo';
const OTHER_MANAGER = 'emp_sunli';

async function say(userId: string, body: Record<string, unknown>): Promise<Card[]> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, locale: 'en', ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}
async function press(userId: string, actionId: string, value?: string): Promise<Card[]> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/actions',
    payload: { userId, actionId, value, locale: 'en' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}
function linkOf(card: Card | undefined): string {
  for (const b of card?.blocks ?? [])
    if (b.type === 'actions') for (const btn of b.buttons) if ('url' in btn) return new URL(btn.url).pathname;
  throw new Error(`no link on ${card?.title}`);
}
const post = (path: string, payload: Record<string, unknown>) =>
  app.server.inject({ method: 'POST', url: path, payload });

/** Today's work-order site of the employee, in WGS-84 as a browser reports it. */
async function todaysSite() {
  const order = await app.db.workOrder.findFirstOrThrow({
    where: { assigneeId: EMPLOYEE, status: 'IN_PROGRESS', siteId: { not: null } },
    include: { site: true },
  });
  const site = order.site;
  if (!site) throw new Error('no site');
  return { site, wgs: convert(site, site.datum, 'WGS84') };
}

describe('checking in from the page', () => {
  it('asks for consent first, stating purpose and retention, and stores nothing without it', async () => {
    const [card] = await say(EMPLOYEE, { text: 'checkin' });
    expect(card?.title).toBe('Location consent');
    expect(card?.text).toContain('180 days');
    expect(await app.db.consent.count({ where: { employeeId: EMPLOYEE } })).toBe(0);
  });

  let link = '';
  it('gives a personal link to the check-in page once the employee agrees', async () => {
    const [card] = await press(EMPLOYEE, 'attendance.consent', 'IN');
    link = linkOf(card);
    expect(link).toMatch(/^\/c\/emp_liming\./);
    const page = await app.server.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const { site } = await todaysSite();
    expect(page.body).toContain(site.name);
  });

  it('records a check-in at the work order’s site as valid', async () => {
    const { site, wgs } = await todaysSite();
    const res = await post(link, {
      lat: wgs.lat,
      lng: wgs.lng,
      accuracyM: 12,
      at: TEST_TODAY.toISOString(),
      device: 'phone-a',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.shown).toBe('valid');
    expect(body.lines.join('\n')).toContain(site.name);
    const stored = await app.db.checkIn.findUniqueOrThrow({ where: { id: body.checkInId } });
    expect(stored.verdict).toBe('ACCEPTED');
    expect(stored.siteId).toBe(site.id);
    expect(stored.distanceM).toBeLessThan(1);
  });

  it('answers the same submission twice with one check-in', async () => {
    const { wgs } = await todaysSite();
    const before = await app.db.checkIn.count({ where: { employeeId: EMPLOYEE } });
    const res = await post(link, {
      lat: wgs.lat,
      lng: wgs.lng,
      accuracyM: 12,
      at: TEST_TODAY.toISOString(),
      device: 'phone-a',
    });
    expect(res.statusCode).toBe(200);
    expect(await app.db.checkIn.count({ where: { employeeId: EMPLOYEE } })).toBe(before);
  });

  it('refuses the link from a second device and flags the check-in it made', async () => {
    const { wgs } = await todaysSite();
    const res = await post(link, {
      lat: wgs.lat,
      lng: wgs.lng,
      accuracyM: 12,
      at: TEST_TODAY.toISOString(),
      device: 'phone-b',
    });
    expect(res.statusCode).toBe(409);
    const flagged = await app.db.checkIn.findFirstOrThrow({ where: { employeeId: EMPLOYEE, device: 'phone-a' } });
    expect(flagged.verdict).toBe('FLAGGED');
    expect(JSON.parse(flagged.flags)).toContain('second_device');
  });

  it('answers bad input with 400 naming the field, and stores nothing', async () => {
    const before = await app.db.checkIn.count();
    const [card] = await say(EMPLOYEE, { text: 'checkout' });
    const out = linkOf(card);
    const at = TEST_TODAY.toISOString();
    for (const [payload, field] of [
      [{ lat: 91, lng: 121, accuracyM: 5, at }, 'body.lat'],
      [{ lat: 31, lng: 121, at }, 'body.accuracyM'],
      [{ lat: 31, lng: 'x', accuracyM: 5, at }, 'body.lng'],
      [{ lat: 31, lng: 121, accuracyM: 5, at: new Date(TEST_TODAY.getTime() + 86_400_000).toISOString() }, 'body.at'],
    ] as const) {
      const res = await post(out, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
    expect(await app.db.checkIn.count()).toBe(before);
  });

  it('shows a clear page for a forged or expired link', async () => {
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const res = await app.server.inject({ method: 'GET', url: forged });
    expect(res.statusCode).toBe(404);
    // In the company's language (zh-CN): the link does not say whose it is until it verifies.
    expect(res.body).toContain('这个签到链接无效');
    const expired = `/c/${app.kit.links.sign('checkin.in', EMPLOYEE, new Date(TEST_TODAY.getTime() - 1000))}`;
    const gone = await app.server.inject({ method: 'GET', url: expired });
    expect(gone.statusCode).toBe(410);
  });
});

describe('checking in with the console’s location presets', () => {
  const ENGINEER = 'emp_chenjie';
  it('lists presets for each site: at it, 250 m away, a spoofed sequence', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console/api/location-presets' });
    const presets = res.json() as { id: string; kind: string; fixes: unknown[] }[];
    const sites = await app.db.site.count();
    expect(presets).toHaveLength(sites * 3);
    expect(presets.filter((p) => p.kind === 'spoof').every((p) => p.fixes.length === 2)).toBe(true);
  });

  it('marks a fix 250 m from the site as needing review, with the distance', async () => {
    await app.db.consent.create({
      data: { employeeId: ENGINEER, purpose: 'attendance.location', grantedAt: TEST_TODAY },
    });
    const order = await app.db.workOrder.findFirstOrThrow({
      where: { assigneeId: ENGINEER, status: 'IN_PROGRESS' },
      include: { site: true },
    });
    const site = order.site as NonNullable<typeof order.site>;
    const res = await app.server.inject({ method: 'GET', url: '/console/api/location-presets' });
    const away = (res.json() as { id: string; fixes: Record<string, unknown>[] }[]).find(
      (p) => p.id === `${site.code}:away`,
    );
    const [card] = await say(ENGINEER, { location: away?.fixes[0] });
    // The engineer arrived at a site earlier today, so a shared location now is a check-out.
    expect(card?.title).toMatch(/^Check-(in|out) needs review$/);
    expect(card?.text).toMatch(/2[45]\d m from the site, outside its 100 m fence/);
  });

  it('flags a spoofed sequence with its evidence and sends it to the manager', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console/api/location-presets' });
    const spoof = (res.json() as { id: string; fixes: Record<string, unknown>[] }[]).find(
      (p) => p.id === 'SH-AT:spoof',
    );
    if (!spoof) throw new Error('no preset');
    const cards: Card[] = [];
    for (const fix of spoof.fixes) cards.push(...(await say(ENGINEER, { location: fix })));
    expect(cards[0]?.text).toContain('Accuracy of 0 m');
    expect(cards[1]?.text).toMatch(/Impossible travel: \d+ m in \d+ s/);
    await app.events.drain();
    const sent = await app.db.outboxMessage.findMany({
      where: { platform: 'CONSOLE', target: `user:${MANAGER}`, dedupeKey: { startsWith: 'notify:attendance.review:' } },
    });
    expect(sent.length).toBeGreaterThanOrEqual(2);
    // The manager reads Chinese: the evidence is in their language.
    expect(JSON.stringify(sent.map((s) => s.card))).toContain('不可能的移动');
  });
});

describe('the employee’s note on a flagged check-in', () => {
  it('is added by command where a platform has no forms, and shown to the reviewer', async () => {
    const [card] = await say('emp_chenjie', { text: 'checkin note I was at the depot, GPS drifted' });
    expect(card?.text).toContain('passed on to the reviewer');
    const noted = await app.db.checkIn.findFirstOrThrow({ where: { employeeId: 'emp_chenjie', note: { not: null } } });
    expect(noted.note).toBe('I was at the depot, GPS drifted');
    expect(['FLAGGED', 'OUTSIDE_FENCE']).toContain(noted.verdict);
  });
});

describe('review by the manager', () => {
  const flaggedOf = (employeeId: string) =>
    app.db.checkIn.findFirstOrThrow({
      where: { employeeId, verdict: { in: ['FLAGGED', 'OUTSIDE_FENCE'] } },
      orderBy: { createdAt: 'desc' },
    });

  it('refuses the employee themselves and a manager of another team', async () => {
    const c = await flaggedOf('emp_chenjie');
    const [own] = await press('emp_chenjie', 'attendance.accept', c.id);
    expect(own?.title).not.toContain('Accepted');
    const [other] = await press(OTHER_MANAGER, 'attendance.accept', c.id);
    expect(other?.text).toContain('own team');
    expect((await app.db.checkIn.findUniqueOrThrow({ where: { id: c.id } })).verdict).toBe(c.verdict);
  });

  it('rejects with a reason: audited, not counted, and the employee is told', async () => {
    const c = await flaggedOf('emp_chenjie');
    const value = JSON.stringify({ value: c.id, fields: { reason: 'GPS spoofing app seen' } });
    await press(MANAGER, 'attendance.reject', value);
    const after = await app.db.checkIn.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.verdict).toBe('REJECTED');
    expect(after.reviewedById).toBe(MANAGER);
    expect(after.reviewReason).toBe('GPS spoofing app seen');
    const audit = await app.db.auditLog.findFirst({
      where: { action: 'attendance.checkin.rejected', subjectId: c.id },
    });
    expect(audit?.actorId).toBe(MANAGER);
    const told = await app.db.outboxMessage.findFirst({ where: { dedupeKey: `notify:attendance.outcome:${c.id}` } });
    expect(JSON.stringify(told?.card)).toContain('GPS spoofing app seen');
  });

  it('accepts the next one; a second decision is refused', async () => {
    const c = await flaggedOf('emp_chenjie');
    await press(MANAGER, 'attendance.accept', c.id);
    expect((await app.db.checkIn.findUniqueOrThrow({ where: { id: c.id } })).verdict).toBe('ACCEPTED');
    const [again] = await press(
      'emp_malin',
      'attendance.reject',
      JSON.stringify({ value: c.id, fields: { reason: 'x' } }),
    );
    expect(again?.text).toContain('already decided');
  });
});

describe('the day’s trajectory', () => {
  it('lists the visits with arrival, departure and time on site', async () => {
    const [card] = await say(MANAGER, { text: 'today 李明' });
    expect(card?.title).toContain('李明');
    const table = card?.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? table.rows.length : 0).toBeGreaterThan(0);
  });

  it('refuses another team’s member to a manager', async () => {
    const [card] = await say(OTHER_MANAGER, { text: 'today 李明' });
    expect(card?.text).toContain('own team');
  });
});

describe('missing punches', () => {
  it('emits attendance.missing once for a workday without a check-in, not for someone on leave', async () => {
    const { emitMissing } = await import('../../src/attendance/index.js');
    const dayStart = new Date('2026-11-17T16:00:00Z'); // 2026-11-18 00:00 in Shanghai
    await app.db.checkIn.deleteMany({
      where: { employeeId: { in: ['emp_wuhao', 'emp_zhangwei'] }, at: { gte: dayStart } },
    });
    await app.db.leave.create({
      data: {
        employeeId: 'emp_zhangwei',
        type: 'annual',
        startsAt: dayStart,
        endsAt: new Date(dayStart.getTime() + 86_400_000),
        status: 'APPROVED',
        source: 'chat',
      },
    });
    await emitMissing(app.kit, TEST_TODAY);
    await emitMissing(app.kit, TEST_TODAY);
    const events = await app.db.domainEvent.findMany({ where: { name: 'attendance.missing' } });
    const about = (id: string) => events.filter((e) => (e.payload as { employeeId: string }).employeeId === id);
    expect(about('emp_wuhao')).toHaveLength(1);
    expect(about('emp_wuhao')[0]?.payload).toEqual({
      employeeId: 'emp_wuhao',
      date: '2026-11-18',
      shiftStartsAt: '2026-11-18T01:00:00.000Z',
    });
    expect(about('emp_zhangwei')).toHaveLength(0);
  });

  it('emits nothing on a public holiday (National Day, 2026-10-01)', async () => {
    const { emitMissing } = await import('../../src/attendance/index.js');
    const before = await app.db.domainEvent.count({ where: { name: 'attendance.missing' } });
    await emitMissing(app.kit, new Date('2026-10-01T03:00:00Z'));
    expect(await app.db.domainEvent.count({ where: { name: 'attendance.missing' } })).toBe(before);
  });
});

describe('the month’s attendance', () => {
  it('gives HR the team’s month per person as a card and an XLSX', async () => {
    const [card] = await say('emp_malin', { text: 'attendance aftersales 2026-10' });
    expect(card?.title).toBe('新能源售后一组 · 2026-10 attendance');
    const table = card?.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns).toEqual([
      'Name',
      'Present/workdays',
      'Late',
      'Early',
      'Absent',
      'Leave',
      'Overtime (h)',
      'To review',
    ]);
    const liming = table.rows.find((r) => r[0] === '李明');
    // October 2026 on China's calendar: 22 weekdays, 5 of them in National Day (1–7 Oct) off, plus
    // the make-up Saturday 10 Oct: 18 workdays.
    expect(liming?.[1]).toMatch(/^\d+\/18$/);
    const xlsx = card?.blocks
      .flatMap((b) => (b.type === 'actions' ? b.buttons : []))
      .find((b) => 'url' in b && b.label === 'Download Excel');
    if (!xlsx || !('url' in xlsx)) throw new Error('no xlsx link');
    const file = await app.server.inject({ method: 'GET', url: new URL(xlsx.url).pathname });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('says so when the year’s holidays are not published, never guessing', async () => {
    const [card] = await say('emp_malin', { text: 'attendance 李明 2027-03' });
    expect(card?.text).toContain('The public holidays of 2027 are not published yet');
  });

  it('refuses a manager another team’s month', async () => {
    const [card] = await say(OTHER_MANAGER, { text: 'attendance aftersales' });
    expect(card?.text).toContain('own team');
  });
});

describe('a missed punch (补卡)', () => {
  const WHO = 'emp_liuyang';
  it('is requested with a reason and reaches the manager', async () => {
    const [card] = await say(WHO, { text: 'fix punch 2026-11-17 09:00 in phone battery died' });
    expect(card?.text).toContain('Correction requested (2026-11-17 09:00 Check-in)');
    const request = await app.db.punchCorrection.findFirstOrThrow({ where: { employeeId: WHO } });
    expect(request.status).toBe('PENDING');
    const sent = await app.db.outboxMessage.findFirst({ where: { dedupeKey: `notify:attendance.fix:${request.id}` } });
    expect(sent?.target).toBe(`user:${MANAGER}`);
  });

  it('answers a malformed request with the usage and stores nothing', async () => {
    const [card] = await say(WHO, { text: 'fix punch yesterday' });
    expect(card?.text).toContain('Usage: fix punch');
    const [future] = await say(WHO, { text: 'fix punch 2026-12-30 09:00 in later' });
    expect(future?.text).toContain('past 31 days');
    expect(await app.db.punchCorrection.count({ where: { employeeId: WHO } })).toBe(1);
  });

  it('counts like a check-in once the manager approves, marked corrected and audited', async () => {
    const request = await app.db.punchCorrection.findFirstOrThrow({ where: { employeeId: WHO } });
    const [done] = await press(MANAGER, 'attendance.fix.approve', request.id);
    expect(done?.text).toContain('approved');
    const checkIn = await app.db.checkIn.findFirstOrThrow({ where: { employeeId: WHO, corrected: true } });
    expect(checkIn).toMatchObject({ verdict: 'ACCEPTED', kind: 'IN', method: 'CORRECTION' });
    expect(checkIn.at.toISOString()).toBe('2026-11-17T01:00:00.000Z');
    expect(await app.db.auditLog.count({ where: { action: 'attendance.fix.approved', subjectId: request.id } })).toBe(
      1,
    );
    const told = await app.db.outboxMessage.findFirst({
      where: { dedupeKey: `notify:attendance.fix.outcome:${request.id}` },
    });
    expect(told?.target).toBe(`user:${WHO}`);
    const [again] = await press(MANAGER, 'attendance.fix.approve', request.id);
    expect(again?.text).toContain('already decided');
  });

  it('is declined only with a reason', async () => {
    await say(WHO, { text: 'fix punch 2026-11-16 18:30 out forgot' });
    const request = await app.db.punchCorrection.findFirstOrThrow({ where: { employeeId: WHO, status: 'PENDING' } });
    const [noReason] = await press(
      MANAGER,
      'attendance.fix.decline',
      JSON.stringify({ value: request.id, fields: { reason: '' } }),
    );
    expect(noReason?.text).toContain('needs a reason');
    await press(
      MANAGER,
      'attendance.fix.decline',
      JSON.stringify({ value: request.id, fields: { reason: 'was on leave' } }),
    );
    expect((await app.db.punchCorrection.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('DECLINED');
  });
});

describe('leave entered by HR', () => {
  it('stores approved leave from the chat, counted in the month as leave, not absence', async () => {
    const [card] = await say('emp_malin', { text: 'leave 杨帆 sick 2026-11-02 2026-11-03 flu' });
    expect(card?.text).toContain('Leave entered for 杨帆 (sick): 2026-11-02 to 2026-11-03');
    const leave = await app.db.leave.findFirstOrThrow({ where: { employeeId: 'emp_yangfan', source: 'chat' } });
    expect(leave).toMatchObject({ status: 'APPROVED', approvedById: 'emp_malin', type: 'sick', reason: 'flu' });
    expect(leave.startsAt.toISOString()).toBe('2026-11-01T16:00:00.000Z');
    await app.db.checkIn.deleteMany({
      where: { employeeId: 'emp_yangfan', at: { gte: leave.startsAt, lt: leave.endsAt } },
    });
    const [month] = await say('emp_malin', { text: 'attendance 杨帆 2026-11' });
    const table = month?.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' ? table.rows[0]?.[5] : null).toBe('2');
  });

  it('is for HR only', async () => {
    const [card] = await say('emp_liming', { text: 'leave 李明 annual 2026-11-20' });
    expect(await app.db.leave.count({ where: { employeeId: 'emp_liming' } })).toBe(0);
    expect(card?.tone).not.toBe('success');
  });
});

describe('PIPL: revoking consent and retention', () => {
  it('revokes consent: no location is stored afterwards and the next check-in asks again', async () => {
    const [status] = await say(EMPLOYEE, { text: 'consent' });
    expect(status?.text).toContain('You have consented');
    const [revoked] = await press(EMPLOYEE, 'attendance.consent.revoke');
    expect(revoked?.text).toContain('Consent revoked');
    const before = await app.db.checkIn.count({ where: { employeeId: EMPLOYEE } });
    const [card] = await say(EMPLOYEE, { location: { lat: 31.29, lng: 121.16, accuracyM: 10, datum: 'GCJ02' } });
    expect(card?.title).toBe('Location consent');
    expect(await app.db.checkIn.count({ where: { employeeId: EMPLOYEE } })).toBe(before);
  });

  it('purges coordinates past the retention period and keeps the verdicts', async () => {
    const { purgeLocations } = await import('../../src/attendance/index.js');
    const cutoff = new Date(TEST_TODAY.getTime() - 20 * 86_400_000);
    const old = await app.db.checkIn.count({ where: { at: { lt: cutoff }, lat: { not: null } } });
    expect(old).toBeGreaterThan(0);
    const { count } = await purgeLocations(app.kit, cutoff);
    expect(count).toBe(old);
    expect(await app.db.checkIn.count({ where: { at: { lt: cutoff }, lat: { not: null } } })).toBe(0);
    expect(await app.db.checkIn.count({ where: { at: { lt: cutoff }, verdict: 'ACCEPTED' } })).toBeGreaterThan(0);
    expect(await app.db.checkIn.count({ where: { at: { gte: cutoff }, lat: { not: null } } })).toBeGreaterThan(0);
  });
});

// Issue 11 end to end through the console adapter: a work order completes → its engineer's card
// with link and QR → the customer answers on /s/<token> → the answer counts on the KPI card → a
// low score reaches the manager. Forged, expired and reused links, double submits, bad bodies.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { completeDemoWorkOrder, completeWorkOrder } from '../../src/demo/complete-work-order.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import type { KpiInputs } from '../../src/kpi/rules.js';
import { deviceFingerprint } from '../../src/surveys/device.js';
import { kpiRecords } from '../helpers/kpi-records.js';
import { pngEncodes } from '../helpers/qr-matrix.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

let clock = TEST_TODAY;
const app = await startTestApp({ now: () => clock, kpiRecomputeDelayMs: 60_000 });
await nightlyRecompute(app.kpi.context, TEST_TODAY);
const BASE = app.config.publicBaseUrl;
const PHONE = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36';
const ENGINEER_PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function settle() {
  await app.events.drain();
  await app.outbox.drain();
}

async function notifications(userId: string): Promise<Card[]> {
  const res = await app.server.inject({ method: 'GET', url: `/console/api/users/${userId}/messages` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { card: Card }[]).map((m) => m.card);
}

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

function linkOf(card: Card): { url: string; path: string; qr: string } {
  const open = cardButtons(card).find((b) => 'url' in b);
  const image = card.blocks.find((b) => b.type === 'image');
  const url = open && 'url' in open ? open.url : '';
  return { url, path: url.slice(BASE.length), qr: image?.type === 'image' ? image.url.slice(BASE.length) : '' };
}

function post(path: string, form: string, headers: Record<string, string> = {}, remoteAddress = '203.0.113.7') {
  return app.server.inject({
    method: 'POST',
    url: path,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': PHONE, ...headers },
    payload: form,
  });
}

async function openOrderOf(employeeId: string, title: string) {
  return app.db.workOrder.create({
    data: {
      externalId: `WO-TEST-${title}`,
      title,
      siteId: 'site_sh_anting',
      assigneeId: employeeId,
      status: 'IN_PROGRESS',
      openedAt: new Date(clock.getTime() - 3 * 3_600_000),
      arrivedAt: new Date(clock.getTime() - 3_600_000),
    },
  });
}

const csatOf = async (employeeId: string) => {
  const row = await app.db.kpiResult.findUniqueOrThrow({
    where: { employeeId_period: { employeeId, period: '2026-11' } },
  });
  return (row.inputs as unknown as KpiInputs).metrics.find((m) => m.metric === 'csat_avg');
};

// The demo's own path: 李明's order of today completes, the event is delivered, the card is sent.
const orderId = await completeDemoWorkOrder(app.db, app.kit.records, clock, 'Asia/Shanghai');
await settle();
const order = await app.db.workOrder.findUniqueOrThrow({ where: { id: orderId } });
const invitation = await app.db.surveyInvitation.findUniqueOrThrow({
  where: { workOrderId_employeeId: { workOrderId: orderId, employeeId: 'emp_liming' } },
});
const card = (await notifications('emp_liming')).find((c) => c.title.includes(order.externalId)) as Card;
const link = linkOf(card);

describe('a completed work order', () => {
  it('sends its engineer one card with the customer, the job, a short link, a QR code and Resend', async () => {
    expect(card.title).toBe(`满意度问卷 · ${order.externalId}`);
    expect(card.text).toContain(order.title);
    expect(card.text).toContain('客户');
    expect(link.path).toMatch(/^\/s\/[A-Za-z0-9_-]{12}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    expect(link.url.length).toBeLessThan(BASE.length + 50);
    // No internal id in clear: neither the work order's nor the invitation's.
    expect(link.url).not.toContain(orderId);
    expect(link.url).not.toContain(invitation.id);
    expect(link.qr).toBe(`${link.path}/qr.png`);
    expect(card.text).toContain(`请花 1 分钟为本次服务打分：${link.url}`);
    expect(card.text).toContain(`Please rate this visit, it takes one minute: ${link.url}`);
    expect(cardButtons(card)).toContainEqual({ actionId: 'surveys.resend', label: '重新发送', value: invitation.id });
    // The link expires after the default 7 days.
    expect(invitation.expiresAt.getTime() - invitation.sentAt.getTime()).toBe(7 * 86_400_000);
  });

  it('gets one invitation and one card however often the event is delivered', async () => {
    await completeWorkOrder(app.db, app.kit.records, orderId, clock);
    await app.db.eventDelivery.updateMany({ data: { status: 'PENDING', nextAttemptAt: clock } });
    await settle();
    expect(await app.db.surveyInvitation.count({ where: { workOrderId: orderId } })).toBe(1);
    const cards = (await notifications('emp_liming')).filter((c) => c.title.includes(order.externalId));
    expect(cards).toHaveLength(1);
  });

  it('serves a QR code image that decodes to the link', async () => {
    const res = await app.server.inject({ method: 'GET', url: link.qr });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(pngEncodes(res.rawPayload, link.url, { margin: 2 })).toBe(true);
    expect(pngEncodes(res.rawPayload, `${link.url}x`, { margin: 2 })).toBe(false);
  });

  it('shows the card again for `survey <order>` and on Resend, with the same link', async () => {
    const again = await say('emp_liming', `问卷 ${order.externalId}`);
    expect(linkOf(again).url).toBe(link.url);
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/actions',
      payload: { userId: 'emp_liming', actionId: 'surveys.resend', value: invitation.id },
    });
    expect(linkOf((res.json() as { replies: Card[] }).replies[0] as Card).url).toBe(link.url);
    // Somebody else's survey is not shown to another engineer.
    expect((await say('emp_zhangwei', `survey ${order.externalId}`)).text).toContain('找不到你可以查看的工单');
  });
});

describe('the customer page', () => {
  it('renders small, in the browser language, with a language switch', async () => {
    const res = await app.server.inject({
      method: 'GET',
      url: link.path,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Please rate this service visit');
    expect(res.body).toContain(`${link.path}?lang=zh-CN`);
    expect(res.rawPayload.length).toBeLessThan(15 * 1024);
    const zh = await app.server.inject({ method: 'GET', url: `${link.path}?lang=zh-CN` });
    expect(zh.body).toContain('请为本次服务打分');
  });

  it('refuses bad input with a clear page and stores nothing', async () => {
    const cases = [
      'csat=9&nps=3',
      'csat=&nps=3',
      'csat=3&nps=11',
      'csat=3&tags=bribe',
      `csat=3&comment=${'x'.repeat(501)}`,
      'csat=3&lat=95&lng=10',
    ];
    for (const form of cases) {
      const res = await post(link.path, form, {}, '198.51.100.1');
      expect(res.statusCode, form).toBe(400);
      expect(res.body).toContain('请检查');
    }
    // A refused form comes back with what was valid still filled in, escaped.
    const kept = await post(
      link.path,
      `csat=4&nps=12&tags=slow&comment=${encodeURIComponent('<b>late</b>')}`,
      {},
      '198.51.100.1',
    );
    expect(kept.body).toContain('name="csat" value="4" checked');
    expect(kept.body).toContain('value="slow" checked');
    expect(kept.body).toContain('&lt;b&gt;late&lt;/b&gt;</textarea>');
    expect(kept.body).not.toContain('<b>late</b>');
    const json = await app.server.inject({
      method: 'POST',
      url: link.path,
      headers: { 'content-type': 'application/json' },
      payload: '{"csat": 5,',
    });
    expect(json.statusCode).toBe(400);
    expect(await app.db.surveyAnswer.count({ where: { invitationId: invitation.id } })).toBe(0);
  });

  it('stores one answer, counts it on the KPI card and tells the manager of a low score', async () => {
    const before = await csatOf('emp_liming');
    const complaintsBefore = await kpiRecords(app).metric('complaints', 'emp_liming', {
      period: '2026-11',
      asOf: clock,
    });
    later(10 * 60_000);
    const comment = '<script>alert(1)</script> 等了很久';
    const res = await post(
      `${link.path}`,
      `lang=en&csat=1&nps=2&tags=slow&tags=complaint&comment=${encodeURIComponent(comment)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thank you for your rating!');
    const answer = await app.db.surveyAnswer.findUniqueOrThrow({ where: { invitationId: invitation.id } });
    expect(answer).toMatchObject({ csat: 1, nps: 2, comment, employeeId: 'emp_liming', workOrderId: orderId });
    expect(JSON.parse(answer.tags)).toEqual(['slow', 'complaint']);
    expect(JSON.parse(answer.flags)).toEqual([]);

    await settle();
    // The recompute counts records strictly before its "now".
    later(1000);
    await app.kpi.scheduler.flush();
    const after = await csatOf('emp_liming');
    expect(after?.recordIds).toContain(answer.id);
    expect(after?.value).toBeLessThan(before?.value as number);
    // The "complaint" reason counts as a complaint.
    const complaints = await kpiRecords(app).metric('complaints', 'emp_liming', { period: '2026-11', asOf: clock });
    expect(complaints.recordIds).toContain(answer.id);
    expect(complaints.value).toBe((complaintsBefore.value ?? 0) + 1);
    const kpiCard = await say('emp_liming', 'kpi');
    expect(kpiCard.text).toContain(String(after?.value));

    const manager = (await notifications('emp_wangjianguo')).find((c) => c.title.includes('李明')) as Card;
    expect(manager.text).toContain(`李明 的工单 ${order.externalId} 收到了低分评价`);
    expect(manager.text).toContain('CSAT: 1/5');
    expect(manager.text).toContain(comment);
    expect(manager.text).toContain('我要投诉');
  });

  it('answers a second submission, a forged and an expired link each with a clear page', async () => {
    const again = await post(link.path, 'csat=5&nps=10');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('这份问卷已经提交过了');
    expect((await app.server.inject({ method: 'GET', url: link.path })).statusCode).toBe(409);

    const token = link.path.slice(3);
    const forged = `/s/${token.slice(0, -2)}${token.endsWith('AA') ? 'AB' : 'AA'}`;
    const bad = await post(forged, 'csat=5');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('链接无效');
    expect((await app.server.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: `${forged}/qr.png` })).statusCode).toBe(404);

    const other = await openOrderOf('emp_liming', 'expiry');
    await completeWorkOrder(app.db, app.kit.records, other.id, clock);
    await settle();
    const expiring = linkOf(
      (await notifications('emp_liming')).find((c) => c.title.includes(other.externalId)) as Card,
    );
    const saved = clock;
    later(8 * 86_400_000);
    const expired = await post(expiring.path, 'csat=5');
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('问卷链接已过期');
    // Resend after expiry hands over a fresh link that works, and the old one stays dead.
    const inv = await app.db.surveyInvitation.findFirstOrThrow({ where: { workOrderId: other.id } });
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/actions',
      payload: { userId: 'emp_liming', actionId: 'surveys.resend', value: inv.id },
    });
    const fresh = linkOf((res.json() as { replies: Card[] }).replies[0] as Card);
    expect(fresh.url).not.toBe(expiring.url);
    expect((await app.server.inject({ method: 'GET', url: fresh.path })).statusCode).toBe(200);
    expect(await app.db.surveyAnswer.count({ where: { invitationId: inv.id } })).toBe(0);
    clock = saved;
  });

  it('stores one answer when the same form is submitted twice at once', async () => {
    const o = await openOrderOf('emp_zhangwei', 'double');
    await completeWorkOrder(app.db, app.kit.records, o.id, clock);
    await settle();
    const l = linkOf((await notifications('emp_zhangwei')).find((c) => c.title.includes(o.externalId)) as Card);
    later(5 * 60_000);
    const [a, b] = await Promise.all([post(l.path, 'csat=4&nps=8'), post(l.path, 'csat=4&nps=8')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const inv = await app.db.surveyInvitation.findFirstOrThrow({ where: { workOrderId: o.id } });
    expect(await app.db.surveyAnswer.count({ where: { invitationId: inv.id } })).toBe(1);
  });

  it('tells a flood of submissions from one address to wait, storing nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await post(link.path, 'csat=5', {}, '192.0.2.99')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 409)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const page = await post(link.path, 'csat=5', {}, '192.0.2.99');
    expect(page.body).toContain('提交太频繁');
  });
});

describe('integrity', () => {
  it("flags an answer from the engineer's check-in device, seconds after the link, with the evidence", async () => {
    const o = await openOrderOf('emp_liuyang', 'selfrated');
    const checkIn = await app.db.checkIn.findFirstOrThrow({
      where: { employeeId: 'emp_liuyang' },
      orderBy: { at: 'desc' },
    });
    const device = deviceFingerprint({ 'user-agent': ENGINEER_PHONE, 'accept-language': 'zh-CN' }) as string;
    await app.db.checkIn.update({ where: { id: checkIn.id }, data: { deviceHash: device } });
    await completeWorkOrder(app.db, app.kit.records, o.id, clock);
    await settle();
    const l = linkOf((await notifications('emp_liuyang')).find((c) => c.title.includes(o.externalId)) as Card);
    later(12_000);
    const res = await post(l.path, 'csat=5&nps=10', { 'user-agent': ENGINEER_PHONE, 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(200);
    const answer = await app.db.surveyAnswer.findFirstOrThrow({ where: { workOrderId: o.id } });
    expect(JSON.parse(answer.flags).map((f: { code: string }) => f.code)).toEqual(['too_fast', 'engineer_device']);
    await settle();
    const manager = (await notifications('emp_wangjianguo')).find(
      (c) => c.text.includes(o.externalId) && c.title.includes('刘洋'),
    ) as Card;
    expect(manager.text).toContain('可疑');
    expect(manager.text).toContain('链接发出后仅 12 秒就提交了评价');
    expect(manager.text).toContain('提交设备与工程师');
    const stats = await say('emp_wangjianguo', '满意度');
    const table = stats.blocks.find((b) => b.type === 'table');
    const row = table?.type === 'table' ? table.rows.find((r) => r[0] === '刘洋') : undefined;
    expect(Number(row?.[4])).toBeGreaterThanOrEqual(1);
    // The demo's own flagged self-rating (周强) shows with its evidence, as does this one.
    expect(stats.text).toContain('可疑评价及依据');
    expect(stats.text).toMatch(/周强 · WO-\S+ · \d\/5: 提交设备与工程师 \S+ \S+ 打卡所用设备相同/);
    expect(stats.text).toContain(`刘洋 · ${o.externalId} · 5/5: 链接发出后仅 12 秒就提交了评价; 提交设备与工程师`);
  });

  it("flags an answer sent from the engineer's own check-in position, away from the customer site", async () => {
    const o = await openOrderOf('emp_yangfan', 'position');
    const office = { lat: 31.383524, lng: 121.250333 };
    await app.db.checkIn.create({
      data: {
        employeeId: 'emp_yangfan',
        siteId: 'site_sh_office',
        kind: 'IN',
        method: 'LOCATION_MESSAGE',
        verdict: 'ACCEPTED',
        at: new Date(clock.getTime() - 6 * 3_600_000),
        ...office,
      },
    });
    await completeWorkOrder(app.db, app.kit.records, o.id, clock);
    await settle();
    const l = linkOf((await notifications('emp_yangfan')).find((c) => c.title.includes(o.externalId)) as Card);
    later(10 * 60_000);
    const res = await post(l.path, `csat=5&nps=10&lat=${office.lat + 0.0001}&lng=${office.lng}`);
    expect(res.statusCode).toBe(200);
    const answer = await app.db.surveyAnswer.findFirstOrThrow({ where: { workOrderId: o.id } });
    const [flag] = JSON.parse(answer.flags);
    // The office check-in, or one of 杨帆's own demo check-ins there, within 50 m.
    expect(flag.code).toBe('engineer_position');
    expect(flag.fromCheckInM).toBeLessThanOrEqual(50);
    expect(flag.fromSiteM).toBeGreaterThan(300);
    expect(answer).toMatchObject({ lat: office.lat + 0.0001, lng: office.lng });
    await settle();
    const manager = (await notifications('emp_wangjianguo')).find((c) => c.text.includes(o.externalId)) as Card;
    expect(manager.text).toMatch(/提交位置距工程师 \S+ \S+ 的打卡位置 \d+ 米，距客户现场 \d+ 米/);
  });

  it('lets HR, and only HR, take a flagged answer out of the KPI, audited, without editing it', async () => {
    const answer = await app.db.surveyAnswer.findFirstOrThrow({
      where: { workOrder: { externalId: 'WO-TEST-selfrated' } },
    });
    const refused = await say('emp_wangjianguo', '问卷 剔除 WO-TEST-selfrated 本人设备自评');
    expect(refused.text).toContain('抱歉');
    const metric = () =>
      kpiRecords(app).metric('csat_avg', 'emp_liuyang', { period: '2026-11', asOf: new Date(clock.getTime() + 1000) });
    expect((await metric()).recordIds).toContain(answer.id);
    const done = await say('emp_malin', '问卷 剔除 WO-TEST-selfrated 用工程师本人手机自评');
    expect(done.text).toContain('已将工单 WO-TEST-selfrated 的评价（刘洋，CSAT 5）从绩效中剔除');
    expect((await metric()).recordIds).not.toContain(answer.id);
    expect(await app.db.surveyAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toEqual(answer);
    const audit = await app.db.auditLog.findFirstOrThrow({
      where: { action: 'survey.answer.excluded', subjectId: answer.id },
    });
    expect(audit).toMatchObject({ actorId: 'emp_malin', details: { reason: '用工程师本人手机自评', previous: null } });
    const stats = await say('emp_malin', '满意度');
    expect(stats.text).toContain('人事已剔除');
    await say('emp_malin', 'survey count WO-TEST-selfrated checked with the customer by phone');
    expect((await metric()).recordIds).toContain(answer.id);
  });

  it('shows an engineer only their own statistics, with counts', async () => {
    const stats = await say('emp_liming', 'surveys');
    const table = stats.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[0])).toEqual(['李明']);
    expect(stats.text).toMatch(/\(n=\d+\)/);
    expect(stats.text).not.toContain('可疑评价及依据');
  });
});

describe('the reminder', () => {
  it('reminds the engineer once about an unanswered survey after 24 hours', async () => {
    const o = await openOrderOf('emp_chenjie', 'remind');
    await completeWorkOrder(app.db, app.kit.records, o.id, clock);
    await settle();
    const reminders = async () =>
      (await notifications('emp_chenjie')).filter((c) => c.title.includes(o.externalId) && c.text.includes('提醒'));
    await app.scheduler.runNow('surveys.remind', new Date(clock.getTime() + 23 * 3_600_000));
    await app.outbox.drain();
    expect(await reminders()).toHaveLength(0);
    await app.scheduler.runNow('surveys.remind', new Date(clock.getTime() + 25 * 3_600_000));
    await app.outbox.drain();
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('客户还没有填写这份满意度问卷');
    await app.scheduler.runNow('surveys.remind', new Date(clock.getTime() + 26 * 3_600_000));
    await app.outbox.drain();
    expect(await reminders()).toHaveLength(1);
  });
});

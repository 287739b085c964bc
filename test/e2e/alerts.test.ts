// Anomaly alerts end to end on the demo company, through the console adapter and a fake clock:
// an event becomes one card in the team's group chat; its buttons update that card in place; a
// storm is digested within the chat's 20 messages a minute with every alert delivered exactly
// once; quiet hours hold warnings for a morning digest; an unacknowledged critical alert escalates.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { ALERTS_RUNTIME } from '../../src/alerts/index.js';
import { startTestApp } from '../helpers/test-app.js';

let clock = new Date('2026-11-18T04:00:00Z'); // 12:00 in Shanghai
const app = await startTestApp({ now: () => clock });
const runtime = app.kit.services.get(ALERTS_RUNTIME);
if (!runtime) throw new Error('the alerts feature is not installed');
const { engine } = runtime;

const GROUP = { aftersales: 'gc_console_aftersales', service: 'gc_console_service' } as const;

interface Message {
  id: string;
  card: Card;
}

async function groupMessages(group: string): Promise<Message[]> {
  await app.outbox.drain();
  const res = await app.server.inject({ method: 'GET', url: `/console/api/groups/${group}/messages` });
  expect(res.statusCode).toBe(200);
  return res.json() as Message[];
}

async function userMessages(userId: string): Promise<Message[]> {
  await app.outbox.drain();
  const res = await app.server.inject({ method: 'GET', url: `/console/api/users/${userId}/messages` });
  return res.json() as Message[];
}

async function press(userId: string, actionId: string, value: string, groupId?: string): Promise<Card[]> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/actions',
    payload: { userId, actionId, value, ...(groupId ? { groupId } : {}) },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}

async function say(userId: string, text: string): Promise<Card[]> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}

const alertIdOn = (card: Card) => {
  const button = cardButtons(card).find((b) => 'actionId' in b && b.actionId === 'alerts.ack');
  return button && 'value' in button ? button.value : undefined;
};

async function emitAnswer(key: string, employeeId: string, csat: number): Promise<void> {
  await app.db.$transaction((tx) =>
    app.kit.events.emit(
      tx,
      'survey.answered',
      { answerId: key, employeeId, workOrderId: null, csat, nps: null },
      { key },
    ),
  );
  await app.events.drain();
  await engine.pump();
}

const flagged = (i: number, employeeId = 'emp_liming') =>
  engine.raise({
    rule: 'checkIn.flagged',
    decision: { key: `storm-${clock.getTime()}-${i}`, severity: 'warning', evidence: { flags: 'mock_location' } },
    employeeId,
  });

beforeEach(async () => {
  clock = new Date('2026-11-18T04:00:00Z');
  await engine.pump(); // let a background pass finish before the slate is wiped
  await app.db.alert.deleteMany({});
  await app.db.outboxMessage.deleteMany({});
  await app.db.alertRuleSetting.deleteMany({});
});

describe('an event rule', () => {
  it("posts a low survey answer to the team's group chat once", async () => {
    await emitAnswer('ans-low-1', 'emp_liming', 2);
    await emitAnswer('ans-low-1b', 'emp_liming', 5);
    expect(
      await engine.raise({
        rule: 'survey.low',
        decision: { key: 'survey:ans-low-1', severity: 'warning', evidence: { csat: 2 } },
        employeeId: 'emp_liming',
      }),
    ).toBe('duplicate');
    await engine.pump();
    const messages = await groupMessages(GROUP.aftersales);
    expect(messages).toHaveLength(1);
    const card = messages[0]?.card as Card;
    expect(card.title).toBe('【警告】满意度低分');
    expect(card.text).toContain('客户满意度评分 2 分');
    expect(card.text).toContain('李明');
    expect(cardButtons(card).map((b) => b.label)).toEqual(['确认', '指派给…', '暂缓 1 小时', '详情']);
  });

  it('a complaint is critical, reaches the manager directly too, and inhibits the low-answer alert', async () => {
    await emitAnswer('ans-1', 'emp_liming', 1);
    expect(
      await engine.raise({
        rule: 'survey.low',
        decision: { key: 'survey:ans-1', severity: 'warning', evidence: { csat: 1 } },
        employeeId: 'emp_liming',
      }),
    ).toBe('inhibited');
    const group = await groupMessages(GROUP.aftersales);
    expect(group.map((m) => m.card.title)).toEqual(['【严重】客户投诉']);
    const direct = await userMessages('emp_wangjianguo');
    expect(direct.map((m) => m.card.title)).toEqual(['【严重】客户投诉']);
  });

  it("follows a team's override of a rule's parameters, and only for that team", async () => {
    await app.db.alertRuleSetting.create({
      data: { scope: 'team_aftersales', rule: 'survey.low', params: { maxCsat: 3 } },
    });
    await emitAnswer('ans-3-aftersales', 'emp_liming', 3);
    await emitAnswer('ans-3-service', 'emp_gaomin', 3);
    expect((await groupMessages(GROUP.aftersales)).map((m) => m.card.text)).toEqual([expect.stringContaining('3 分')]);
    expect(await groupMessages(GROUP.service)).toHaveLength(0);
  });

  it('re-alerts the same condition only when it escalates', async () => {
    const decision = (severity: 'warning' | 'critical') => ({
      key: 'emp_liming:2026-11-16',
      severity,
      evidence: { streak: 3, since: '2026-11-16', latestMinutes: 7 },
    });
    expect(
      await engine.raise({ rule: 'attendance.lateStreak', decision: decision('warning'), employeeId: 'emp_liming' }),
    ).toBe('raised');
    expect(
      await engine.raise({ rule: 'attendance.lateStreak', decision: decision('warning'), employeeId: 'emp_liming' }),
    ).toBe('duplicate');
    await engine.pump();
    expect(
      await engine.raise({ rule: 'attendance.lateStreak', decision: decision('critical'), employeeId: 'emp_liming' }),
    ).toBe('escalated');
    await engine.pump();
    const titles = (await groupMessages(GROUP.aftersales)).map((m) => m.card.title);
    expect(titles).toEqual(['【警告】连续迟到', '【严重】连续迟到']);
  });
});

describe('the buttons, through the console', () => {
  it('Acknowledge updates the group card in place and is audited', async () => {
    await emitAnswer('ans-ack', 'emp_liming', 2);
    const [before] = await groupMessages(GROUP.aftersales);
    const id = alertIdOn(before?.card as Card) as string;
    const replies = await press('emp_wangjianguo', 'alerts.ack', id, GROUP.aftersales);
    // In the group the updated card is the answer: no extra message for everyone.
    expect(replies).toEqual([]);
    const after = await groupMessages(GROUP.aftersales);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before?.id);
    expect(after[0]?.card.text).toContain('王建国 已确认');
    expect(after[0]?.card.text).toContain('状态: 已确认');
    expect(cardButtons(after[0]?.card as Card).map((b) => b.label)).not.toContain('确认');
    const audit = await app.db.auditLog.findFirst({ where: { action: 'alerts.ack', subjectId: id } });
    expect(audit?.actorId).toBe('emp_wangjianguo');
  });

  it('Assign to… offers the team and shows the assignee on the card; Snooze and Details answer the presser', async () => {
    await emitAnswer('ans-assign', 'emp_liming', 2);
    const [message] = await groupMessages(GROUP.aftersales);
    const id = alertIdOn(message?.card as Card) as string;
    const [menu] = await press('emp_wangjianguo', 'alerts.assign', id, GROUP.aftersales);
    const zhang = cardButtons(menu as Card).find((b) => b.label === '张伟');
    expect(zhang && 'value' in zhang ? zhang.value : '').toBe(`${id}:emp_zhangwei`);
    await press('emp_wangjianguo', 'alerts.assign.to', `${id}:emp_zhangwei`, GROUP.aftersales);
    let [card] = await groupMessages(GROUP.aftersales);
    expect(card?.card.text).toContain('已指派给 张伟');

    await press('emp_wangjianguo', 'alerts.snooze', id, GROUP.aftersales);
    [card] = await groupMessages(GROUP.aftersales);
    expect(card?.card.text).toContain('已暂缓至 2026-11-18 13:00');

    // When the snooze runs out, the alert (still not acknowledged) is posted again.
    clock = new Date(clock.getTime() + 61 * 60_000);
    await engine.pump();
    const alertCards = (await groupMessages(GROUP.aftersales)).filter((m) => m.card.title === '【警告】满意度低分');
    expect(alertCards).toHaveLength(2);

    const [details] = await press('emp_wangjianguo', 'alerts.details', id, GROUP.aftersales);
    expect(details?.text).toContain('csat: 2');
    expect(
      await app.db.auditLog.count({
        where: { subjectId: id, action: { in: ['alerts.assign', 'alerts.snooze', 'alerts.details'] } },
      }),
    ).toBe(3);
  });

  it("refuses a manager another team's alert", async () => {
    await emitAnswer('ans-other', 'emp_liming', 2);
    const [message] = await groupMessages(GROUP.aftersales);
    const id = alertIdOn(message?.card as Card) as string;
    const [reply] = await press('emp_linfang', 'alerts.ack', id);
    expect(reply?.text).toContain('无权处理');
    expect((await app.db.alert.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');
  });
});

describe('a storm', () => {
  it('is digested within 20 messages a minute, and every alert is delivered exactly once', async () => {
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => flagged(i, 'emp_gaomin')));
    expect(outcomes.every((o) => o === 'raised')).toBe(true);
    await Promise.all([engine.pump(), engine.pump(), engine.pump()]);
    let messages = await groupMessages(GROUP.service);
    expect(messages).toHaveLength(20);
    // How many went on their own cards depends on how the raises and delivery passes interleave;
    // once the chat's minute is nearly used, the rest share one digest.
    const digests = messages.filter((m) => m.card.title.startsWith('预警汇总'));
    expect(digests).toHaveLength(1);
    const inDigest = Number(/(\d+) 条/.exec(digests[0]?.card.title ?? '')?.[1]);
    expect(19 + inDigest).toBe(60);

    // 30 more in the same minute: the chat has no message left, so they wait for the next minute.
    await Promise.all(Array.from({ length: 30 }, (_, i) => flagged(100 + i, 'emp_gaomin')));
    await engine.pump();
    expect(await groupMessages(GROUP.service)).toHaveLength(20);
    clock = new Date(clock.getTime() + 61_000);
    await engine.pump();
    messages = await groupMessages(GROUP.service);
    expect(messages).toHaveLength(40);

    // Exactly once: each alert is on exactly one message.
    const alerts = await app.db.alert.findMany({ where: { teamId: 'team_service' } });
    expect(alerts).toHaveLength(90);
    let onCards = 0;
    for (const m of messages) {
      const table = m.card.blocks.find((b) => b.type === 'table');
      onCards += table?.type === 'table' ? table.rows.length : 1;
    }
    expect(onCards).toBe(90);
    const keys = new Set(alerts.map((a) => a.digestKey));
    expect(keys.size).toBe(40);
  });
});

describe('quiet hours and escalation', () => {
  it('holds warnings from 21:00 and digests them in the morning; critical alerts still go at once', async () => {
    clock = new Date('2026-11-18T14:30:00Z'); // 22:30 local
    await flagged(1);
    await flagged(2);
    await engine.raise({
      rule: 'workOrder.sla',
      decision: {
        key: 'wo-night:response',
        severity: 'critical',
        evidence: { kind: 'response', minutesOver: 12, title: '夜间抢修' },
      },
      employeeId: 'emp_liming',
    });
    await engine.pump();
    expect((await groupMessages(GROUP.aftersales)).map((m) => m.card.title)).toEqual(['【严重】工单超时']);
    clock = new Date('2026-11-18T23:59:00Z'); // 07:59 local
    await engine.pump();
    expect(await groupMessages(GROUP.aftersales)).toHaveLength(1);
    clock = new Date('2026-11-19T00:00:00Z'); // 08:00 local
    await engine.pump();
    const titles = (await groupMessages(GROUP.aftersales)).map((m) => m.card.title);
    expect(titles).toEqual(['【严重】工单超时', '夜间免打扰期间的预警汇总：2 条']);
  });

  it('escalates an unacknowledged critical alert to the next manager up after 30 minutes', async () => {
    await engine.raise({
      rule: 'workOrder.sla',
      decision: {
        key: 'wo-esc:response',
        severity: 'critical',
        evidence: { kind: 'response', minutesOver: 5, title: '电池检测' },
      },
      employeeId: 'emp_liming',
    });
    await engine.pump();
    clock = new Date(clock.getTime() + 29 * 60_000);
    await engine.pump();
    expect(await userMessages('emp_shentao')).toHaveLength(0);
    clock = new Date(clock.getTime() + 2 * 60_000);
    await engine.pump();
    const escalated = await userMessages('emp_shentao');
    expect(escalated.map((m) => m.card.title)).toEqual(['【严重】工单超时']);
    const [group] = await groupMessages(GROUP.aftersales);
    expect(group?.card.text).toContain('未及时确认，已升级给 沈涛');
    // Acknowledged alerts never escalate.
    await engine.raise({
      rule: 'workOrder.sla',
      decision: {
        key: 'wo-ack:response',
        severity: 'critical',
        evidence: { kind: 'response', minutesOver: 5, title: '充电桩' },
      },
      employeeId: 'emp_liming',
    });
    await engine.pump();
    const id = (await app.db.alert.findUniqueOrThrow({ where: { dedupeKey: 'workOrder.sla:wo-ack:response' } })).id;
    await press('emp_wangjianguo', 'alerts.ack', id);
    clock = new Date(clock.getTime() + 60 * 60_000);
    await engine.pump();
    expect(await userMessages('emp_shentao')).toHaveLength(1);
  });
});

describe('alerts / 预警', () => {
  it("lists a manager's own teams' open alerts, and HR sees all", async () => {
    await flagged(1, 'emp_liming');
    await flagged(2, 'emp_gaomin');
    const [mine] = await say('emp_wangjianguo', '预警');
    expect(mine?.title).toBe('未处理的预警（1）');
    expect(mine?.text).toContain('李明');
    const [all] = await say('emp_malin', 'alerts');
    expect(all?.title).toBe('未处理的预警（2）');
  });

  it('mute silences a rule for the manager’s team, audited', async () => {
    const [done] = await say('emp_wangjianguo', 'alerts mute survey.low 2h');
    expect(done?.text).toContain('至 2026-11-18 14:00');
    await emitAnswer('ans-muted', 'emp_liming', 2);
    expect(await groupMessages(GROUP.aftersales)).toHaveLength(0);
    expect(await app.db.auditLog.count({ where: { action: 'alerts.mute', actorId: 'emp_wangjianguo' } })).toBe(1);
    const [usage] = await say('emp_wangjianguo', 'alerts mute nonsense 2h');
    expect(usage?.text).toContain('用法');
  });
});

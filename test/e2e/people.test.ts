// The labour-law pre-check and the hiring conditions through the console, on the demo company:
// HR checks 杨帆 (everything on record) and 韩梅 (much missing), 韩梅 acknowledges her conditions.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { startTestApp } from '../helpers/test-app.js';

const app = await startTestApp();

async function post(url: string, payload: Record<string, unknown>): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url, payload });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}
const say = (userId: string, text: string) => post('/console/api/messages', { userId, text });
const press = (userId: string, actionId: string, value?: string) =>
  post('/console/api/actions', { userId, actionId, value });

describe('termination pre-check', () => {
  it('shows every item met for 杨帆 with the records and articles, and records who ran it', async () => {
    const card = await say('emp_malin', '解除预检 杨帆');
    expect(card.title).toBe('解除预检：杨帆');
    expect(card.text).toContain('5 项满足，0 项缺失。');
    expect(card.text).toContain('依据：劳动合同法第十九条');
    expect(card.text).toContain('本预检不构成法律意见');
    expect(card.tone).toBe('success');
    expect(
      await app.db.auditLog.count({
        where: { actorId: 'emp_malin', action: 'people.termination_check', subjectId: 'emp_yangfan' },
      }),
    ).toBe(1);
  });

  it('fails "within probation" for a decision after the probation ended', async () => {
    const contract = await app.db.employmentContract.findFirstOrThrow({ where: { employeeId: 'emp_yangfan' } });
    const dayAfter = new Date(`${contract.probationEndsOn}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const card = await say('emp_malin', `termination check 杨帆 ${dayAfter.toISOString().slice(0, 10)}`);
    expect(card.text).toMatch(/拟解除日期在试用期内: ✗ 缺失/);
  });

  it('lists what is missing for 韩梅, and her acknowledgement through the bot closes one gap', async () => {
    const before = await say('emp_malin', '解除预检 韩梅');
    expect(before.text).toContain('没有员工确认录用条件的记录。');
    expect(before.text).toMatch(/试用期内至少两次经主管签字的考核: ✗ 缺失/);

    const conditions = await say('emp_hanmei', '录用条件');
    expect(conditions.text).toContain('客服专员录用条件 v2');
    const button = cardButtons(conditions).find(
      (b) => 'actionId' in b && b.actionId === 'people.conditions.acknowledge',
    );
    if (!button || !('actionId' in button)) throw new Error('no acknowledge button');
    const done = await press('emp_hanmei', button.actionId);
    expect(done.text).toContain('已记录');
    const ack = await app.db.probationAcknowledgement.findFirstOrThrow({ where: { employeeId: 'emp_hanmei' } });
    expect(ack.document).toContain('客服专员录用条件 v2');
    expect(ack.channel).toBe('CONSOLE');
    // A second press records nothing new.
    await press('emp_hanmei', button.actionId);
    expect(await app.db.probationAcknowledgement.count({ where: { employeeId: 'emp_hanmei' } })).toBe(1);

    const after = await say('emp_malin', '解除预检 韩梅');
    expect(after.text).toMatch(/录用条件已告知并经员工确认: ✓ 满足/);
  });

  it('keeps the check to HR', async () => {
    const card = await say('emp_linfang', '解除预检 韩梅');
    expect(card.tone).toBe('warning');
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_linfang', action: 'people.termination_check' } })).toBe(
      0,
    );
  });
});

describe('contracts', () => {
  it('lets HR enter a contract and flags an unlawful probation in the next check', async () => {
    const saved = await say('emp_malin', '合同 韩梅 固定 2026-10-09 2026-12-08 2026-10-20');
    expect(saved.text).toContain('已保存');
    const card = await say('emp_malin', '解除预检 韩梅');
    expect(card.text).toContain('不满三个月的固定期限合同或以完成一定工作任务为期限的合同不得约定试用期。');
    expect((await say('emp_malin', '合同 韩梅 固定 2026-13-01 - -')).text).toContain('不是日期');
  });
});

describe('probation report', () => {
  it('lists everyone on probation with days left and each condition met or missed, with an Excel file', async () => {
    await app.kpi.onRecordsChanged({
      employeeIds: ['emp_yangfan', 'emp_hanmei'],
      occurredAt: new Date('2026-11-18T04:00:00Z'),
    });
    await app.kpi.scheduler.flush();
    const card = await say('emp_malin', '试用期报表');
    expect(card.title).toMatch(/^试用期报表（\d+ 人）$/);
    expect(card.text).toContain('杨帆');
    expect(card.text).toContain('韩梅');
    expect(card.text).toMatch(/还剩 \d+ 天/);
    expect(card.text).toMatch(/客户满意度均分不低于 4\.2 .* (达标|未达标)：/);
    const link = cardButtons(card).find((b) => 'url' in b);
    if (!link || !('url' in link)) throw new Error('no Excel link');
    const file = await app.server.inject({ method: 'GET', url: new URL(link.url).pathname + new URL(link.url).search });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_malin', action: 'people.probation.report' } })).toBe(1);
  });

  it("shows a manager only their own team's people on probation", async () => {
    const card = await say('emp_wangjianguo', 'probation report');
    expect(card.text).toContain('杨帆');
    expect(card.text).not.toContain('韩梅');
    expect((await say('emp_yangfan', '试用期报表')).tone).toBe('warning');
  });
});

describe('probation reminders', () => {
  it('reminds the manager and HR 14 days before a probation ends, once, flagging a missed condition', async () => {
    const hanmei = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_hanmei' } });
    // A condition nobody meets, so this reminder is certainly an at-risk one.
    await app.db.probationCriterion.create({
      data: {
        positionId: 'pos_cs_agent',
        metric: 'tickets_handled',
        comparator: '>=',
        threshold: 100_000,
        description: '月处理工单不少于 100000 张',
      },
    });
    const end = new Date(`${hanmei.probationEndDate}T01:00:00Z`);
    const fourteenBefore = new Date(end.getTime() - 14 * 86_400_000);
    expect(await app.scheduler.runNow('people.probation.remind', fourteenBefore)).toBe('ran');
    await app.outbox.drain();
    const inbox = async (id: string) => {
      const res = await app.server.inject({ method: 'GET', url: `/console/api/users/${id}/messages` });
      return (res.json() as { card: Card }[])
        .map((m) => m.card)
        .filter((c) => c.text.includes('韩梅') && c.title.startsWith('试用期报表'));
    };
    const [managerCard] = await inbox('emp_linfang');
    expect(managerCard?.text).toContain('还剩 14 天');
    expect(await inbox('emp_malin')).toHaveLength(1);
    const atRisk = await app.db.domainEvent.count({ where: { name: 'probation.atRisk' } });
    expect(managerCard?.text).toContain('未达标');
    expect(atRisk).toBe(1);
    // The alerts feature turns it into an alert for the team and the manager.
    await app.events.drain();
    expect(await app.db.alert.count({ where: { rule: 'probation.atRisk', employeeId: 'emp_hanmei' } })).toBe(atRisk);
    // The same day again sends nothing new.
    await app.db.jobRun.deleteMany({ where: { job: 'people.probation.remind' } });
    await app.scheduler.runNow('people.probation.remind', fourteenBefore);
    await app.outbox.drain();
    expect(await inbox('emp_linfang')).toHaveLength(1);
  });
});

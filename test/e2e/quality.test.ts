// The quality loop through the console, as the people in seed 002 would use it: a supervisor
// records an error, the employee appeals, a reviewer decides, and the KPI follows the decision.
import { describe, expect, it } from 'vitest';
import type { Card, FormBlock } from '../../cards/card.js';
import { cardButtons, formValue } from '../../cards/card.js';
import { startTestApp } from '../helpers/test-app.js';

// An hour of quiet: KPI results move only when a test flushes. The clock moves a minute per
// recompute, as it does between an error being recorded and the recompute a few seconds later.
let clock = new Date('2026-11-18T04:00:00Z');
const app = await startTestApp({ kpiRecomputeDelayMs: 3_600_000, now: () => clock });

async function post(url: string, payload: Record<string, unknown>): Promise<Card[]> {
  const res = await app.server.inject({ method: 'POST', url, payload });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}
const say = async (userId: string, text: string) => (await post('/console/api/messages', { userId, text }))[0] as Card;
const press = async (userId: string, actionId: string, value?: string) =>
  (await post('/console/api/actions', { userId, actionId, value }))[0] as Card;

function button(card: Card, actionId: string, label?: string) {
  const found = cardButtons(card).find(
    (b) => 'actionId' in b && b.actionId === actionId && (!label || b.label === label),
  );
  if (!found || !('actionId' in found)) throw new Error(`no ${actionId} button on "${card.title}"`);
  return found;
}
const formOf = (card: Card) => {
  const form = card.blocks.find((b): b is FormBlock => b.type === 'form');
  if (!form) throw new Error(`no form on "${card.title}"`);
  return form;
};

async function inbox(userId: string): Promise<Card[]> {
  await app.outbox.drain();
  const res = await app.server.inject({ method: 'GET', url: `/console/api/users/${userId}/messages` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { card: Card }[]).map((m) => m.card);
}

/** 高敏's deduction for major errors this month, as the card's score is computed from it. */
async function majorDeduction(): Promise<number> {
  await app.events.drain();
  clock = new Date(clock.getTime() + 60_000);
  await app.kpi.scheduler.flush();
  const row = await app.db.kpiResult.findUniqueOrThrow({
    where: { employeeId_period: { employeeId: 'emp_gaomin', period: '2026-11' } },
  });
  const inputs = row.inputs as { deductions: { rule: string; points: number }[] };
  return inputs.deductions.find((d) => d.rule === 'error.MAJOR')?.points ?? 0;
}

const latestError = () =>
  app.db.qualityError.findFirstOrThrow({
    where: { employeeId: 'emp_gaomin', recordedById: 'emp_linfang' },
    orderBy: { createdAt: 'desc' },
  });

describe('recording an error', () => {
  it('records it for a member of the team, shows what helps judge the cause, and tells the employee', async () => {
    // The template has no results yet: compute 高敏's once; from here on only events move them.
    app.kpi.onRecordsChanged({ employeeIds: ['emp_gaomin'], occurredAt: new Date('2026-11-18T04:00:00Z') });
    const before = await majorDeduction();
    const card = await say('emp_linfang', '差错 高敏 严重 个人 漏回复 客户来电后两天未回电');
    expect(card.title).toBe('差错已记录：高敏');
    expect(card.text).toContain('归因参考');
    expect(card.text).toContain('计入个人绩效扣分（严重差错）');
    const error = await latestError();
    expect(error).toMatchObject({ grade: 'MAJOR', attribution: 'PERSON', status: 'RECORDED', category: '漏回复' });

    const notices = (await inbox('emp_gaomin')).filter((c) => c.title === '你有一条新的差错记录');
    expect(notices).toHaveLength(1);
    expect(button(notices[0] as Card, 'quality.appeal.open').value).toBe(error.id);
    // A major error attributed to the person costs 5 points on the customer-service model.
    expect(await majorDeduction()).toBe(before + 5);
  });

  it('refuses a manager recording an error for someone outside their teams, with an audit row', async () => {
    const card = await say('emp_linfang', '差错 李明 一般 个人 漏回复 测试');
    expect(card.tone).toBe('warning');
    expect(card.text).toContain('你只能为自己管理的员工记录差错');
    expect(await app.db.qualityError.count({ where: { employeeId: 'emp_liming', recordedById: 'emp_linfang' } })).toBe(
      0,
    );
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_linfang', action: 'bot.refused' } })).toBeGreaterThan(
      0,
    );
  });

  it('explains the command when words are missing, and keeps employees out', async () => {
    expect((await say('emp_linfang', '差错 高敏 严重')).text).toContain('用法：差错 <员工>');
    expect((await say('emp_gaomin', '差错 韩梅 一般 个人 漏回复 x')).tone).toBe('warning');
  });
});

describe('appealing and deciding', () => {
  it('takes the appeal from the form, sends it to HR because the manager recorded it, and refuses a second one', async () => {
    const error = await latestError();
    const form = formOf(await press('emp_gaomin', 'quality.appeal.open', error.id));
    const done = await press(
      'emp_gaomin',
      form.submit.actionId,
      formValue(form.submit.value, { statement: '客户留的号码是空号，工单有记录' }),
    );
    expect(done.title).toBe('申诉已提交');
    const appeal = await app.db.appeal.findFirstOrThrow({ where: { errorId: error.id } });
    const reviewer = await app.db.employee.findUniqueOrThrow({ where: { id: appeal.reviewerId ?? '' } });
    expect(reviewer.role).toBe('HR');
    expect((await app.db.qualityError.findUniqueOrThrow({ where: { id: error.id } })).status).toBe('APPEALED');

    const again = await press(
      'emp_gaomin',
      form.submit.actionId,
      formValue(form.submit.value, { statement: '再来一次' }),
    );
    expect(again.tone).toBe('warning');
    expect(await app.db.appeal.count({ where: { errorId: error.id } })).toBe(1);

    const review = (await inbox(reviewer.id)).find((c) => c.title === '待审核申诉：高敏');
    expect(review?.text).toContain('客户留的号码是空号');
  });

  it('lets only one of two reviewers decide, moves the cost off the person, and the KPI follows', async () => {
    const error = await latestError();
    const appeal = await app.db.appeal.findFirstOrThrow({ where: { errorId: error.id } });
    const before = await majorDeduction();
    const [list] = await post('/console/api/messages', { userId: 'emp_malin', text: '申诉审核' });
    const processButton = button(list as Card, 'quality.decide.open', '改为流程原因');
    const form = formOf(await press('emp_malin', 'quality.decide.open', processButton.value));
    const value = formValue(form.submit.value, { reason: '空号问题来自工单系统的号码校验缺失' });
    const withdrawForm = formOf(await press('emp_fangyuan', 'quality.decide.open', `${appeal.id}|withdraw`));
    const [first, second] = await Promise.all([
      press('emp_malin', 'quality.decide.submit', value),
      press('emp_fangyuan', 'quality.decide.submit', formValue(withdrawForm.submit.value, { reason: '撤销' })),
    ]);
    const outcomes = [first, second].map((c) => c.title);
    expect(outcomes.filter((t) => t === '申诉已裁定')).toHaveLength(1);
    expect([first, second].find((c) => c.title !== '申诉已裁定')?.text).toContain('这条申诉已由');

    const decided = await app.db.appeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(decided.status).toBe('ACCEPTED');
    const after = await app.db.qualityError.findUniqueOrThrow({ where: { id: error.id } });
    expect(after.attribution === 'PROCESS' || after.status === 'OVERTURNED').toBe(true);
    expect(await majorDeduction()).toBe(before - 5);
    expect(await app.db.auditLog.count({ where: { action: 'quality.appeal.decide', subjectId: appeal.id } })).toBe(1);
    const told = (await inbox('emp_gaomin')).filter((c) => c.title === '你的申诉有了结果');
    expect(told).toHaveLength(1);
  });

  it("shows the manager the team's errors and the process-improvement list, and the employee only theirs", async () => {
    const manager = await say('emp_linfang', '差错列表');
    expect(manager.title).toMatch(/^团队差错记录/);
    const mine = await say('emp_gaomin', '我的差错');
    expect(mine.title).toMatch(/^差错记录/);
    expect(mine.text).not.toContain('韩梅');
    expect((await say('emp_gaomin', '申诉审核')).tone).toBe('warning');
  });
});

describe('retraining, deadlines and the case library', () => {
  it('enrols the person in retraining at the second error of one kind and tells them and their manager', async () => {
    await say('emp_linfang', '差错 韩梅 一般 培训 退款审批遗漏 退款少走了一步审批');
    expect(await app.db.trainingRecord.count({ where: { employeeId: 'emp_hanmei', reason: 'RETRAINING' } })).toBe(0);
    await say('emp_linfang', '差错 韩梅 一般 个人 退款审批遗漏 又一次漏了审批，客户 13812345678 投诉');
    const enrolled = await app.db.trainingRecord.findMany({
      where: { employeeId: 'emp_hanmei', reason: 'RETRAINING' },
    });
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]?.courseName).toBe('退款审批遗漏');
    expect((await inbox('emp_hanmei')).some((c) => c.title === '复训安排：退款审批遗漏')).toBe(true);
    expect((await inbox('emp_linfang')).some((c) => c.title === '复训安排：退款审批遗漏')).toBe(true);
    // A third error in the same window does not enrol her twice.
    await say('emp_linfang', '差错 韩梅 一般 个人 退款审批遗漏 第三次');
    expect(await app.db.trainingRecord.count({ where: { employeeId: 'emp_hanmei', reason: 'RETRAINING' } })).toBe(1);
  });

  it('refuses an appeal after seven days and sends an undecided appeal to HR after five', async () => {
    // By their words, not their order: the three were recorded at the same instant of the test clock.
    const byText = (text: string) =>
      app.db.qualityError.findFirstOrThrow({ where: { employeeId: 'emp_hanmei', description: { contains: text } } });
    const early = await byText('退款少走了一步审批');
    const late = await byText('第三次');
    // The third error is appealed at once; its reviewer (set to the manager here) then sits on it.
    const form = formOf(await press('emp_hanmei', 'quality.appeal.open', late.id));
    await press('emp_hanmei', form.submit.actionId, formValue(form.submit.value, { statement: '系统没有提示审批' }));
    await app.db.appeal.updateMany({ where: { errorId: late.id }, data: { reviewerId: 'emp_linfang' } });

    clock = new Date(clock.getTime() + 8 * 86_400_000);
    const closed = await press('emp_hanmei', 'quality.appeal.open', early.id);
    expect(closed.text).toContain('申诉期已过');

    expect(await app.scheduler.runNow('quality.appeals.escalate', clock)).toBe('ran');
    const appeal = await app.db.appeal.findFirstOrThrow({ where: { errorId: late.id } });
    const hr = await app.db.employee.findUniqueOrThrow({ where: { id: appeal.reviewerId ?? '' } });
    expect(hr.role).toBe('HR');
    expect((await inbox(hr.id)).some((c) => c.title === '申诉超时未处理，已转人事')).toBe(true);
  });

  it('publishes a resolved error anonymised and finds it by keyword', async () => {
    const error = await app.db.qualityError.findFirstOrThrow({
      where: { employeeId: 'emp_hanmei', description: { contains: '13812345678' } },
    });
    const ref = error.id.slice(-6);
    const published = await say('emp_linfang', `案例 发布 ${ref}`);
    expect(published.title).toBe('案例已发布');
    expect(published.text).not.toContain('13812345678');
    expect(published.text).not.toContain('韩梅');
    const found = await say('emp_gaomin', '案例 审批');
    expect(found.title).toBe('案例库：“审批”（1 条）');
    expect(found.text).toContain('退款审批遗漏');
    expect(found.text).not.toContain('13812345678');
    expect((await say('emp_gaomin', `案例 发布 ${ref}`)).tone).toBe('warning');
  });
});

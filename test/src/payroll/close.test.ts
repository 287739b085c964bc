import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../../cards/card.js';
import { findLateRecords, recordPostCloseAdjustment } from '../../../src/payroll/index.js';
import { insertKpiResult, makeMetric } from '../../fixtures/kpi-results.js';
import { readZip } from '../../helpers/read-zip.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY, TEST_TZ } from '../../helpers/test-db.js';

// September 2026 holds no demo records (the demo starts in October), so every record the
// late-record check sees here is one this file wrote.
const app = await startTestApp();
const AFTER_CLOSE = new Date(TEST_TODAY.getTime() + 3_600_000);

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

async function press(userId: string, actionId: string, value: string): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/actions',
    payload: { userId, actionId, value },
  });
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

async function download(card: Card, which: 0 | 1) {
  const urls = cardButtons(card).flatMap((b) => ('url' in b ? [new URL(b.url).pathname] : []));
  return app.server.inject({ method: 'GET', url: urls[which] as string });
}

beforeAll(async () => {
  await app.db.surveyAnswer.create({
    data: { id: 'sa_sep_counted', employeeId: 'emp_liming', csat: 5, answeredAt: new Date('2026-09-10T03:00:00Z') },
  });
  await app.db.workOrder.create({
    data: {
      id: 'wo_sep_early',
      externalId: 'WO-SEP-EARLY',
      title: 'battery check',
      assigneeId: 'emp_liming',
      status: 'COMPLETED',
      openedAt: new Date('2026-09-09T01:00:00Z'),
      completedAt: new Date('2026-09-09T05:00:00Z'),
      updatedAt: new Date('2026-09-09T05:00:00Z'),
    },
  });
  const surveys = makeMetric({ recordType: 'SurveyAnswer', recordIds: ['sa_sep_counted'] });
  const orders = makeMetric({
    metric: 'work_orders_completed',
    weight: 60,
    recordType: 'WorkOrder',
    recordIds: ['wo_sep_early'],
  });
  const inputs = { metrics: [surveys, orders] };
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-09', totalScore: 88, band: 'A', inputs });
  await insertKpiResult(app.db, { employeeId: 'emp_zhangwei', period: '2026-09', totalScore: null, inputs });
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-10', totalScore: 91.5, band: 'A' });
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-11', totalScore: 80, band: 'B' });
});

describe('close a past month', () => {
  it('freezes every result, stamps the period with a hash over the result hashes, and says so', async () => {
    const ask = await say('emp_malin', 'close 2026-09');
    expect(ask.title).toBe('确认结账 2026-09？');
    expect(ask.text).toContain('将冻结 2026-09 的 2 条绩效结果并生成工资导出（第 1 版结账）');
    expect((await app.db.kpiPeriod.findUnique({ where: { period: '2026-09' } }))?.status).not.toBe('CLOSED');
    const card = await press('emp_malin', 'payroll.close.confirm', '2026-09');
    expect(card.title).toBe('2026-09 已结账');
    expect(card.text).toContain('已冻结 2 条绩效结果');
    const results = await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { employeeId: 'asc' } });
    expect(results.every((r) => r.frozen)).toBe(true);
    const lines = results.map((r) => `${r.employeeId}:${r.contentHash}`).sort();
    const expected = createHash('sha256').update(lines.join('\n')).digest('hex');
    expect(await app.db.kpiPeriod.findUnique({ where: { period: '2026-09' } })).toMatchObject({
      status: 'CLOSED',
      closedById: 'emp_malin',
      closedAt: TEST_TODAY,
      contentHash: expected,
    });
    expect(card.text).toContain(expected);
    expect(await app.db.auditLog.count({ where: { action: 'payroll.period.closed', subjectId: '2026-09' } })).toBe(1);
  });

  it('produces the final payroll export as an exact CSV', async () => {
    const card = await say('emp_malin', 'close 2026-09');
    const res = await download(card, 1);
    const hashes = await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { employeeId: 'asc' } });
    const hashOf = (id: string) => hashes.find((h) => h.employeeId === id)?.contentHash;
    const no = async (id: string) => (await app.db.employee.findUniqueOrThrow({ where: { id } })).employeeNo;
    const rows = [
      [
        await no('emp_liming'),
        `${await no('emp_liming')},李明,售后服务部,2026-09,88,A,否,aftersales_engineer,1,${hashOf('emp_liming')},是,正式`,
      ],
      [
        await no('emp_zhangwei'),
        `${await no('emp_zhangwei')},张伟,售后服务部,2026-09,,,否,aftersales_engineer,1,${hashOf('emp_zhangwei')},是,正式`,
      ],
    ]
      .sort((a, b) => (a[0] as string).localeCompare(b[0] as string))
      .map((r) => r[1]);
    expect(res.body).toBe(
      `\uFEFF工号,姓名,部门,月份,总分,等级,折算,模型,模型版本,内容哈希,已结账,状态\r\n${rows.join('\r\n')}\r\n`,
    );
  });

  it('answers a second close with "already closed" and changes nothing', async () => {
    const before = await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } });
    const card = await say('emp_fangyuan', '结账 2026-09');
    expect(card.text).toContain('2026-09 已于 2026-11-18 12:00 结账，无需重复操作。');
    expect(await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } })).toEqual(before);
    expect(await app.db.auditLog.count({ where: { action: 'payroll.period.closed' } })).toBe(1);
  });

  it('leaves frozen rows byte-identical when a recompute touches only unfrozen rows', async () => {
    const frozen = await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { id: 'asc' } });
    await app.db.kpiResult.updateMany({ where: { frozen: false }, data: { totalScore: 1, computedAt: AFTER_CLOSE } });
    expect(await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { id: 'asc' } })).toEqual(frozen);
    expect((await app.db.kpiResult.findFirstOrThrow({ where: { period: '2026-10' } })).totalScore).toBe(1);
  });
});

describe('post-close adjustments', () => {
  it('reports late records on the payroll report without touching frozen scores', async () => {
    const scores = await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { id: 'asc' } });
    await app.db.surveyAnswer.create({
      data: { id: 'sa_sep_late', employeeId: 'emp_liming', csat: 1, answeredAt: new Date('2026-09-20T03:00:00Z') },
    });
    await app.db.workOrder.create({
      data: {
        id: 'wo_sep_late',
        externalId: 'WO-SEP-LATE',
        title: 'late sync',
        assigneeId: 'emp_zhangwei',
        status: 'COMPLETED',
        openedAt: new Date('2026-09-29T01:00:00Z'),
        completedAt: new Date('2026-09-29T05:00:00Z'),
        updatedAt: AFTER_CLOSE,
      },
    });
    const late = await findLateRecords(app.db, '2026-09', TEST_TZ);
    expect(late.map((r) => r.recordId).sort()).toEqual(['sa_sep_late', 'wo_sep_late']);

    const card = await say('emp_malin', 'report payroll 2026-09');
    expect(card.title).toBe('2026-09 工资导出 · 正式');
    expect(card.text).toContain('2 条结账后调整');
    expect(card.text).toContain('wo_sep_late');
    const xlsx = [...readZip((await download(card, 0)).rawPayload).values()].join('\n');
    expect(xlsx).toContain('结账后调整');
    expect(xlsx).toContain('sa_sep_late');
    expect(await app.db.kpiResult.findMany({ where: { period: '2026-09' }, orderBy: { id: 'asc' } })).toEqual(scores);
  });

  it('records each late record once however often it is seen', async () => {
    await say('emp_malin', 'report payroll 2026-09');
    await recordPostCloseAdjustment(app.db, {
      period: '2026-09',
      employeeId: 'emp_liming',
      recordType: 'SurveyAnswer',
      recordId: 'sa_sep_late',
      note: 'again',
    });
    expect(await app.db.kpiAdjustment.count({ where: { period: '2026-09' } })).toBe(2);
  });
});

describe('closing rules', () => {
  it('marks the payroll export of an open month as provisional', async () => {
    const card = await say('emp_malin', 'report payroll 2026-10');
    expect(card.title).toBe('2026-10 工资导出 · 预览');
    expect((await download(card, 1)).body).toContain(',否,预览\r\n');
  });

  it('asks before closing the running month and closes when confirmed', async () => {
    const card = await say('emp_malin', 'close 2026-11');
    expect(card.title).toBe('确认结账 2026-11？');
    expect(cardButtons(card)).toEqual([
      expect.objectContaining({ actionId: 'payroll.close.confirm', value: '2026-11' }),
    ]);
    expect((await app.db.kpiPeriod.findUnique({ where: { period: '2026-11' } }))?.status).not.toBe('CLOSED');
    const done = await press('emp_malin', 'payroll.close.confirm', '2026-11');
    expect(done.title).toBe('2026-11 已结账');
    expect((await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-11' } })).status).toBe('CLOSED');
  });

  it('refuses a future month, a month without results and a malformed confirmation', async () => {
    expect((await say('emp_malin', 'close 2026-12')).text).toContain('2026-12 还没开始，不能结账。');
    expect((await say('emp_malin', 'close 2026-08')).text).toContain('2026-08 还没有任何绩效结果');
    expect((await press('emp_malin', 'payroll.close.confirm', '2026-13')).text).toContain('用法：结账 <月份>');
    expect(await app.db.kpiPeriod.findUnique({ where: { period: '2026-08' } })).toBeNull();
  });

  it('refuses a manager politely and audits the refusal', async () => {
    const card = await say('emp_wangjianguo', 'close 2026-10');
    expect(card.text).toContain('抱歉');
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_wangjianguo', action: 'bot.refused' } })).toBe(1);
    expect((await app.db.kpiPeriod.findUnique({ where: { period: '2026-10' } }))?.status).not.toBe('CLOSED');
  });
});

describe('reopening a closed month', () => {
  it('shows the employee that the month is closed, with its hash, and no "since last week"', async () => {
    const card = await say('emp_liming', 'kpi 2026-09');
    const hash = (await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } })).contentHash ?? '';
    expect(card.text).toContain(`本月已于 2026-11-18 12:00 结账（数据指纹 ${hash.slice(0, 12)}）`);
    expect(card.text).not.toContain('较上周');
  });

  it('needs a reason, thaws the results, audits, and the next close is version 2', async () => {
    expect((await say('emp_malin', 'kpi reopen 2026-09')).text).toContain('重开 2026-09 必须写明原因');
    const reopened = await say('emp_malin', '绩效重开 2026-09 原因：补录九月工单');
    expect(reopened.title).toBe('2026-09 已重开');
    expect((await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } })).status).toBe('OPEN');
    expect(await app.db.kpiResult.count({ where: { period: '2026-09', frozen: true } })).toBe(0);
    const audit = await app.db.auditLog.findFirst({
      where: { action: 'payroll.period.reopened', subjectId: '2026-09' },
    });
    expect(audit?.details).toMatchObject({ reason: '补录九月工单', version: 1 });
    await app.db.kpiResult.updateMany({
      where: { employeeId: 'emp_liming', period: '2026-09' },
      data: { contentHash: 'corrected' },
    });
    const ask = await say('emp_malin', 'kpi close 2026-09');
    expect(ask.text).toContain('第 2 版结账');
    const closed = await press('emp_malin', 'payroll.close.confirm', '2026-09');
    expect(closed.text).toContain('结账版本: 2');
    const row = await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } });
    expect(row).toMatchObject({ status: 'CLOSED', closeVersion: 2 });
    expect(closed.text).toContain(row.contentHash ?? '');
  });

  it('refuses a reopen once HR has marked the payroll paid', async () => {
    expect((await say('emp_malin', 'kpi paid 2026-10')).text).toContain('2026-10 还没有结账');
    const paid = await say('emp_malin', 'kpi paid 2026-09');
    expect(paid.text).toContain('第 2 版结账');
    const refused = await say('emp_malin', 'kpi reopen 2026-09 reason: 再改一次');
    expect(refused.text).toContain('不能再重开');
    expect((await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } })).status).toBe('CLOSED');
    expect(await app.db.auditLog.count({ where: { action: 'payroll.period.reopen_refused' } })).toBe(1);
  });
});

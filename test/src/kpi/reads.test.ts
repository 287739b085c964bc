// `kpi` and `team` read stored results: a view never computes or writes a result; what is missing
// is left to the scheduler, and a changed record reaches the card through `onRecordsChanged`.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { bj } from '../../helpers/kpi-records.js';
import { startTestApp } from '../../helpers/test-app.js';

// An hour of quiet: nothing is recomputed unless a test flushes the scheduler itself.
const app = await startTestApp({ kpiRecomputeDelayMs: 3_600_000 });

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

const stored = (period = '2026-11') =>
  app.db.kpiResult.findMany({
    where: { period },
    orderBy: { employeeId: 'asc' },
    select: { id: true, employeeId: true, contentHash: true, totalScore: true, computedAt: true, inputs: true },
  });
const liming = () =>
  app.db.kpiResult.findUniqueOrThrow({ where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-11' } } });
const score = (n: number | null) => (n as number).toLocaleString('en-US', { maximumFractionDigits: 2 });

describe('kpi and team views', () => {
  it('says a card not computed yet is on its way, writes nothing, and shows the score after the flush', async () => {
    const card = await say('emp_liming', 'kpi');
    expect(card.text).toContain('本期绩效还没有算出来');
    expect(await app.db.kpiResult.count()).toBe(0);
    await app.kpi.scheduler.flush();
    const row = await liming();
    expect(row.totalScore).not.toBeNull();
    const next = await say('emp_liming', 'kpi');
    expect(next.text).toContain(`总分: ${score(row.totalScore)}`);
  });

  it('shows the team board with the members not computed yet counted, writing nothing until the flush', async () => {
    const before = await stored();
    const card = await say('emp_wangjianguo', 'team');
    expect(card.text).toMatch(/还有 \d+ 位成员的本期绩效正在计算/);
    expect(await stored()).toEqual(before);
    await app.kpi.scheduler.flush();
    const board = await say('emp_wangjianguo', 'team');
    expect(board.text).not.toContain('正在计算');
    const table = board.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' ? table.rows.length : 0).toBeGreaterThan(5);
    expect((await stored()).length).toBeGreaterThan(before.length);
  });

  it('views kpi and team twice without touching a stored result, even after their records changed', async () => {
    await app.db.surveyAnswer.updateMany({ where: { employeeId: 'emp_liming' }, data: { csat: 1 } });
    const before = await stored();
    const row = await liming();
    for (const text of ['kpi', '绩效']) {
      expect((await say('emp_liming', text)).text).toContain(`总分: ${score(row.totalScore)}`);
    }
    await say('emp_wangjianguo', 'team');
    await say('emp_wangjianguo', '团队');
    expect(await stored()).toEqual(before);
  });

  it('recomputes the people of a changed record on the flush, and the next card shows the new score', async () => {
    const before = await liming();
    app.kpi.onRecordsChanged({ employeeIds: ['emp_liming'], occurredAt: bj('2026-11-10 15:00') });
    await app.kpi.scheduler.flush();
    const after = await liming();
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.totalScore as number).toBeLessThan(before.totalScore as number);
    const card = await say('emp_liming', 'kpi');
    expect(card.text).toContain(`总分: ${score(after.totalScore)}`);
  });

  it('compares with the weekly snapshot of a week ago, and with nothing when no snapshot was taken', async () => {
    const row = await liming();
    await app.db.kpiSnapshot.create({
      data: { employeeId: 'emp_liming', period: '2026-11', takenOn: '2026-11-09', totalScore: 50, metrics: [] },
    });
    const delta = Math.round(((row.totalScore as number) - 50) * 100) / 100;
    expect((await say('emp_liming', 'kpi')).text).toContain(`较上周 ${delta > 0 ? '+' : ''}${delta.toFixed(2)} 分`);
    expect((await say('emp_zhangwei', 'kpi')).text).toContain('较上周：暂无对比');
  });
});

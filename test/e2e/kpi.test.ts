import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import type { KpiInputs } from '../../src/kpi/rules.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
// Cards read stored results; the nightly job stores them, as it does in production.
await nightlyRecompute(app.kpi.context, TEST_TODAY);

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

async function press(userId: string, actionId: string, value?: string): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/actions',
    payload: { userId, actionId, value },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

describe('kpi card through the console', () => {
  it('shows emp_liming the same total and metric values as the stored KpiResult', async () => {
    const card = await say('emp_liming', 'kpi');
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-11' } },
    });
    expect(row.totalScore).not.toBeNull();
    expect(card.title).toContain('2026-11');
    expect(card.text).toContain((row.totalScore as number).toLocaleString('en-US', { maximumFractionDigits: 2 }));
    expect(card.text).toContain(`等级: ${row.band}`);
    const csat = (row.inputs as unknown as KpiInputs).metrics.find((m) => m.metric === 'csat_avg');
    expect(card.text).toContain(`客户满意度`);
    expect(card.text).toContain(String(csat?.value));
  });

  it('lists under "why" only records whose ids are in the result inputs', async () => {
    const card = await say('emp_wuhao', '绩效');
    const why = cardButtons(card).find((b) => 'actionId' in b && b.label.includes('客户满意度'));
    expect(why && 'actionId' in why ? why.actionId : '').toBe('kpi.why');
    const reply = await press('emp_wuhao', 'kpi.why', why && 'value' in why ? why.value : '');
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_wuhao', period: '2026-11' } },
    });
    const ids = (row.inputs as unknown as KpiInputs).metrics.find((m) => m.metric === 'csat_avg')?.recordIds ?? [];
    const answers = await app.db.surveyAnswer.findMany({
      where: { id: { in: ids } },
      select: { workOrder: { select: { externalId: true } }, csat: true },
    });
    const table = reply.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBeGreaterThan(0);
    const refs = new Set(answers.map((a) => a.workOrder?.externalId));
    for (const r of table?.type === 'table' ? table.rows : []) expect(refs.has(r[0])).toBe(true);
    // the lowest score comes first: the survey that pulled CSAT down most
    expect(table?.type === 'table' ? table.rows[0]?.[2] : '').toContain(
      `CSAT ${Math.min(...answers.map((a) => a.csat))}`,
    );
  });

  it('opens the KPI card from the help shortcut button', async () => {
    const card = await press('emp_qiantao', 'kpi.card.open');
    expect(card.title).toContain('钱涛');
    expect(card.text).toContain('销售额');
  });

  it('refuses another person\'s "why" to an employee and audits it', async () => {
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-11' } },
    });
    const reply = await press('emp_zhangwei', 'kpi.why', `${row.id}|csat_avg`);
    expect(reply.text).toContain('只能查看自己');
    const audit = await app.db.auditLog.findFirst({ where: { actorId: 'emp_zhangwei', action: 'kpi.why.refused' } });
    expect(audit?.subjectId).toBe(row.id);
  });

  it('shows the manager a team board sorted by score', async () => {
    const card = await say('emp_wangjianguo', 'team');
    const table = card.blocks.find((b) => b.type === 'table');
    const scores = table?.type === 'table' ? table.rows.map((r) => Number(r[1])) : [];
    expect(scores.length).toBeGreaterThan(5);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(card.text).toContain('⚠');
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_wangjianguo', action: 'kpi.team.read' } })).toBe(1);
  });

  it('refuses the team board to an employee with an audit row', async () => {
    const card = await say('emp_liming', '团队');
    expect(card.text).toContain('不能使用');
    expect(
      await app.db.auditLog.count({ where: { actorId: 'emp_liming', action: 'bot.refused', subjectId: 'kpi.team' } }),
    ).toBe(1);
  });

  it('refuses weights to a manager politely and audits it', async () => {
    const card = await say(
      'emp_wangjianguo',
      'kpi weights aftersales_engineer 2026-11 csat_avg=30 wo_points=20 reason: test',
    );
    expect(card.text).toContain('只有人事');
    expect(await app.db.auditLog.count({ where: { actorId: 'emp_wangjianguo', action: 'kpi.weights.refused' } })).toBe(
      1,
    );
  });

  it('lets HR change November weights, audited, leaving October untouched', async () => {
    await say('emp_liming', 'kpi 2026-10');
    const octBefore = await app.db.kpiResult.findMany({ where: { period: '2026-10' }, orderBy: { employeeId: 'asc' } });
    const card = await say(
      'emp_malin',
      'kpi weights aftersales_engineer 2026-11 csat_avg=30 wo_points=20 reason: 客户体验优先',
    );
    expect(card.text).toContain('已保存为 2026-11 第 1 版');
    const versions = await app.db.kpiModelVersion.findMany({
      where: { model: { code: 'aftersales_engineer' } },
      orderBy: { period: 'asc' },
    });
    expect(versions.map((v) => [v.period, v.version, v.createdById])).toEqual([
      ['2026-10', 1, null],
      ['2026-11', 1, 'emp_malin'],
    ]);
    const audit = await app.db.auditLog.findFirst({ where: { actorId: 'emp_malin', action: 'kpi.weights.changed' } });
    expect(audit?.details).toMatchObject({ model: 'aftersales_engineer', period: '2026-11', reason: '客户体验优先' });
    const nov = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-11' } },
    });
    expect((nov.inputs as unknown as KpiInputs).metrics.find((m) => m.metric === 'csat_avg')?.weight).toBe(30);
    const octAfter = await app.db.kpiResult.findMany({ where: { period: '2026-10' }, orderBy: { employeeId: 'asc' } });
    expect(octAfter.map((r) => [r.contentHash, r.modelVersionId])).toEqual(
      octBefore.map((r) => [r.contentHash, r.modelVersionId]),
    );
  });

  it('refuses weights that do not sum to 100%', async () => {
    const card = await say('emp_malin', 'kpi weights aftersales_engineer 2026-11 csat_avg=40 reason: too much');
    expect(card.text).toContain('必须等于 100%');
  });
});

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
    const rows = table?.type === 'table' ? table.rows : [];
    for (const r of rows) expect(refs.has(r[0]?.replace(/^⚠ /, '').split(' · ')[0])).toBe(true);
    // the lowest score comes first: the survey that pulled CSAT down most
    expect(rows[0]?.[1]).toContain(`满意度 ${Math.min(...answers.map((a) => a.csat))} 分`);
  });

  it('explains a response SLA with its breaches first, against the deadline, paged and exported', async () => {
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-10' } },
    });
    const sla = (row.inputs as unknown as KpiInputs).metrics.find((m) => m.metric === 'wo_response_sla');
    expect(sla?.value).not.toBeNull();
    const first = await press('emp_liming', 'kpi.why', `${row.id}|wo_response_sla`);
    expect(first.title).toBe('为什么：响应及时率 · 2026-10');
    const table = first.blocks.find((b) => b.type === 'table');
    const rows = table?.type === 'table' ? table.rows : [];
    expect(rows.length).toBeLessThanOrEqual(8);
    const effects = rows.map((r) => r[1] ?? '');
    // every row says the time taken against the deadline; breaches (⚠) come before orders on time
    for (const e of effects) expect(e).toMatch(/用时 .+，时限 .+|未响应/);
    const breaches = rows.filter((r) => r[0]?.startsWith('⚠'));
    if (breaches.length > 0) {
      expect(rows[0]?.[0]).toMatch(/^⚠/);
      expect(rows[0]?.[1]).toMatch(/超时|未响应/);
    }
    const more = cardButtons(first).find((b) => 'actionId' in b && b.actionId === 'kpi.why');
    if ((sla?.recordIds.length ?? 0) > 8) {
      const next = await press('emp_liming', 'kpi.why', more && 'value' in more ? more.value : '');
      expect(next.text).toContain('第 9–');
    }
    const exp = cardButtons(first).find((b) => 'actionId' in b && b.actionId === 'kpi.why.export');
    const exported = await press('emp_liming', 'kpi.why.export', exp && 'value' in exp ? exp.value : '');
    const link = cardButtons(exported).find((b) => 'url' in b);
    const file = await app.server.inject({
      method: 'GET',
      url: new URL(link && 'url' in link ? link.url : '').pathname,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    if (process.env.SHOW_CARDS) console.log(first.text);
  });

  it('offers a "why" for each deduction on the card, listing the records it counts', async () => {
    const rows = await app.db.kpiResult.findMany({ where: { period: '2026-10' } });
    const withDeduction = rows.find((r) => (r.inputs as unknown as KpiInputs).deductions.some((d) => d.count > 0));
    expect(withDeduction).toBeDefined();
    if (!withDeduction) return;
    const card = await say(withDeduction.employeeId, 'kpi 上月');
    const rules = (withDeduction.inputs as unknown as KpiInputs).deductions.filter((d) => d.count > 0);
    const values = new Set(rules.map((d) => `${withDeduction.id}|${d.rule}`));
    const button = cardButtons(card).find((b) => 'value' in b && values.has(b.value ?? ''));
    expect(button).toBeDefined();
    const why = await press(withDeduction.employeeId, 'kpi.why', button && 'value' in button ? button.value : '');
    expect(why.text).toMatch(/次，扣 \d/);
    if (process.env.SHOW_CARDS) console.log(card.text, '\n---\n', why.text);
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

import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { computePeriod, type KpiEngine } from '../../../src/kpi/compute.js';
import { ensureDefaultModels } from '../../../src/kpi/models.js';
import type { KpiInputs } from '../../../src/kpi/rules.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const app = await startTestApp();
const engine: KpiEngine = {
  db: app.db,
  provider: app.target.provider,
  logger: pino({ level: 'silent' }),
  now: () => TEST_TODAY,
  metrics: app.kpi.metrics,
};
await ensureDefaultModels(app.db, '2026-10', app.kpi.metrics);
const snapshot = (period: string) =>
  app.db.kpiResult.findMany({
    where: { period },
    orderBy: { employeeId: 'asc' },
    select: { employeeId: true, inputs: true, contentHash: true, totalScore: true, computedAt: true },
  });

describe('computePeriod on the demo company', () => {
  it('writes byte-identical results when recomputing an unchanged period, touching no row', async () => {
    await computePeriod(engine, '2026-10');
    const first = await snapshot('2026-10');
    const again = await computePeriod({ ...engine, now: () => new Date(TEST_TODAY.getTime() + 3_600_000) }, '2026-10');
    expect(again.written).toBe(0);
    expect(await snapshot('2026-10')).toEqual(first);
    expect(first.length).toBeGreaterThan(15);
  });

  it('pro-rates an agent hired inside the period and marks the result', async () => {
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_hanmei', period: '2026-10' } },
    });
    const inputs = row.inputs as unknown as KpiInputs;
    const hire = (await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_hanmei' } })).hireDate;
    const days = 31 - Number(hire.slice(8)) + 1;
    expect(row.prorated).toBe(true);
    expect(inputs.coverage).toBe(Math.round((days / 31) * 100) / 100);
    expect(inputs.metrics.find((m) => m.metric === 'tickets_handled')?.target).toBe(
      Math.round(400 * (days / 31) * 100) / 100,
    );
  });

  it('counts wo_completed and csat exactly as the records say (hand check against rows)', async () => {
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-10' } },
    });
    const inputs = row.inputs as unknown as KpiInputs;
    const csat = inputs.metrics.find((m) => m.metric === 'csat_avg');
    const answers = await app.db.surveyAnswer.findMany({
      where: { id: { in: csat?.recordIds ?? [] } },
      select: { csat: true, employeeId: true },
    });
    expect(answers.every((a) => a.employeeId === 'emp_liming')).toBe(true);
    expect(answers.length).toBe(csat?.recordIds.length);
    expect(csat?.value).toBe(Math.round((answers.reduce((s, a) => s + a.csat, 0) / answers.length) * 100) / 100);
    const points = inputs.metrics.find((m) => m.metric === 'wo_points');
    const orders = await app.db.workOrder.findMany({
      where: { id: { in: points?.recordIds ?? [] } },
      select: { difficulty: true },
    });
    expect(points?.value).toBe(orders.reduce((s, o) => s + o.difficulty, 0));
  });

  it('shows no data (null, not zero) for a period without records', async () => {
    const summary = await computePeriod(engine, '2026-06', { employeeIds: ['emp_liming'] });
    expect(summary.results[0]?.scored.totalScore).toBeNull();
    const row = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_liming', period: '2026-06' } },
    });
    expect(row.totalScore).toBeNull();
  });

  it('leaves frozen results and closed periods untouched when data changes', async () => {
    await computePeriod(engine, '2026-11');
    await app.db.kpiResult.update({
      where: { employeeId_period: { employeeId: 'emp_zhangwei', period: '2026-11' } },
      data: { frozen: true },
    });
    const frozenBefore = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_zhangwei', period: '2026-11' } },
    });
    await app.db.surveyAnswer.updateMany({
      where: { employeeId: { in: ['emp_zhangwei', 'emp_liuyang'] } },
      data: { csat: 1 },
    });
    await computePeriod(engine, '2026-11');
    const frozenAfter = await app.db.kpiResult.findUniqueOrThrow({
      where: { employeeId_period: { employeeId: 'emp_zhangwei', period: '2026-11' } },
    });
    expect(frozenAfter).toEqual(frozenBefore);
    const before = await snapshot('2026-10');
    await app.db.kpiPeriod.create({ data: { period: '2026-10', status: 'CLOSED' } });
    const closed = await computePeriod(engine, '2026-10');
    expect(closed.closed).toBe(true);
    expect(await snapshot('2026-10')).toEqual(before);
  });
});

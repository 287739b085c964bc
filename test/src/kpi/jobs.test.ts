import { describe, expect, it } from 'vitest';
import { computePeriod } from '../../../src/kpi/compute.js';
import { recomputePeriod } from '../../../src/kpi/off-thread.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();
const NIGHT = new Date('2026-11-18T18:30:00Z'); // 02:30 in Shanghai

describe('KPI jobs on the app scheduler', () => {
  it('registers the nightly recompute and the weekly snapshot', () => {
    expect(app.scheduler.names()).toEqual(expect.arrayContaining(['kpi.nightly', 'kpi.snapshot']));
  });

  it('computes both demo months on the nightly run and skips a second run the same night', async () => {
    expect(await app.scheduler.runNow('kpi.nightly', NIGHT)).toBe('ran');
    const periods = await app.db.kpiResult.groupBy({
      by: ['period'],
      _count: { _all: true },
      orderBy: { period: 'asc' },
    });
    expect(periods.map((p) => p.period)).toEqual(['2026-10', '2026-11']);
    expect(await app.scheduler.runNow('kpi.nightly', new Date(NIGHT.getTime() + 60_000))).toBe('skipped');
  });

  it('takes a snapshot of the current month for every scored person', async () => {
    expect(await app.scheduler.runNow('kpi.snapshot', NIGHT)).toBe('ran');
    const results = await app.db.kpiResult.count({ where: { period: '2026-11' } });
    const snapshots = await app.db.kpiSnapshot.count({ where: { period: '2026-11', takenOn: '2026-11-19' } });
    expect(snapshots).toBe(results);
  });

  it('recomputes a period in a worker thread, storing what the in-process engine stores', async () => {
    const engine = app.kpi.context.engine;
    const rows = () =>
      app.db.kpiResult.findMany({
        where: { period: '2026-11' },
        select: { employeeId: true, totalScore: true, band: true, inputs: true, contentHash: true },
        orderBy: { employeeId: 'asc' },
      });
    await app.db.kpiResult.deleteMany({ where: { period: '2026-11' } });
    const run = await recomputePeriod(engine, '2026-11', NIGHT);
    expect(run.offThread).toBe(true);
    const fromWorker = await rows();
    expect(fromWorker.length).toBeGreaterThan(0);
    await app.db.kpiResult.deleteMany({ where: { period: '2026-11' } });
    await computePeriod(engine, '2026-11', { asOf: NIGHT });
    expect(await rows()).toEqual(fromWorker);
  });
});

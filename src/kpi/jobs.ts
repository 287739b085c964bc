// KPI jobs: nightly full recompute and the weekly snapshot. Each run is idempotent: results are
// written only when their content hash changes, snapshots are keyed by (employee, period, day).
import type { Scheduler } from '../jobs/scheduler.js';
import { currentPeriod, previousPeriod } from '../time/period.js';
import { localDate } from '../time/zoned.js';
import type { KpiContext } from './context.js';
import { recomputePeriods } from './off-thread.js';
import { periodResults, saveSnapshots } from './store-views.js';

const zoneOf = (kpi: KpiContext) => kpi.deps.timeZone ?? 'Asia/Shanghai';

/** Recomputes the current and the previous period (late records land in both); closed ones are skipped. */
export async function nightlyRecompute(kpi: KpiContext, now: Date): Promise<{ period: string; written: number }[]> {
  await kpi.ready();
  const current = currentPeriod(now, zoneOf(kpi));
  // one worker thread for both, so the server keeps answering during a company-wide recompute
  const runs = await recomputePeriods(kpi.engine, [previousPeriod(current), current], now);
  return runs.map(({ period, written }) => ({ period, written }));
}

/** Snapshots the current period's scores for "change since last week" and trends. */
export async function weeklySnapshot(kpi: KpiContext, now: Date): Promise<number> {
  await nightlyRecompute(kpi, now);
  const zone = zoneOf(kpi);
  const period = currentPeriod(now, zone);
  const takenOn = localDate(now, zone);
  const rows = await periodResults(kpi.deps.db, period);
  return saveSnapshots(
    kpi.deps.db,
    rows.map((r) => ({
      employeeId: r.employeeId,
      period,
      takenOn,
      totalScore: r.totalScore,
      metrics: ((r.inputs as { metrics?: { metric: string; score: number | null }[] }).metrics ?? []).map((m) => ({
        metric: m.metric,
        score: m.score,
      })),
    })),
  );
}

/**
 * Registers the KPI jobs on the app's scheduler, which runs each once per run key across replicas:
 * the nightly recompute once per local day, the snapshot once per local Monday.
 */
export function registerKpiJobs(kpi: KpiContext, scheduler: Pick<Scheduler, 'register'>): void {
  const timeZone = zoneOf(kpi);
  const day = (now: Date) => localDate(now, timeZone);
  scheduler.register({
    name: 'kpi.nightly',
    cron: '30 2 * * *',
    timeZone,
    runKey: day,
    run: async (now) => void (await nightlyRecompute(kpi, now)),
  });
  scheduler.register({
    name: 'kpi.snapshot',
    cron: '0 6 * * 1',
    timeZone,
    runKey: day,
    run: async (now) => void (await weeklySnapshot(kpi, now)),
  });
}

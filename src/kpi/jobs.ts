// KPI jobs: nightly full recompute and the weekly snapshot. Each run is idempotent: results are
// written only when their content hash changes, snapshots are keyed by (employee, period, day).
import cron, { type ScheduledTask } from 'node-cron';
import { localDate, previousPeriod } from '../time/zoned.js';
import { computePeriod } from './compute.js';
import { currentPeriod, type KpiContext } from './context.js';
import { periodResults, saveSnapshots } from './store-views.js';

const zoneOf = (kpi: KpiContext) => kpi.deps.timeZone ?? 'Asia/Shanghai';

/** Recomputes the current and the previous period (late records land in both); closed ones are skipped. */
export async function nightlyRecompute(kpi: KpiContext, now: Date): Promise<{ period: string; written: number }[]> {
  await kpi.ready();
  const current = currentPeriod(now, zoneOf(kpi));
  const out = [];
  for (const period of [previousPeriod(current), current]) {
    const summary = await computePeriod(kpi.engine, period, { asOf: now });
    out.push({ period, written: summary.written });
  }
  return out;
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

export function scheduleKpiJobs(kpi: KpiContext): ScheduledTask[] {
  const timezone = zoneOf(kpi);
  const run = (name: string, job: () => Promise<unknown>) => async () => {
    try {
      await job();
    } catch (err) {
      kpi.deps.logger.error({ err, job: name }, 'kpi job failed');
    }
  };
  return [
    cron.schedule(
      '30 2 * * *',
      run('kpi.nightly', () => nightlyRecompute(kpi, kpi.deps.now())),
      { timezone, name: 'kpi.nightly' },
    ),
    cron.schedule(
      '0 6 * * 1',
      run('kpi.snapshot', () => weeklySnapshot(kpi, kpi.deps.now())),
      { timezone, name: 'kpi.snapshot' },
    ),
  ];
}

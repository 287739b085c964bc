// Nightly sweep: records that arrived for a closed month become post-close adjustments the same
// night, not only when someone next opens that month's payroll report. Frozen scores never change.
import type { Db } from '../db/client.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { localDate } from '../time/zoned.js';
import { syncLateAdjustments } from './late-records.js';

/** Closed months looked at each night; older closes rarely receive late records. */
const MONTHS_BACK = 12;

export async function sweepLateRecords(db: Db, timeZone: string): Promise<number> {
  const closed = await db.kpiPeriod.findMany({
    where: { status: 'CLOSED' },
    orderBy: { period: 'desc' },
    take: MONTHS_BACK,
    select: { period: true },
  });
  let found = 0;
  for (const { period } of closed) found += await syncLateAdjustments(db, period, timeZone);
  return found;
}

export function registerPayrollJobs(scheduler: Pick<Scheduler, 'register'>, db: Db, timeZone: string): void {
  scheduler.register({
    name: 'payroll.late-records',
    cron: '15 3 * * *',
    timeZone,
    runKey: (now) => localDate(now, timeZone),
    run: async () => void (await sweepLateRecords(db, timeZone)),
  });
}

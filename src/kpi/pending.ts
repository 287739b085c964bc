// Reads never compute: a person in scope whose result is not stored yet, although a model applies,
// is marked dirty for the scheduler and the card says the figure is on its way.
import { periodDates } from '../time/period.js';
import type { KpiContext } from './context.js';
import { modelFor } from './resolve.js';
import { listVersions, periodClosed } from './store.js';
import { employeesInPeriod } from './store-results.js';

/** Ids of the people in scope with no stored result that the scheduler will compute. */
export async function markMissing(
  kpi: KpiContext,
  period: string,
  scope: { employeeIds?: string[]; teamId?: string },
  stored: ReadonlySet<string>,
): Promise<string[]> {
  const { db } = kpi.deps;
  if (await periodClosed(db, period)) return [];
  const { first, last } = periodDates(period);
  const people = (await employeesInPeriod(db, first, last, scope)).filter((e) => !stored.has(e.id));
  if (people.length === 0) return [];
  const versions = await listVersions(db);
  const missing = people.filter((e) => modelFor(e, versions, period)).map((e) => e.id);
  for (const id of missing) kpi.scheduler.markDirty(id, period);
  return missing;
}

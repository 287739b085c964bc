// One metric over one period for the people of one time zone: the window, the GROUP BY query and
// the per-person value with the ids of the records behind it. The recompute calls it per metric.
import type { Db } from '../db/client.js';
import { periodDates, periodRange } from '../time/period.js';
import { addDays, localDate, offsetMinutes, zonedTime } from '../time/zoned.js';
import { type Calendar, periodCalendar } from './calendar.js';
import { dialectFor, type MetricRegistry, type MetricWindow } from './metrics/index.js';
import type { MetricValue } from './rules.js';
import { runMetricSql, type ScopeEmployee } from './store-results.js';

/** Keeps ids reproducible (sorted) and a result row bounded in size. */
const MAX_IDS = 1000;

export interface MetricScope {
  period: string;
  timeZone: string;
  /** Count only records up to this instant; absences only whole past days before it. */
  asOf: Date;
  /** Everyone evaluated; all share `timeZone`. */
  people: readonly ScopeEmployee[];
  params?: Readonly<Record<string, unknown>>;
  /** Restrict the query to one employee (incremental recompute, the card). */
  employeeId?: string;
  /** The period's calendar (computePeriod loads it once); read from the `Holiday` table when absent. */
  calendar?: Calendar;
}

export interface MetricEvaluation {
  /** People with records in the window. */
  values: Map<string, MetricValue>;
  /** People without: 0 (or derived from 0) for counts, null for rates and averages. */
  missing: Map<string, MetricValue>;
}

export async function evaluateMetric(
  source: { db: Db; provider: 'sqlite' | 'postgres'; metrics: MetricRegistry },
  code: string,
  scope: MetricScope,
): Promise<MetricEvaluation> {
  const spec = source.metrics.spec(code);
  const values = new Map<string, MetricValue>();
  const missing = new Map<string, MetricValue>();
  const { period, timeZone: zone, asOf } = scope;
  const range = periodRange(period, zone);
  const end = minDate(asOf, range.end);
  // whole past days only, so this morning's missing check-in is not yet an absence
  const dayEnd = minDate(end, zonedTime(localDate(asOf, zone), 0, zone));
  const lastFullDay = localDate(new Date(dayEnd.getTime() - 1), zone);
  const wEnd = spec.completeDays ? dayEnd : end;
  if (wEnd <= range.start) return { values, missing };
  const calendar = scope.calendar ?? (await periodCalendar(source.db, period));
  const w: MetricWindow = {
    start: range.start,
    end: wEnd,
    offsetMinutes: offsetMinutes(range.start, zone),
    params: scope.params ?? {},
    calendar,
    ...(scope.employeeId ? { employeeId: scope.employeeId } : {}),
  };
  const people = new Map(scope.people.map((p) => [p.id, p]));
  const { first, last } = periodDates(period);
  const counted = new Map<string, number>();
  const workdaysOf = (id: string): number => {
    const [from, to] = employedDays(people.get(id), first, last, lastFullDay);
    const key = `${from}/${to}`;
    const hit = counted.get(key);
    if (hit !== undefined) return hit;
    const n = calendar.workdaysBetween(from, to);
    counted.set(key, n);
    return n;
  };
  const derive = (v: number, id: string) => (spec.derive ? spec.derive(v, { workdays: workdaysOf(id) }) : v);
  for (const row of await runMetricSql(source.db, spec.sql(dialectFor(source.provider), w))) {
    if (!people.has(row.e)) continue;
    const value = row.v === null || row.v === undefined ? null : derive(Number(row.v), row.e);
    values.set(row.e, { value, recordIds: sortedIds(row.ids) });
  }
  for (const id of people.keys()) {
    if (values.has(id)) continue;
    missing.set(id, { value: spec.empty === 'zero' ? derive(0, id) : null, recordIds: [] });
  }
  return { values, missing };
}

/** The ids of a comma-joined list, sorted (SQL already orders them: usually a check, not a sort). */
function sortedIds(joined: string | null): string[] {
  const ids = (joined ?? '').split(',').filter(Boolean);
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i - 1] as string) > (ids[i] as string)) {
      ids.sort();
      break;
    }
  }
  return ids.length > MAX_IDS ? ids.slice(0, MAX_IDS) : ids;
}

/** The local dates [from, to] of the period a person was employed up to the last whole day (empty: to < from). */
function employedDays(
  e: ScopeEmployee | undefined,
  first: string,
  last: string,
  lastFullDay: string,
): [string, string] {
  const from = e && e.hireDate > first ? e.hireDate : first;
  let to = lastFullDay < last ? lastFullDay : last;
  if (e?.leftDate && e.leftDate < to) to = e.leftDate;
  return [from, to < from ? addDays(from, -1) : to];
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}

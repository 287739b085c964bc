// The KPI engine's statutory calendar, from the shared one in src/time/calendar.ts.
// TODO(#9): load the company's Holiday overrides per period (loadCalendar) once compute passes a calendar down.
import { makeCalendar } from '../time/calendar.js';

const statutory = makeCalendar();
const cache = new Map<string, number>();

/** Statutory workdays in [from, to] (local dates), holidays and make-up workdays (调休) included. */
export function workdaysBetween(from: string, to: string): number {
  const key = `${from}/${to}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const n = statutory.workdaysBetween(from, to);
  cache.set(key, n);
  return n;
}

/** The statutory workdays in [from, to] (local dates), in order. */
export function workdayDates(from: string, to: string): string[] {
  return statutory.workdayDates(from, to);
}

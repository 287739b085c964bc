// The KPI engine's calendar: the shared one (src/time/calendar.ts), China's published holidays and
// make-up workdays plus the company's `Holiday` overrides, read once per period and passed down to
// every metric of a recompute.
import type { Db } from '../db/client.js';
import { type Calendar, loadCalendar } from '../time/calendar.js';
import { periodDates } from '../time/period.js';

export type { Calendar } from '../time/calendar.js';

/** The calendar of a period: one query for the company's overrides of its local dates. */
export function periodCalendar(db: Db, period: string): Promise<Calendar> {
  const { first, last } = periodDates(period);
  return loadCalendar(db, first, last);
}

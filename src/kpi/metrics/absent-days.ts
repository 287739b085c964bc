import { workdayDates } from '../calendar.js';
import { grouped, join, type MetricSpec, sql } from './types.js';

// Absent workdays: statutory workdays (holidays and make-up days included) with no check-in at all.
// Only check-ins on workdays count as presence: a Saturday at work does not excuse a missed Monday.
export const absentDays: MetricSpec = {
  code: 'absent_days',
  unit: 'days',
  recordType: 'CheckIn',
  volume: false,
  empty: 'zero',
  countable: true,
  completeDays: true,
  sql: (d, w) => {
    const local = (t: Date) => new Date(t.getTime() + w.offsetMinutes * 60_000).toISOString().slice(0, 10);
    const days = workdayDates(local(w.start), local(new Date(w.end.getTime() - 1)));
    const day = d.localDate('"at"', w.offsetMinutes);
    return grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: sql`COUNT(DISTINCT ${day})`,
        where: sql`"kind" = 'IN' AND "verdict" <> 'REJECTED' AND ${days.length > 0 ? sql`${day} IN (${join(days)})` : sql`1 = 0`}`,
        id: `"id"`,
      },
      d,
      w,
    );
  },
  derive: (presentDays, ctx) => Math.max(0, ctx.workdays - presentDays),
};

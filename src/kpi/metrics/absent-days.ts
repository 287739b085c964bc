import { grouped, type MetricSpec, sql } from './types.js';

// Absent workdays: statutory workdays (holidays and make-up days included) with no check-in at all.
export const absentDays: MetricSpec = {
  code: 'absent_days',
  unit: 'days',
  recordType: 'CheckIn',
  volume: false,
  empty: 'zero',
  countable: true,
  completeDays: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: sql`COUNT(DISTINCT ${d.localDate('"at"', w.offsetMinutes)})`,
        where: `"kind" = 'IN' AND "verdict" <> 'REJECTED'`,
        id: `"id"`,
      },
      d,
      w,
    ),
  derive: (presentDays, ctx) => Math.max(0, ctx.workdays - presentDays),
};

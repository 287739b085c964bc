import { grouped, type MetricSpec } from './types.js';

// Late arrivals: check-ins the attendance feature marked late.
export const lateCount: MetricSpec = {
  code: 'late_count',
  unit: 'count',
  recordType: 'CheckIn',
  volume: false,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'COUNT(*)',
        where: `"kind" = 'IN' AND "lateMinutes" > 0 AND "verdict" <> 'REJECTED'`,
      },
      d,
      w,
    ),
};

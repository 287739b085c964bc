import { grouped, type MetricSpec } from './types.js';

// Minutes late in total.
export const lateMinutes: MetricSpec = {
  code: 'late_minutes',
  unit: 'min',
  recordType: 'CheckIn',
  volume: false,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'SUM("lateMinutes")',
        where: `"kind" = 'IN' AND "lateMinutes" > 0 AND "verdict" <> 'REJECTED'`,
      },
      d,
      w,
    ),
};

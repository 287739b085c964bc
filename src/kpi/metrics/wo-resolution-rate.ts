import { grouped, type MetricSpec } from './types.js';

// First-time fix: completed orders resolved and never reopened.
export const woResolutionRate: MetricSpec = {
  code: 'wo_resolution_rate',
  unit: '%',
  recordType: 'WorkOrder',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'WorkOrder',
        employee: '"assigneeId"',
        time: '"completedAt"',
        value: '100.0 * SUM(CASE WHEN "resolved" AND "reopenCount" = 0 THEN 1 ELSE 0 END) / COUNT(*)',
        where: `"status" IN ('COMPLETED', 'CLOSED')`,
      },
      d,
      w,
    ),
};

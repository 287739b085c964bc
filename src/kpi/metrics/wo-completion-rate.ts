import { grouped, type MetricSpec } from './types.js';

// Share of the work orders opened in the period that are completed.
export const woCompletionRate: MetricSpec = {
  code: 'wo_completion_rate',
  unit: '%',
  recordType: 'WorkOrder',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'WorkOrder',
        employee: '"assigneeId"',
        time: '"openedAt"',
        value: `100.0 * SUM(CASE WHEN "status" IN ('COMPLETED', 'CLOSED') THEN 1 ELSE 0 END) / COUNT(*)`,
        where: `"status" <> 'CANCELLED'`,
      },
      d,
      w,
    ),
};

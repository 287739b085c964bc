import { grouped, type MetricSpec } from './types.js';

// Work orders completed in the period (by completion time).
export const woCompleted: MetricSpec = {
  code: 'wo_completed',
  unit: 'count',
  recordType: 'WorkOrder',
  volume: true,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'WorkOrder',
        employee: '"assigneeId"',
        time: '"completedAt"',
        value: 'COUNT(*)',
        where: `"status" IN ('COMPLETED', 'CLOSED')`,
      },
      d,
      w,
    ),
};

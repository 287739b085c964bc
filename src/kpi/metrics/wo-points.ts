import { grouped, type MetricSpec } from './types.js';

// Difficulty-weighted points: a level-5 job counts five times a routine one (seed 000).
export const woPoints: MetricSpec = {
  code: 'wo_points',
  unit: 'points',
  recordType: 'WorkOrder',
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      {
        table: 'WorkOrder',
        employee: '"assigneeId"',
        time: '"completedAt"',
        value: 'SUM("difficulty")',
        where: `"status" IN ('COMPLETED', 'CLOSED')`,
      },
      d,
      w,
    ),
};

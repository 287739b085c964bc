import { grouped, type MetricSpec, sql } from './types.js';

// Average minutes from assignment to first response (lower is better).
export const woResponseMinutes: MetricSpec = {
  code: 'wo_response_minutes',
  unit: 'min',
  recordType: 'WorkOrder',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'WorkOrder',
        employee: '"assigneeId"',
        time: '"openedAt"',
        value: sql`AVG(${d.minutes('COALESCE("assignedAt", "openedAt")', '"firstResponseAt"')})`,
        where: '"firstResponseAt" IS NOT NULL',
      },
      d,
      w,
    ),
};

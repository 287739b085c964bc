import { grouped, type MetricSpec, sql } from './types.js';

// Share of first responses within the response SLA of the order, timed from assignment.
export const woResponseSla: MetricSpec = {
  code: 'wo_response_sla',
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
        value: sql`100.0 * SUM(CASE WHEN ${d.minutes('COALESCE("assignedAt", "openedAt")', '"firstResponseAt"')} <= "slaResponseMinutes" THEN 1 ELSE 0 END) / COUNT(*)`,
        where: '"firstResponseAt" IS NOT NULL AND "slaResponseMinutes" IS NOT NULL',
      },
      d,
      w,
    ),
};

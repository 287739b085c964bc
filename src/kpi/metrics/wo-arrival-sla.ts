import { grouped, type MetricSpec, sql } from './types.js';

// Share of on-site arrivals within the arrival SLA, timed from assignment.
export const woArrivalSla: MetricSpec = {
  code: 'wo_arrival_sla',
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
        value: sql`100.0 * SUM(CASE WHEN ${d.minutes('COALESCE("assignedAt", "openedAt")', '"arrivedAt"')} <= "slaArrivalMinutes" THEN 1 ELSE 0 END) / COUNT(*)`,
        where: '"arrivedAt" IS NOT NULL AND "slaArrivalMinutes" IS NOT NULL',
      },
      d,
      w,
    ),
};

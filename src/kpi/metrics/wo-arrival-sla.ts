import { grouped, type MetricSpec, sql } from './types.js';

// Share of on-site arrivals within the arrival SLA, timed from assignment. An open order nobody has
// reached once its deadline has passed counts as a breach; an order completed without a visit
// (fixed remotely) does not count either way.
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
        value: sql`100.0 * SUM(CASE WHEN "arrivedAt" IS NOT NULL AND ${d.minutes('COALESCE("assignedAt", "openedAt")', '"arrivedAt"')} <= "slaArrivalMinutes" THEN 1 ELSE 0 END) / COUNT(*)`,
        where: sql`"slaArrivalMinutes" IS NOT NULL AND ("arrivedAt" IS NOT NULL OR ("completedAt" IS NULL AND "status" <> 'CANCELLED' AND ${d.minutesTo('COALESCE("assignedAt", "openedAt")', w.end)} > "slaArrivalMinutes"))`,
      },
      d,
      w,
    ),
};

import { grouped, type MetricSpec, sql } from './types.js';

// Share of orders answered within their response SLA, timed from assignment (or opening). An order
// still unanswered once its deadline has passed (by the window's end) counts as a breach: ignoring
// an order must never score better than answering it late.
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
        value: sql`100.0 * SUM(CASE WHEN "firstResponseAt" IS NOT NULL AND ${d.minutes('COALESCE("assignedAt", "openedAt")', '"firstResponseAt"')} <= "slaResponseMinutes" THEN 1 ELSE 0 END) / COUNT(*)`,
        where: sql`"slaResponseMinutes" IS NOT NULL AND ("firstResponseAt" IS NOT NULL OR ("status" <> 'CANCELLED' AND ${d.minutesTo('COALESCE("assignedAt", "openedAt")', w.end)} > "slaResponseMinutes"))`,
      },
      d,
      w,
    ),
};

// The work-orders feature's KPI metrics: volume, difficulty points, SLAs and first-time fix.
import { grouped, type MetricFamily, type MetricSpec, sql } from '../kpi/index.js';
import { workOrderWhyRows } from './kpi-why.js';

// Work orders completed in the period (by completion time).
const woCompleted: MetricSpec = {
  code: 'wo_completed',
  unit: 'count',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// Share of the work orders opened in the period that are completed.
const woCompletionRate: MetricSpec = {
  code: 'wo_completion_rate',
  unit: '%',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// Difficulty-weighted points: a level-5 job counts five times a routine one (seed 000).
const woPoints: MetricSpec = {
  code: 'wo_points',
  unit: 'points',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// Share of orders answered within their response SLA, timed from assignment (or opening). An order
// still unanswered once its deadline has passed (by the window's end) counts as a breach: ignoring
// an order must never score better than answering it late.
const woResponseSla: MetricSpec = {
  code: 'wo_response_sla',
  unit: '%',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// Average minutes from assignment to first response (lower is better).
const woResponseMinutes: MetricSpec = {
  code: 'wo_response_minutes',
  unit: 'min',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// Share of on-site arrivals within the arrival SLA, timed from assignment. An open order nobody has
// reached once its deadline has passed counts as a breach; an order completed without a visit
// (fixed remotely) does not count either way.
const woArrivalSla: MetricSpec = {
  code: 'wo_arrival_sla',
  unit: '%',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

// First-time fix: completed orders resolved and never reopened.
const woResolutionRate: MetricSpec = {
  code: 'wo_resolution_rate',
  unit: '%',
  recordType: 'WorkOrder',
  why: workOrderWhyRows,
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

export const workOrderMetrics: MetricFamily = {
  name: 'work-orders',
  records: ['WorkOrder'],
  metrics: [woCompleted, woCompletionRate, woPoints, woResponseSla, woResponseMinutes, woArrivalSla, woResolutionRate],
};

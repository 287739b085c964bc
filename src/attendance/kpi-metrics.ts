// The attendance feature's KPI metrics over its check-ins: lateness, absences, customer visits,
// time on site and overtime. Only ACCEPTED check-ins count: one outside the fence or flagged
// counts once a manager or HR accepts it, and never when rejected.
import type { Prisma } from '../db/client.js';
import {
  type Dialect,
  empty,
  grouped,
  join,
  type MetricFamily,
  type MetricSpec,
  type MetricWindow,
  only,
  raw,
  sql,
} from '../kpi/index.js';
import { checkInWhyRows } from './kpi-why.js';

/**
 * Check-ins at these site codes are office attendance, not customer visits. The schema has no
 * "office" flag on Site, so the model names them (`params.officeSites`).
 */
function officeSiteCodes(w: MetricWindow): string[] {
  const codes = w.params.officeSites;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

/** `AND "siteId" [NOT] IN (office sites)`; with no office sites every site is a customer site. */
function siteFilter(w: MetricWindow, office: boolean, col = '"siteId"'): Prisma.Sql {
  const codes = officeSiteCodes(w);
  if (codes.length === 0) return office ? sql`AND 1 = 0` : empty;
  const list = sql`(SELECT "id" FROM "Site" WHERE "code" IN (${join(codes)}))`;
  const c = raw(col);
  return office ? sql`AND ${c} IN ${list}` : sql`AND ${c} IS NOT NULL AND ${c} NOT IN ${list}`;
}

/**
 * Each IN check-in paired with the employee's next check-in when that is an OUT at the same
 * site (LEAD over the period, in the database): rows `e`, `id` (IN and OUT ids), `mins`.
 */
function checkInPairs(d: Dialect, w: MetricWindow, office: boolean): Prisma.Sql {
  const over = raw('OVER (PARTITION BY "employeeId" ORDER BY "at", "id")');
  return sql`SELECT p."e" AS e, p."id" || ',' || p."nid" AS id, ${d.minutes('p."at"', 'p."nat"')} AS mins
    FROM (
      SELECT "employeeId" AS "e", "id", "kind", "siteId", "at",
        LEAD("kind") ${over} AS "nk", LEAD("siteId") ${over} AS "ns",
        LEAD("at") ${over} AS "nat", LEAD("id") ${over} AS "nid"
      FROM "CheckIn"
      WHERE "at" >= ${w.start} AND "at" < ${w.end} AND "verdict" = 'ACCEPTED'
        ${siteFilter(w, office)} ${only('"employeeId"', w)}
    ) p
    WHERE p."kind" = 'IN' AND p."nk" = 'OUT' AND p."ns" = p."siteId"`;
}

// Late arrivals: check-ins the attendance feature marked late.
const lateCount: MetricSpec = {
  code: 'late_count',
  unit: 'count',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: false,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'COUNT(*)',
        where: `"kind" = 'IN' AND "lateMinutes" > 0 AND "verdict" = 'ACCEPTED'`,
      },
      d,
      w,
    ),
};

// Minutes late in total.
const lateMinutes: MetricSpec = {
  code: 'late_minutes',
  unit: 'min',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: false,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'SUM("lateMinutes")',
        where: `"kind" = 'IN' AND "lateMinutes" > 0 AND "verdict" = 'ACCEPTED'`,
      },
      d,
      w,
    ),
};

// Absent workdays: the calendar's workdays (statutory holidays and make-up days, then the company's
// `Holiday` overrides) with no check-in at all.
// Only check-ins on workdays count as presence: a Saturday at work does not excuse a missed Monday.
const absentDays: MetricSpec = {
  code: 'absent_days',
  unit: 'days',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: false,
  empty: 'zero',
  countable: true,
  completeDays: true,
  sql: (d, w) => {
    const local = (t: Date) => new Date(t.getTime() + w.offsetMinutes * 60_000).toISOString().slice(0, 10);
    const days = w.calendar.workdayDates(local(w.start), local(new Date(w.end.getTime() - 1)));
    const day = d.localDate('"at"', w.offsetMinutes);
    return grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: sql`COUNT(DISTINCT ${day})`,
        where: sql`"kind" = 'IN' AND "verdict" = 'ACCEPTED' AND ${days.length > 0 ? sql`${day} IN (${join(days)})` : sql`1 = 0`}`,
        id: `"id"`,
      },
      d,
      w,
    );
  },
  derive: (presentDays, ctx) => Math.max(0, ctx.workdays - presentDays),
};

// Customer visits: IN check-ins at customer (non-office) sites (seed 001).
const visits: MetricSpec = {
  code: 'visits',
  unit: 'count',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: true,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'COUNT(*)',
        where: sql`"kind" = 'IN' AND "verdict" = 'ACCEPTED' ${siteFilter(w, false)}`,
      },
      d,
      w,
    ),
};

// Hours on customer sites: arrive/leave punches paired per site (no platform tracks in the background).
const timeOnSiteHours: MetricSpec = {
  code: 'time_on_site_hours',
  unit: 'h',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    sql`SELECT q.e AS e, SUM(q.mins) / 60.0 AS v, ${d.ids('q.id')} AS ids
      FROM (${checkInPairs(d, w, false)}) q GROUP BY q.e`,
};

// Overtime: office IN→OUT spans longer than the standard day (params.standardHours, default 9 incl. lunch).
const overtimeHours: MetricSpec = {
  code: 'overtime_hours',
  unit: 'h',
  recordType: 'CheckIn',
  why: checkInWhyRows,
  volume: false,
  empty: 'zero',
  sql: (d, w) => {
    const std = typeof w.params.standardHours === 'number' ? w.params.standardHours * 60 : 540;
    const limit = raw(String(Math.round(std)));
    return sql`SELECT q.e AS e, SUM(CASE WHEN q.mins > ${limit} THEN q.mins - ${limit} ELSE 0 END) / 60.0 AS v,
        ${d.ids('q.id')} AS ids
      FROM (${checkInPairs(d, w, true)}) q WHERE q.mins > ${limit} GROUP BY q.e`;
  },
};

export const attendanceMetrics: MetricFamily = {
  name: 'attendance',
  records: ['CheckIn'],
  metrics: [lateCount, lateMinutes, absentDays, visits, timeOnSiteHours, overtimeHours],
};

import type { Db } from '../../db/client.js';
import { Prisma } from '../../db/generated/sqlite/client.js';
import { round2 } from '../../shared/index.js';
import type { Calendar } from '../../time/calendar.js';
import type { MetricMeta } from '../rules.js';

/** Per-dialect SQL fragments; everything else in a metric's query is portable SQL. */
export interface Dialect {
  provider: 'sqlite' | 'postgres';
  /**
   * All ids of the group joined by commas, in byte order (so the engine rarely has to sort them;
   * it still checks, since an expression may itself join several ids).
   */
  ids(expr: string): Prisma.Sql;
  /** Minutes from `from` to `to`, both DateTime columns. */
  minutes(from: string, to: string): Prisma.Sql;
  /** Minutes from the DateTime column `from` to a given instant (e.g. the window's end). */
  minutesTo(from: string, to: Date): Prisma.Sql;
  /** Local calendar date (as text or date) of a DateTime column at a fixed UTC offset. */
  localDate(col: string, offsetMinutes: number): Prisma.Sql;
}

export interface MetricWindow {
  start: Date;
  end: Date;
  /** Restrict to one employee (incremental recompute, the card); all employees otherwise. */
  employeeId?: string;
  /** The zone's UTC offset during the window (China has no DST). */
  offsetMinutes: number;
  params: Readonly<Record<string, unknown>>;
  /** The period's workdays: published holidays plus the company's `Holiday` overrides. */
  calendar: Calendar;
}

export interface MetricSpec extends MetricMeta {
  code: string;
  /** Value for an employee with no records: counts are 0, rates and averages are unknown. */
  empty: 'null' | 'zero';
  /** Counts usable by deductions and bonuses. */
  countable?: boolean;
  /** Judged on whole past days only (absences): the window ends at the local midnight of "now". */
  completeDays?: boolean;
  /** One row per employee: `e` employee id, `v` value, `ids` comma-joined record ids. */
  sql(d: Dialect, w: MetricWindow): Prisma.Sql;
  /** Turns the SQL value into the metric (e.g. present days → absent days). */
  derive?(v: number, ctx: { workdays: number }): number;
  /** The "why": the records behind the number, loaded by the ids stored with the result. */
  why: WhyQuery;
}

/**
 * What one record did to a figure, in words the card localises: a catalogue key under `why.` and
 * its values. Values named `…Minutes` are shown as a duration, `…Cents` as money, `…At` (ISO
 * instants) as the reader's local time; other values as they are.
 */
export interface WhyEffect {
  key: `why.${string}`;
  params?: Record<string, string | number | undefined>;
}

/** One record behind a metric, as the "why" lists it. */
export interface WhyRow {
  ref: string;
  at: Date;
  /** Sort key: lower first (the records that pulled the score down come first). */
  rank: number;
  /** The record's part in the figure (see `WhyList.combine`). */
  part: number;
  /** What the part is counted against for a mean or a share (1 unless a row weighs more, e.g. an order's amount). */
  base?: number;
  /** It pulls the figure the wrong way (a breach, a reopen, a detractor, a late day): marked and listed first. */
  hurts: boolean;
  effect: WhyEffect;
  /** Text from the record itself (a title, a comment, a site), shortened; escaped by the adapters. */
  detail: string;
}

/**
 * The records behind a figure and how they make it up: `sum` of the parts, `mean` (Σpart / Σbase)
 * or `percent` (100 × Σpart / Σbase). A test recomputes every figure of the demo from its list.
 */
export interface WhyList {
  combine: 'sum' | 'mean' | 'percent';
  rows: WhyRow[];
}

/** What a "why" query knows besides the record ids: which metric of which result it explains. */
export interface WhyContext {
  metric: string;
  employeeId: string;
  period: string;
  timeZone: string;
  /** The model's params for the metric (office sites, standard hours). */
  params: Readonly<Record<string, unknown>>;
  /** The workdays (local dates) the figure judged: the person's employed days up to when it was computed. */
  workdays(): Promise<string[]>;
}

/** Loads the "why" of the given record ids (unknown ids are skipped). */
export type WhyQuery = (db: Db, ids: readonly string[], ctx: WhyContext) => Promise<WhyList>;

/** The figure a "why" list adds up to, as the card shows it (two decimals). */
export function combineWhy(list: WhyList): number | null {
  const parts = list.rows.reduce((s, r) => s + r.part, 0);
  if (list.combine === 'sum') return round2(parts);
  const base = list.rows.reduce((s, r) => s + (r.base ?? 1), 0);
  if (base === 0) return null;
  return round2(((list.combine === 'percent' ? 100 : 1) * parts) / base);
}

export const { sql, raw, empty, join } = Prisma;

/** `AND "<col>" = ?` when the window is for one employee. */
export function only(col: string, w: MetricWindow): Prisma.Sql {
  return w.employeeId ? sql`AND ${raw(col)} = ${w.employeeId}` : empty;
}

export interface GroupedQuery {
  table: string;
  employee: string;
  time: string;
  value: string | Prisma.Sql;
  where?: string | Prisma.Sql;
  id?: string;
}

/** The common shape: one table, a time window, GROUP BY employee. */
export function grouped(q: GroupedQuery, d: Dialect, w: MetricWindow): Prisma.Sql {
  const value = typeof q.value === 'string' ? raw(q.value) : q.value;
  return sql`SELECT ${raw(q.employee)} AS e, ${value} AS v, ${d.ids(q.id ?? '"id"')} AS ids
    FROM ${raw(`"${q.table}"`)}
    WHERE ${raw(q.time)} >= ${w.start} AND ${raw(q.time)} < ${w.end} AND ${raw(q.employee)} IS NOT NULL
    ${q.where ? sql`AND ${typeof q.where === 'string' ? raw(q.where) : q.where}` : empty} ${only(q.employee, w)}
    GROUP BY ${raw(q.employee)}`;
}

export const sqlite: Dialect = {
  provider: 'sqlite',
  ids: (expr) => sql`group_concat(${raw(expr)}, ',' ORDER BY ${raw(expr)})`,
  // julianday differences carry float noise (30 min → 30.0000002), which put a response exactly at
  // the SLA outside it; rounding to whole milliseconds first makes minutes exact
  minutes: (from, to) => raw(`(ROUND((julianday(${to}) - julianday(${from})) * 86400000.0) / 60000.0)`),
  minutesTo: (from, to) => sql`(ROUND((julianday(${to}) - julianday(${raw(from)})) * 86400000.0) / 60000.0)`,
  localDate: (col, offset) => raw(`date(${col}, '${offset >= 0 ? '+' : ''}${Math.trunc(offset)} minutes')`),
};

export const postgres: Dialect = {
  provider: 'postgres',
  ids: (expr) => sql`string_agg(${raw(expr)}, ',' ORDER BY ${raw(expr)} COLLATE "C")`,
  minutes: (from, to) => raw(`(EXTRACT(EPOCH FROM (${to} - ${from})) / 60.0)`),
  minutesTo: (from, to) => sql`(EXTRACT(EPOCH FROM (CAST(${to} AS TIMESTAMP(3)) - ${raw(from)})) / 60.0)`,
  localDate: (col, offset) => raw(`CAST(${col} + INTERVAL '${Math.trunc(offset)} minutes' AS DATE)`),
};

export function dialectFor(provider: 'sqlite' | 'postgres'): Dialect {
  return provider === 'postgres' ? postgres : sqlite;
}

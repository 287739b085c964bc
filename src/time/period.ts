// The KPI/payroll period: a calendar month "YYYY-MM" in local time, and how people type one in
// chat. Pure: the clock and zone are parameters.
import { z } from 'zod';
import { KaopuError } from '../errors.js';
import { addDays, localDate, zonedTime } from './zoned.js';

/** A calendar month as "YYYY-MM" (local time; the zone comes with whoever asks). */
export type Period = string;

/** A period exactly as stored and carried in action values: "YYYY-MM". */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const LAST = new Set([
  'last',
  'prev',
  'previous',
  'last month',
  'previous month',
  '上月',
  '上个月',
  '上一月',
  '上一个月',
]);
const THIS = new Set(['this', 'current', 'now', 'this month', 'current month', '本月', '这个月', '当月', '本月份']);
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Why a month could not be read, so the reply can say what was wrong. */
export type PeriodProblem = 'month' | 'year' | 'digits' | 'shape';

/** The "YYYY-MM" month containing `now` in the actor's zone. */
export function currentPeriod(now: Date, timeZone: string): string {
  return periodOf(localDate(now, timeZone));
}

function format(year: number, month: number): { period: string } | { problem: PeriodProblem } {
  if (month < 1 || month > 12) return { problem: 'month' };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { problem: 'year' };
  return { period: `${year}-${String(month).padStart(2, '0')}` };
}

/**
 * The one month reader of every command. Reads 2026-10, 2026/10, 2026.10, 202610, 2026年10月,
 * 10月, last month/上月, this month/本月; a missing argument is the current month. A bare month
 * means its most recent occurrence not in the future, so "12月" typed in November 2026 is 2025-12.
 * Says what was wrong otherwise: a month outside 1-12, a year outside 2000-2100, digits that
 * cannot be split ("20261"), or text that is no month at all.
 */
export function readPeriod(
  input: string | undefined,
  now: Date,
  timeZone: string,
): { period: string } | { problem: PeriodProblem } {
  const current = currentPeriod(now, timeZone);
  if (input === undefined || input.trim() === '') return { period: current };
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/份$/, '');
  if (LAST.has(text)) return { period: previousPeriod(current) };
  if (THIS.has(text)) return { period: current };
  const full = /^(\d{4})\s*(?:[-/.]|年)?\s*(\d{1,2})\s*月?$/.exec(text);
  if (full) {
    // "202610" must be six digits; "20261" is ambiguous and refused
    if (!/[-/.年]/.test(text) && text.replace('月', '').length !== 6) return { problem: 'digits' };
    return format(Number(full[1]), Number(full[2]));
  }
  const bare = /^(\d{1,2})\s*月$/.exec(text);
  if (bare) {
    const month = Number(bare[1]);
    const [year, currentMonth] = current.split('-').map(Number) as [number, number];
    return format(month > currentMonth ? year - 1 : year, month);
  }
  return { problem: 'shape' };
}

/** `readPeriod`, null when it cannot be read. */
export function parsePeriod(input: string | undefined, now: Date, timeZone: string): string | null {
  const read = readPeriod(input, now, timeZone);
  return 'period' in read ? read.period : null;
}

const PROBLEM_KEYS = {
  month: 'period.invalid_month',
  year: 'period.invalid_year',
  digits: 'period.invalid_digits',
  shape: 'period.invalid',
} as const;

/** `readPeriod` for a command argument: an unreadable month becomes a reply saying what was wrong. */
export function periodArgument(input: string | undefined, now: Date, timeZone: string): Period {
  const read = readPeriod(input, now, timeZone);
  if ('period' in read) return read.period;
  throw new KaopuError(PROBLEM_KEYS[read.problem], {
    params: { input: (input ?? '').slice(0, 20), from: FIRST_YEAR, to: LAST_YEAR },
  });
}

/** Whether a token was meant as a month (so a bad one is reported as a bad month, not a name). */
export function looksLikePeriod(token: string): boolean {
  const text = token.trim().toLowerCase();
  return LAST.has(text) || THIS.has(text) || /^[\d年月份/.-]+$/.test(text);
}

/**
 * Takes the month out of a command's words wherever it stands ("team 售后一组 10月",
 * "kpi last month"): the period (current month when none) and the other words in order.
 */
export function splitPeriod(
  words: readonly string[],
  now: Date,
  timeZone: string,
): { period: Period; rest: string[]; given: boolean } {
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1] ?? ''}`.toLowerCase();
    if (i + 1 < words.length && (LAST.has(pair) || THIS.has(pair))) {
      return {
        period: periodArgument(pair, now, timeZone),
        rest: [...words.slice(0, i), ...words.slice(i + 2)],
        given: true,
      };
    }
  }
  const at = words.findIndex((w) => looksLikePeriod(w));
  if (at < 0) return { period: currentPeriod(now, timeZone), rest: [...words], given: false };
  return {
    period: periodArgument(words[at], now, timeZone),
    rest: [...words.slice(0, at), ...words.slice(at + 1)],
    given: true,
  };
}

/** Whether a month has begun by `now` in the zone (a payroll export of a month not started is refused). */
export function periodStarted(period: Period, now: Date, timeZone: string): boolean {
  return period <= currentPeriod(now, timeZone);
}

/** The `count` months ending with `period`, oldest first. */
export function recentPeriods(period: string, count: number): string[] {
  const out = [period];
  while (out.length < count) out.unshift(previousPeriod(out[0] as string));
  return out;
}

/** "YYYY-MM" period of a local date. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** First and last local dates of a "YYYY-MM" period. */
export function periodDates(period: string): { first: string; last: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(last).padStart(2, '0')}` };
}

/** [start, end) instants of a period in a zone. */
export function periodRange(period: string, timeZone: string): { start: Date; end: Date } {
  const { first, last } = periodDates(period);
  return { start: zonedTime(first, 0, timeZone), end: zonedTime(addDays(last, 1), 0, timeZone) };
}

// The KPI/payroll period: a calendar month "YYYY-MM" in local time, and how people type one in
// chat. Pure: the clock and zone are parameters.
import { z } from 'zod';
import { KaopuError } from '../errors.js';
import { addDays, localDate, zonedTime } from './zoned.js';

/** A calendar month as "YYYY-MM" (local time; the zone comes with whoever asks). */
export type Period = string;

/** A period exactly as stored and carried in action values: "YYYY-MM". */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const LAST = new Set(['last', 'prev', 'previous', '上月', '上个月', '上一月']);
const THIS = new Set(['this', 'current', 'now', '本月', '这个月', '当月']);

/** The "YYYY-MM" month containing `now` in the actor's zone. */
export function currentPeriod(now: Date, timeZone: string): string {
  return periodOf(localDate(now, timeZone));
}

function format(year: number, month: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month)) return null;
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Reads 2026-10, 2026/10, 2026.10, 202610, 2026年10月, 10月, last/上月, this/本月; a missing
 * argument is the current month. A bare month means its most recent occurrence not in the
 * future, so "12月" typed in November 2026 is 2025-12. Returns null when it cannot be read.
 */
export function parsePeriod(input: string | undefined, now: Date, timeZone: string): string | null {
  const current = currentPeriod(now, timeZone);
  if (input === undefined || input.trim() === '') return current;
  const text = input.trim().toLowerCase();
  if (LAST.has(text)) return previousPeriod(current);
  if (THIS.has(text)) return current;
  const full = /^(\d{4})(?:[-/.]|年)?(\d{1,2})月?$/.exec(text);
  if (full) {
    // "202610" must be six digits; "20261" is ambiguous and refused
    if (!/[-/.年]/.test(text) && text.replace('月', '').length !== 6) return null;
    return format(Number(full[1]), Number(full[2]));
  }
  const bare = /^(\d{1,2})月$/.exec(text);
  if (bare) {
    const month = Number(bare[1]);
    const [year, currentMonth] = current.split('-').map(Number) as [number, number];
    return format(month > currentMonth ? year - 1 : year, month);
  }
  return null;
}

/** `parsePeriod` for a command argument: an unreadable month becomes the user's `period.invalid`. */
export function periodArgument(input: string | undefined, now: Date, timeZone: string): Period {
  const period = parsePeriod(input, now, timeZone);
  if (period === null) throw new KaopuError('period.invalid', { params: { input: (input ?? '').slice(0, 20) } });
  return period;
}

/** Whether a token was meant as a month (so a bad one is reported as a bad month, not a name). */
export function looksLikePeriod(token: string): boolean {
  const text = token.trim().toLowerCase();
  return LAST.has(text) || THIS.has(text) || /^[\d年月/.-]+$/.test(text);
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

import chineseDays from 'chinese-days';
import { addDays } from '../time/zoned.js';

const cache = new Map<string, number>();

/**
 * Statutory workdays in [from, to] (local dates), following China's holidays and make-up
 * workdays (调休) as the calendar library publishes them; years it does not know count Mon–Fri.
 */
export function workdaysBetween(from: string, to: string): number {
  if (to < from) return 0;
  const key = `${from}/${to}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) n += 1;
  cache.set(key, n);
  return n;
}

/** The statutory workdays in [from, to] (local dates), in order. */
export function workdayDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) out.push(d);
  return out;
}

function isWorkday(date: string): boolean {
  try {
    return chineseDays.isWorkday(date);
  } catch {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  }
}

import { localParts } from './zoned.js';

/** "YYYY-MM-DD HH:mm" in the reader's zone, for "computed at" and "closed at". */
export function formatLocalTime(instant: Date, timeZone: string): string {
  const { date, minuteOfDay } = localParts(instant, timeZone);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
}

// Shifts on the calendar: which local days a shift runs, its window (a night shift ends the next
// day), and late / early / overtime minutes of punches against it.
import type { Calendar } from '../../time/calendar.js';
import { addDays, isoWeekday, localDate, zonedTime } from '../../time/zoned.js';

export interface ShiftDef {
  /** Minutes after local midnight; an end at or before the start ends the next day. */
  startMinute: number;
  endMinute: number;
  /** ISO weekdays "12345". */
  weekdays: string;
  graceMinutes: number;
  timeZone: string;
  /** Statutory holidays off and make-up workdays on (the weekdays then do not decide). */
  followsCnCalendar: boolean;
}

export interface ShiftInstance {
  /** The local date the shift starts on. */
  date: string;
  start: Date;
  end: Date;
}

/** Does the shift run on this local date? */
export function runsOn(shift: ShiftDef, date: string, calendar: Calendar): boolean {
  if (shift.followsCnCalendar) return calendar.isWorkday(date);
  return shift.weekdays.includes(String(isoWeekday(date)));
}

export function crossesMidnight(shift: ShiftDef): boolean {
  return shift.endMinute <= shift.startMinute;
}

/** The shift as it runs from `date` (whether or not it runs that day). */
export function instanceOn(shift: ShiftDef, date: string): ShiftInstance {
  const start = zonedTime(date, shift.startMinute, shift.timeZone);
  const end = zonedTime(crossesMidnight(shift) ? addDays(date, 1) : date, shift.endMinute, shift.timeZone);
  return { date, start, end };
}

/**
 * The shift instance a punch at `at` belongs to: today's, or yesterday's night shift still
 * running, within `slackMinutes` before its start or after its end. Null on a day off.
 */
export function instanceFor(shift: ShiftDef, at: Date, calendar: Calendar, slackMinutes = 180): ShiftInstance | null {
  const today = localDate(at, shift.timeZone);
  const slack = slackMinutes * 60_000;
  for (const date of [today, addDays(today, -1), addDays(today, 1)]) {
    if (!runsOn(shift, date, calendar)) continue;
    const inst = instanceOn(shift, date);
    if (at.getTime() >= inst.start.getTime() - slack && at.getTime() <= inst.end.getTime() + slack) return inst;
  }
  return null;
}

const minutes = (ms: number) => Math.floor(ms / 60_000);

/** Minutes late for an arrival: zero within the grace period, else counted from the start. */
export function lateMinutes(shift: ShiftDef, inst: ShiftInstance, arrivedAt: Date): number {
  const late = minutes(arrivedAt.getTime() - inst.start.getTime());
  return late > shift.graceMinutes ? late : 0;
}

/** Minutes left before the shift's end. */
export function earlyMinutes(inst: ShiftInstance, leftAt: Date): number {
  return Math.max(0, minutes(inst.end.getTime() - leftAt.getTime()));
}

/** Minutes worked after the shift's end. */
export function overtimeMinutes(inst: ShiftInstance, leftAt: Date): number {
  return Math.max(0, minutes(leftAt.getTime() - inst.end.getTime()));
}

/** Is a punch missing: the shift ran, its start plus grace has passed, nobody checked in? */
export function isMissing(
  shift: ShiftDef,
  inst: ShiftInstance,
  now: Date,
  checkedIn: boolean,
  onLeave: boolean,
  calendar: Calendar,
): boolean {
  if (checkedIn || onLeave || !runsOn(shift, inst.date, calendar)) return false;
  return now.getTime() > inst.start.getTime() + shift.graceMinutes * 60_000;
}

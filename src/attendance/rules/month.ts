// A person's month: workdays on their shift's calendar, late, early leave, absent, leave,
// overtime and check-ins still waiting for review, per local day. Pure.
import type { Calendar } from '../../time/calendar.js';
import { addDays, localDate } from '../../time/zoned.js';
import { earlyMinutes, instanceOn, lateMinutes, overtimeMinutes, runsOn, type ShiftDef } from './shift.js';

export interface MonthPunch {
  kind: 'IN' | 'OUT';
  at: Date;
  verdict: 'ACCEPTED' | 'OUTSIDE_FENCE' | 'FLAGGED' | 'REJECTED';
}

export interface MonthLeave {
  startsAt: Date;
  endsAt: Date;
}

export interface MonthSummary {
  workdays: number;
  present: number;
  late: number;
  lateMinutes: number;
  early: number;
  absent: number;
  leave: number;
  overtimeHours: number;
  pending: number;
}

/**
 * `first`..`last` are the month's local dates; days after `today` are not counted yet, and today
 * only once its shift has ended. Only ACCEPTED punches count; pending ones are counted apart.
 */
export function summariseMonth(input: {
  shift: ShiftDef;
  calendar: Calendar;
  first: string;
  last: string;
  hireDate: string;
  now: Date;
  punches: readonly MonthPunch[];
  leave: readonly MonthLeave[];
}): MonthSummary {
  const { shift, calendar, now } = input;
  const out: MonthSummary = {
    workdays: 0,
    present: 0,
    late: 0,
    lateMinutes: 0,
    early: 0,
    absent: 0,
    leave: 0,
    overtimeHours: 0,
    pending: input.punches.filter((p) => p.verdict === 'FLAGGED' || p.verdict === 'OUTSIDE_FENCE').length,
  };
  const accepted = input.punches.filter((p) => p.verdict === 'ACCEPTED');
  const today = localDate(now, shift.timeZone);
  let overtimeMinutesTotal = 0;
  for (let date = input.first; date <= input.last && date <= today; date = addDays(date, 1)) {
    if (date < input.hireDate || !runsOn(shift, date, calendar)) continue;
    const inst = instanceOn(shift, date);
    if (date === today && now.getTime() < inst.end.getTime()) continue;
    out.workdays += 1;
    const onLeave = input.leave.some(
      (l) => l.startsAt.getTime() <= inst.start.getTime() && l.endsAt.getTime() > inst.start.getTime(),
    );
    // Punches of this shift: from three hours before its start to six after its end.
    const from = inst.start.getTime() - 3 * 3_600_000;
    const to = inst.end.getTime() + 6 * 3_600_000;
    const mine = accepted.filter((p) => p.at.getTime() >= from && p.at.getTime() < to);
    const firstIn = mine.filter((p) => p.kind === 'IN').sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    const lastOut = mine.filter((p) => p.kind === 'OUT').sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (!firstIn) {
      if (onLeave) out.leave += 1;
      else out.absent += 1;
      continue;
    }
    out.present += 1;
    const late = lateMinutes(shift, inst, firstIn.at);
    if (late > 0) {
      out.late += 1;
      out.lateMinutes += late;
    }
    if (lastOut && lastOut.at.getTime() > firstIn.at.getTime()) {
      if (earlyMinutes(inst, lastOut.at) > 0) out.early += 1;
      overtimeMinutesTotal += overtimeMinutes(inst, lastOut.at);
    }
  }
  out.overtimeHours = Math.round((overtimeMinutesTotal / 60) * 10) / 10;
  return out;
}

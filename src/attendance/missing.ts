// `attendance.missing`: an employee whose shift ran today (a workday on their shift's calendar)
// has not checked in by the start plus grace, and is not on approved leave. Emitted once per
// employee and date (the event key), from a job that runs every few minutes.
import type { FeatureKit } from '../bot/feature.js';
import { loadCalendar } from '../time/calendar.js';
import { addDays, localDate } from '../time/zoned.js';
import { instanceOn, isMissing, runsOn, type ShiftDef } from './rules/index.js';

/** A punch this long before the start still counts as today's arrival. */
const EARLY_MINUTES = 180;

export async function emitMissing(kit: Pick<FeatureKit, 'db' | 'events'>, now: Date): Promise<number> {
  const { db } = kit;
  const assignments = await db.shiftAssignment.findMany({
    where: { employee: { status: { not: 'LEFT' } } },
    select: { employeeId: true, fromDate: true, toDate: true, shift: true },
  });
  const today = now.toISOString().slice(0, 10);
  const calendar = await loadCalendar(db, addDays(today, -2), addDays(today, 2));
  let emitted = 0;
  for (const a of assignments) {
    const shift: ShiftDef = a.shift;
    // Today's instance in the shift's zone; yesterday's too for a night shift still running.
    for (const date of [addDays(localDate(now, shift.timeZone), -1), localDate(now, shift.timeZone)]) {
      if (date < a.fromDate || (a.toDate && date > a.toDate) || !runsOn(shift, date, calendar)) continue;
      const inst = instanceOn(shift, date);
      if (now.getTime() <= inst.start.getTime() + shift.graceMinutes * 60_000 || now.getTime() > inst.end.getTime())
        continue;
      const checkedIn =
        (await db.checkIn.count({
          where: {
            employeeId: a.employeeId,
            kind: 'IN',
            verdict: { not: 'REJECTED' },
            at: { gte: new Date(inst.start.getTime() - EARLY_MINUTES * 60_000), lte: now },
          },
        })) > 0;
      const onLeave =
        (await db.leave.count({
          where: {
            employeeId: a.employeeId,
            status: 'APPROVED',
            startsAt: { lte: inst.start },
            endsAt: { gt: inst.start },
          },
        })) > 0;
      if (!isMissing(shift, inst, now, checkedIn, onLeave, calendar)) continue;
      const stored = await db.$transaction((tx) =>
        kit.events.emit(
          tx,
          'attendance.missing',
          { employeeId: a.employeeId, date, shiftStartsAt: inst.start.toISOString() },
          { key: `${a.employeeId}:${date}` },
        ),
      );
      if (stored) emitted += 1;
    }
  }
  return emitted;
}

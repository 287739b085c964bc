// Reminders before a probation ends (a daily job): the manager and HR get the person's probation
// card 14 and 7 days before the end, and `probation.atRisk` is emitted when a condition is missed.
import { probationReportCard } from '../../cards/people-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import { localDate } from '../time/zoned.js';
import { probationRows } from './probation.js';

/** Days before the end of probation when the manager and HR are reminded. */
export const REMINDER_DAYS = [14, 7] as const;

export async function remindProbationEnds(kit: FeatureKit, now: Date): Promise<number> {
  const { db } = kit;
  const hr = await db.employee.findMany({
    where: { role: 'HR', status: { not: 'LEFT' } },
    select: { id: true, name: true, role: true, timeZone: true },
  });
  const asker = hr[0];
  if (!asker) return 0;
  // The report as HR sees it (everyone), for today in the company's zone.
  const rows = await probationRows(kit, {
    actor: {
      id: asker.id,
      name: asker.name,
      role: asker.role,
      locale: kit.config.locale,
      timeZone: kit.config.timeZone,
      teamId: null,
      departmentId: null,
    },
    now,
  });
  const due = rows.filter((r) => (REMINDER_DAYS as readonly number[]).includes(r.daysLeft));
  const today = localDate(now, kit.config.timeZone);
  for (const row of due) {
    const missed = row.criteria.filter((c) => c.met === false).map((c) => c.metric);
    const key = `people.probation:${row.employeeId}:${row.endsOn}:${row.daysLeft}`;
    const card = (t: Parameters<typeof probationReportCard>[1]) =>
      probationReportCard({ rows: [row], xlsxUrl: null }, t);
    await kit.notify({ managerOf: row.employeeId }, card, { dedupeKey: `${key}:manager` });
    for (const person of hr) await kit.notify({ employeeId: person.id }, card, { dedupeKey: `${key}:hr:${person.id}` });
    if (missed.length) {
      await db.$transaction((tx) =>
        kit.events.emit(
          tx,
          'probation.atRisk',
          { employeeId: row.employeeId, endsOn: row.endsOn, missed },
          { key: `${key}:${today}` },
        ),
      );
    }
  }
  return due.length;
}

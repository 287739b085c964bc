// Appeals a reviewer leaves undecided past the deadline go to HR (a job, hourly).
import { escalatedAppealCard } from '../../cards/quality-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import { APPEAL_DEADLINES } from './rules.js';
import { errorSelect, toView } from './store.js';

export async function escalateOverdueAppeals(kit: FeatureKit, now: Date): Promise<number> {
  const { db } = kit;
  const due = new Date(now.getTime() - APPEAL_DEADLINES.decideDays * 86_400_000);
  const overdue = await db.appeal.findMany({
    where: {
      status: 'PENDING',
      createdAt: { lt: due },
      OR: [{ reviewerId: null }, { reviewer: { role: { notIn: ['HR', 'ADMIN'] } } }],
    },
    select: { id: true, reason: true, errorId: true, reviewerId: true, error: { select: errorSelect } },
    take: 200,
  });
  let moved = 0;
  for (const appeal of overdue) {
    const hr = await db.employee.findFirst({
      where: { role: 'HR', status: { not: 'LEFT' }, id: { not: appeal.error.employeeId } },
      select: { id: true, timeZone: true },
      orderBy: { employeeNo: 'asc' },
    });
    if (!hr) continue;
    // Conditional: another replica or a decision in the meantime leaves it alone.
    const taken = await db.appeal.updateMany({
      where: { id: appeal.id, status: 'PENDING', reviewerId: appeal.reviewerId },
      data: { reviewerId: hr.id },
    });
    if (taken.count !== 1) continue;
    moved += 1;
    await kit.audit.system({
      action: 'quality.appeal.escalate',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      details: { from: appeal.reviewerId, to: hr.id },
    });
    await kit.notify(
      { employeeId: hr.id },
      (t) =>
        escalatedAppealCard(
          toView(appeal.error, hr.timeZone),
          appeal.id,
          appeal.reason,
          APPEAL_DEADLINES.decideDays,
          t,
        ),
      { dedupeKey: `quality.appeal:${appeal.id}:escalated` },
    );
  }
  return moved;
}

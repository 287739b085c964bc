// An employee marked as left (by HR here, by a directory sync or an import) loses access at once:
// the bot refuses them (unknown-user.ts), links issued to them stop working (kit.links.check),
// and their open items move to their manager. Their history stays with the periods it belongs to.
import type { FeatureKit } from '../bot/feature.js';
import type { Db } from '../db/client.js';

export interface HandOver {
  employeeId: string;
  /** Who took the open items: the leaver's manager, else their team's manager; null if nobody. */
  successorId: string | null;
  alerts: number;
  appeals: number;
  reports: number;
  teams: number;
}

async function successorOf(db: Db, employeeId: string): Promise<string | null> {
  const e = await db.employee.findUnique({
    where: { id: employeeId },
    select: { managerId: true, team: { select: { managerId: true } } },
  });
  const candidates = [e?.managerId, e?.team?.managerId].filter((id): id is string => !!id && id !== employeeId);
  for (const id of candidates) {
    const c = await db.employee.findUnique({ where: { id }, select: { status: true } });
    if (c && c.status !== 'LEFT') return id;
  }
  return null;
}

/**
 * Marks the employee LEFT as of `leftDate` (YYYY-MM-DD) and hands their open items to their
 * manager, in one transaction; audited as `by` did it. Marking a leaver again changes nothing.
 */
export async function markLeft(
  kit: FeatureKit,
  employeeId: string,
  leftDate: string,
  by: { actorId?: string; actorKind: 'employee' | 'system'; channel?: string },
): Promise<HandOver | null> {
  const successorId = await successorOf(kit.db, employeeId);
  const result = await kit.db.$transaction(async (tx) => {
    const changed = await tx.employee.updateMany({
      where: { id: employeeId, status: { not: 'LEFT' } },
      data: { status: 'LEFT', leftDate },
    });
    if (changed.count === 0) return null;
    const openAlerts = { assignedToId: employeeId, status: { not: 'RESOLVED' as const } };
    const pendingAppeals = { reviewerId: employeeId, status: 'PENDING' as const };
    if (!successorId) {
      return { alerts: 0, appeals: 0, reports: 0, teams: 0 };
    }
    const alerts = await tx.alert.updateMany({ where: openAlerts, data: { assignedToId: successorId } });
    const appeals = await tx.appeal.updateMany({ where: pendingAppeals, data: { reviewerId: successorId } });
    const reports = await tx.employee.updateMany({
      where: { managerId: employeeId, id: { not: successorId } },
      data: { managerId: successorId },
    });
    const teams = await tx.team.updateMany({ where: { managerId: employeeId }, data: { managerId: successorId } });
    return { alerts: alerts.count, appeals: appeals.count, reports: reports.count, teams: teams.count };
  });
  if (!result) return null;
  const handOver = { employeeId, successorId, ...result };
  await kit.audit({
    ...by,
    action: 'employee.left',
    subjectType: 'Employee',
    subjectId: employeeId,
    details: { leftDate, ...handOver },
  });
  return handOver;
}

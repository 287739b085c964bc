// Completing a work order the way the inbound API and connectors do: through the shared record
// functions (`kit.records.upsert`), which store the change and emit `workOrder.completed` in one
// transaction, so the survey invitation hangs on a fact that exists. Used by the demo and tests.
import type { Db } from '../db/client.js';
import type { Records } from '../records/index.js';
import { localDate } from '../time/zoned.js';

/** Re-sends a stored work order as COMPLETED at `at`, from the source it came from. */
export async function completeWorkOrder(db: Db, records: Records, workOrderId: string, at: Date): Promise<void> {
  const o = await db.workOrder.findUniqueOrThrow({
    where: { id: workOrderId },
    select: {
      externalId: true,
      source: true,
      title: true,
      difficulty: true,
      openedAt: true,
      assignedAt: true,
      firstResponseAt: true,
      arrivedAt: true,
      slaResponseMinutes: true,
      slaArrivalMinutes: true,
      assignee: { select: { employeeNo: true } },
      site: { select: { code: true } },
    },
  });
  const [outcome] = await records.upsert('workOrder', o.source, [
    {
      externalId: o.externalId,
      title: o.title,
      assignee: o.assignee?.employeeNo ?? null,
      siteCode: o.site?.code ?? null,
      difficulty: o.difficulty,
      status: 'COMPLETED',
      openedAt: o.openedAt.toISOString(),
      assignedAt: o.assignedAt?.toISOString() ?? null,
      firstResponseAt: o.firstResponseAt?.toISOString() ?? null,
      arrivedAt: (o.arrivedAt ?? at).toISOString(),
      completedAt: at.toISOString(),
      slaResponseMinutes: o.slaResponseMinutes,
      slaArrivalMinutes: o.slaArrivalMinutes,
      resolved: true,
    },
  ]);
  if (outcome?.result === 'rejected') throw new Error(`work order ${o.externalId} was rejected`);
}

/**
 * On a fresh demo: one of 李明's work orders of today completes now, so he has a live survey card
 * in the console. When none of his is open today (a weekend, late evening), a new one is opened
 * at a customer site and completed.
 */
export async function completeDemoWorkOrder(db: Db, records: Records, now: Date, timeZone: string): Promise<string> {
  const employeeId = 'emp_liming';
  const today = localDate(now, timeZone);
  const open = await db.workOrder.findFirst({
    where: {
      assigneeId: employeeId,
      status: { in: ['ASSIGNED', 'IN_PROGRESS'] },
      openedAt: { gte: new Date(now.getTime() - 24 * 3_600_000) },
    },
    orderBy: { openedAt: 'asc' },
    select: { id: true },
  });
  const id =
    open?.id ??
    (
      await db.workOrder.create({
        data: {
          externalId: `WO-${today.replaceAll('-', '')}-DEMO`,
          source: 'demo',
          title: '充电桩无法启动充电',
          siteId: 'site_sh_anting',
          assigneeId: employeeId,
          difficulty: 2,
          status: 'IN_PROGRESS',
          openedAt: new Date(now.getTime() - 3 * 3_600_000),
          assignedAt: new Date(now.getTime() - 170 * 60_000),
          firstResponseAt: new Date(now.getTime() - 160 * 60_000),
          arrivedAt: new Date(now.getTime() - 90 * 60_000),
          slaResponseMinutes: 30,
          slaArrivalMinutes: 120,
        },
        select: { id: true },
      })
    ).id;
  await completeWorkOrder(db, records, id, now);
  return id;
}

// Completing a work order the way the inbound API and connectors do: the status change and the
// durable `workOrder.completed` event commit together, so the survey invitation hangs on a fact
// that exists. Until the shared record functions (src/records, issue "api") land, the demo and
// tests complete work orders through this one function; it then becomes a call to them.
import type { Db } from '../db/client.js';
import type { Events } from '../kit/events.js';
import { localDate } from '../time/zoned.js';

export async function completeWorkOrder(
  db: Db,
  events: Events,
  workOrderId: string,
  at: Date,
): Promise<{ completed: boolean; employeeId: string | null }> {
  return db.$transaction(async (tx) => {
    const order = await tx.workOrder.findUniqueOrThrow({
      where: { id: workOrderId },
      select: { status: true, assigneeId: true },
    });
    if (order.status === 'COMPLETED' || order.status === 'CLOSED' || order.status === 'CANCELLED') {
      return { completed: false, employeeId: order.assigneeId };
    }
    await tx.workOrder.update({
      where: { id: workOrderId },
      data: {
        status: 'COMPLETED',
        completedAt: at,
        resolved: true,
        arrivedAt: order.status === 'IN_PROGRESS' ? undefined : at,
      },
    });
    await events.emit(
      tx,
      'workOrder.completed',
      { workOrderId, employeeId: order.assigneeId, completedAt: at.toISOString() },
      { key: `WorkOrder:${workOrderId}:completed` },
    );
    if (order.assigneeId) {
      await events.emit(
        tx,
        'record.changed',
        { recordType: 'WorkOrder', recordId: workOrderId, employeeId: order.assigneeId, at: at.toISOString() },
        { key: `WorkOrder:${workOrderId}:completed` },
      );
    }
    return { completed: true, employeeId: order.assigneeId };
  });
}

/**
 * On a fresh demo: one of 李明's work orders of today completes now, so he has a live survey card
 * in the console. When none of his is open today (a weekend, late evening), a new one is opened
 * at a customer site and completed.
 */
export async function completeDemoWorkOrder(db: Db, events: Events, now: Date, timeZone: string): Promise<string> {
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
  await completeWorkOrder(db, events, id, now);
  return id;
}

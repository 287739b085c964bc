// Period close, post-close adjustments and the records a closed period is checked against.
import type { Db } from '../db/client.js';
import { contentHashOf } from '../shared/index.js';
import type { PeriodRecord } from './rules.js';

export type CloseOutcome =
  | { status: 'closed'; count: number; contentHash: string; closedAt: Date; version: number }
  | { status: 'already'; closedAt: Date; contentHash: string; version: number }
  | { status: 'empty' };

/**
 * Closes a period in one transaction: the OPEN→CLOSED update is the lock (a second closer
 * updates nothing and reports "already"), results are frozen before the hash is read so the
 * hash covers exactly the frozen rows.
 */
export async function closePeriod(
  db: Db,
  input: { period: string; closedById: string; now: Date },
): Promise<CloseOutcome> {
  const { period, closedById, now } = input;
  return db.$transaction(async (tx) => {
    const existing = await tx.kpiPeriod.findUnique({ where: { period } });
    if (existing?.status === 'CLOSED') {
      return {
        status: 'already',
        closedAt: existing.closedAt ?? now,
        contentHash: existing.contentHash ?? '',
        version: existing.closeVersion,
      };
    }
    if ((await tx.kpiResult.count({ where: { period } })) === 0) return { status: 'empty' };
    await tx.kpiPeriod.upsert({ where: { period }, create: { period }, update: {} });
    const locked = await tx.kpiPeriod.updateMany({
      where: { period, status: 'OPEN' },
      data: { status: 'CLOSED', closedAt: now, closedById, closeVersion: { increment: 1 } },
    });
    if (locked.count === 0) {
      const winner = await tx.kpiPeriod.findUniqueOrThrow({ where: { period } });
      return {
        status: 'already',
        closedAt: winner.closedAt ?? now,
        contentHash: winner.contentHash ?? '',
        version: winner.closeVersion,
      };
    }
    await tx.kpiResult.updateMany({ where: { period }, data: { frozen: true } });
    const results = await tx.kpiResult.findMany({ where: { period }, select: { employeeId: true, contentHash: true } });
    const contentHash = contentHashOf(results);
    const { closeVersion } = await tx.kpiPeriod.update({ where: { period }, data: { contentHash } });
    return { status: 'closed', count: results.length, contentHash, closedAt: now, version: closeVersion };
  });
}

export type ReopenOutcome =
  | { status: 'reopened'; version: number; contentHash: string | null }
  | { status: 'not_closed' }
  | { status: 'paid'; paidAt: Date };

/**
 * Reopens a closed month (HR, with a reason the caller audits): results thaw so recomputes
 * correct them; the next close is a new version. Refused once payroll is marked paid.
 */
export async function reopenPeriod(db: Db, period: string): Promise<ReopenOutcome> {
  return db.$transaction(async (tx) => {
    const row = await tx.kpiPeriod.findUnique({ where: { period } });
    if (row?.status !== 'CLOSED') return { status: 'not_closed' };
    if (row.paidAt) return { status: 'paid', paidAt: row.paidAt };
    const opened = await tx.kpiPeriod.updateMany({
      where: { period, status: 'CLOSED', paidAt: null },
      data: { status: 'OPEN' },
    });
    if (opened.count === 0) return { status: 'not_closed' };
    await tx.kpiResult.updateMany({ where: { period }, data: { frozen: false } });
    return { status: 'reopened', version: row.closeVersion, contentHash: row.contentHash };
  });
}

export type PaidOutcome = { status: 'paid'; version: number; contentHash: string | null } | { status: 'not_closed' };

/** Marks a closed month's payroll paid: from now on it cannot be reopened. */
export async function markPaid(db: Db, input: { period: string; paidById: string; now: Date }): Promise<PaidOutcome> {
  const done = await db.kpiPeriod.updateMany({
    where: { period: input.period, status: 'CLOSED' },
    data: { paidAt: input.now, paidById: input.paidById },
  });
  if (done.count === 0) return { status: 'not_closed' };
  const row = await db.kpiPeriod.findUniqueOrThrow({ where: { period: input.period } });
  return { status: 'paid', version: row.closeVersion, contentHash: row.contentHash };
}

export interface PostCloseAdjustment {
  period: string;
  employeeId: string;
  recordType: string;
  recordId: string;
  note?: string | null;
}

/** Records a late record once: repeating it (same type and id) changes nothing. */
export async function recordPostCloseAdjustment(db: Db, adjustment: PostCloseAdjustment): Promise<void> {
  await db.kpiAdjustment.upsert({
    where: { recordType_recordId: { recordType: adjustment.recordType, recordId: adjustment.recordId } },
    create: { ...adjustment, note: adjustment.note ?? null },
    update: {},
  });
}

export function listAdjustments(db: Db, period: string) {
  return db.kpiAdjustment.findMany({ where: { period }, orderBy: [{ createdAt: 'asc' }, { recordId: 'asc' }] });
}

export function countAdjustments(db: Db, period: string): Promise<number> {
  return db.kpiAdjustment.count({ where: { period } });
}

/** Frozen results of a period with what they were computed from (the engine's inputs JSON). */
export function frozenResults(db: Db, period: string) {
  return db.kpiResult.findMany({ where: { period, frozen: true }, select: { employeeId: true, inputs: true } });
}

/** Every business record dated inside [start, end) for these people, with its write time. */
export async function periodRecords(
  db: Db,
  employeeIds: readonly string[],
  range: { start: Date; end: Date },
): Promise<PeriodRecord[]> {
  const ids = [...employeeIds];
  const within = { gte: range.start, lt: range.end };
  const [orders, answers, crm, tickets, checkIns, trainings, errors] = await Promise.all([
    db.workOrder.findMany({
      where: { assigneeId: { in: ids }, completedAt: within },
      select: { id: true, assigneeId: true, updatedAt: true },
    }),
    db.surveyAnswer.findMany({
      where: { employeeId: { in: ids }, answeredAt: within },
      select: { id: true, employeeId: true },
    }),
    db.crmOrder.findMany({
      where: { employeeId: { in: ids }, orderedAt: within },
      select: { id: true, employeeId: true, updatedAt: true },
    }),
    db.helpdeskTicket.findMany({
      where: { employeeId: { in: ids }, openedAt: within },
      select: { id: true, employeeId: true, updatedAt: true },
    }),
    db.checkIn.findMany({
      where: { employeeId: { in: ids }, at: within },
      select: { id: true, employeeId: true, createdAt: true },
    }),
    db.trainingRecord.findMany({
      where: { employeeId: { in: ids }, completedAt: within },
      select: { id: true, employeeId: true },
    }),
    db.qualityError.findMany({
      where: { employeeId: { in: ids }, occurredAt: within },
      select: { id: true, employeeId: true, createdAt: true },
    }),
  ]);
  const rec = (recordType: string, recordId: string, employeeId: string, changedAt: Date | null): PeriodRecord => ({
    recordType,
    recordId,
    employeeId,
    changedAt,
  });
  return [
    ...orders.map((r) => rec('WorkOrder', r.id, r.assigneeId as string, r.updatedAt)),
    ...answers.map((r) => rec('SurveyAnswer', r.id, r.employeeId, null)),
    ...crm.map((r) => rec('CrmOrder', r.id, r.employeeId, r.updatedAt)),
    ...tickets.map((r) => rec('HelpdeskTicket', r.id, r.employeeId as string, r.updatedAt)),
    ...checkIns.map((r) => rec('CheckIn', r.id, r.employeeId, r.createdAt)),
    ...trainings.map((r) => rec('TrainingRecord', r.id, r.employeeId, null)),
    ...errors.map((r) => rec('QualityError', r.id, r.employeeId, r.createdAt)),
  ];
}

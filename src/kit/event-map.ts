// The domain events features exchange, declared once (as wechaty declares its event names in one
// dictionary). Payloads are plain JSON: they are stored with their cause and validated again
// when a listener reads them back, so a schema change cannot hand a listener a stale shape.
import { z } from 'zod';

const id = z.string().min(1).max(64);
const instant = z.iso.datetime();

export const EVENT_SCHEMAS = {
  /** A work order reached COMPLETED (the survey invitation hangs on this). */
  'workOrder.completed': z.object({ workOrderId: id, employeeId: id.nullable(), completedAt: instant }),
  /** A check-in was stored, whatever its verdict. */
  'checkIn.recorded': z.object({
    checkInId: id,
    employeeId: id,
    verdict: z.enum(['ACCEPTED', 'OUTSIDE_FENCE', 'FLAGGED', 'REJECTED']),
  }),
  /** A check-in needs a human: outside the fence or with anti-spoofing flags. */
  'checkIn.flagged': z.object({ checkInId: id, employeeId: id, flags: z.array(z.string().max(64)).max(32) }),
  /** Nobody checked in by the shift's start + grace on a workday, not on leave (the alerts feature listens). */
  'attendance.missing': z.object({
    employeeId: id,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    shiftStartsAt: instant,
  }),
  /** A customer answered a satisfaction survey. */
  'survey.answered': z.object({
    answerId: id,
    employeeId: id,
    workOrderId: id.nullable(),
    csat: z.number().int().min(1).max(5),
    nps: z.number().int().min(0).max(10).nullable(),
  }),
  /** A KPI input record changed (the KPI engine recomputes that person's period). */
  'record.changed': z.object({ recordType: z.string().min(1).max(64), recordId: id, employeeId: id, at: instant }),
  /** Someone's probation ends soon and a hiring condition is missed this month (the alerts feature may listen). */
  'probation.atRisk': z.object({
    employeeId: id,
    endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    missed: z.array(z.string().max(64)).max(32),
  }),
  /** A connector's source failed this many runs in a row (the alerts feature tells HR). */
  'sync.failed': z.object({
    source: z.string().min(1).max(64),
    failures: z.number().int().min(1),
    error: z.string().max(500),
    at: instant,
  }),
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENT_SCHEMAS, name);
}

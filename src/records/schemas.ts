// The shape of one inbound record of each type, as a business system knows it: people by employee
// number or e-mail, customers, sites, teams and departments by their codes or external ids. The
// same schemas validate API pushes and connector pulls and describe the API in OpenAPI.
import { z } from 'zod';

export const RECORD_TYPES = [
  'workOrder',
  'crmOrder',
  'ticket',
  'ticketRating',
  'training',
  'employee',
  'department',
  'leave',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const externalId = text(128).describe("The record's id in the source system");
/** An instant with its offset ("2026-11-18T09:30:00+08:00" or "…Z"). */
const instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .describe('ISO 8601 instant with an offset');
const optionalInstant = instant.nullable().optional();
const localDate = z.iso.date().describe('YYYY-MM-DD');
/** A person as the source knows them: Kaopu employee number, or e-mail. */
const person = text(254).describe('Employee number or e-mail');
const code = text(64);

const customerRef = {
  customerExternalId: text(128)
    .nullable()
    .optional()
    .describe("The customer's id in the source; unknown ids are created"),
  customerName: text(200).optional().describe('Name for a customer Kaopu does not know yet'),
};

function endsAfterStart(record: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx) {
  if (record.endsAt.getTime() < record.startsAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must not be before startsAt' });
  }
}

export const workOrderRecord = z
  .object({
    externalId,
    title: text(200),
    assignee: person.nullable().optional(),
    siteCode: code.nullable().optional().describe('A site Kaopu knows (its code)'),
    ...customerRef,
    difficulty: z.number().int().min(1).max(5).optional().describe('1 (routine) .. 5 (hardest)'),
    status: z.enum(['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'CANCELLED']),
    openedAt: instant,
    assignedAt: optionalInstant,
    firstResponseAt: optionalInstant,
    arrivedAt: optionalInstant,
    completedAt: optionalInstant,
    closedAt: optionalInstant,
    slaResponseMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
    slaArrivalMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
    resolved: z.boolean().optional(),
    reopenCount: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const crmOrderRecord = z
  .object({
    externalId,
    employee: person,
    ...customerRef,
    amountCents: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000),
    collectedCents: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000).optional(),
    orderedAt: instant,
    status: text(32).optional().describe('"won" counts towards sales metrics'),
  })
  .strict();

export const ticketRecord = z
  .object({
    externalId,
    employee: person.nullable().optional(),
    ...customerRef,
    channel: text(32).optional(),
    openedAt: instant,
    firstResponseAt: optionalInstant,
    resolvedAt: optionalInstant,
    status: text(32).optional(),
    isComplaint: z.boolean().optional(),
    repeatOfExternalId: text(128).nullable().optional().describe('An earlier ticket from the same source'),
    rating: z.number().int().min(1).max(5).nullable().optional(),
    ratedAt: optionalInstant,
  })
  .strict();

/** A customer's rating of a ticket already pushed from the same source. */
export const ticketRatingRecord = z
  .object({
    externalId: externalId.describe('The rated ticket'),
    rating: z.number().int().min(1).max(5),
    ratedAt: instant,
  })
  .strict();

export const trainingRecord = z
  .object({
    externalId,
    employee: person,
    courseCode: code,
    courseName: text(200),
    minutes: z.number().int().min(0).max(100_000),
    examScore: z.number().int().min(0).max(100).nullable().optional(),
    reason: z.enum(['REGULAR', 'ONBOARDING', 'RETRAINING']).optional(),
    enrolledAt: instant,
    completedAt: optionalInstant,
  })
  .strict();

/**
 * A person from the HR system, keyed by employee number. Role is limited to EMPLOYEE and MANAGER
 * and never changes someone who is HR or ADMIN in Kaopu: privileges are granted in Kaopu only.
 */
export const employeeRecord = z
  .object({
    employeeNo: code,
    name: text(100),
    email: z.email().max(254).nullable().optional(),
    phone: text(32).nullable().optional(),
    role: z.enum(['EMPLOYEE', 'MANAGER']).optional(),
    status: z.enum(['ACTIVE', 'PROBATION', 'LEFT']).optional(),
    departmentCode: code.nullable().optional(),
    teamCode: code.nullable().optional(),
    positionCode: code.nullable().optional(),
    manager: person.nullable().optional(),
    hireDate: localDate,
    probationEndDate: localDate.nullable().optional(),
    leftDate: localDate.nullable().optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
    timeZone: text(64).optional().describe('IANA zone, e.g. Asia/Shanghai'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.timeZone && !isTimeZone(e.timeZone)) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'unknown IANA time zone' });
    }
  });

export const departmentRecord = z
  .object({
    code,
    name: text(100),
    parentCode: code.nullable().optional().describe('A department Kaopu knows, or one earlier in the batch'),
  })
  .strict();

export const LEAVE_TYPES = [
  'annual',
  'sick',
  'personal',
  'marriage',
  'maternity',
  'paternity',
  'bereavement',
  'compensatory',
  'other',
] as const;

export const leaveRecord = z
  .object({
    externalId,
    employee: person,
    type: z.enum(LEAVE_TYPES),
    startsAt: instant,
    endsAt: instant,
    status: z.enum(['PENDING', 'APPROVED', 'DECLINED', 'CANCELLED']),
    approvedBy: person.nullable().optional(),
    reason: text(500).nullable().optional(),
  })
  .strict()
  .superRefine((l, ctx) => endsAfterStart(l, ctx));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One zod schema per record type: each item of a batch is validated on its own. */
export const RECORD_SCHEMAS = {
  workOrder: workOrderRecord,
  crmOrder: crmOrderRecord,
  ticket: ticketRecord,
  ticketRating: ticketRatingRecord,
  training: trainingRecord,
  employee: employeeRecord,
  department: departmentRecord,
  leave: leaveRecord,
} as const satisfies Record<RecordType, z.ZodType>;

export type RecordInput<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;

/** Where a record type keeps its key in the item: most use `externalId`. */
export const KEY_FIELD: Record<RecordType, string> = {
  workOrder: 'externalId',
  crmOrder: 'externalId',
  ticket: 'externalId',
  ticketRating: 'externalId',
  training: 'externalId',
  employee: 'employeeNo',
  department: 'code',
  leave: 'externalId',
};

/** A source name: the API key's name or a connector's code. */
export const sourceName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

// How each record type maps onto its table: the key it is found by, the references it resolves
// (people, customers, sites, codes), the columns it writes, and when it counts for a KPI.
import type { Prisma } from '../db/client.js';
import type { RecordInput, RecordType } from './schemas.js';
import type { FieldError } from './upsert.js';

type Tx = Prisma.TransactionClient;
export type Row = Record<string, unknown> & { id: string };

interface Delegate {
  findMany(args: unknown): Promise<Row[]>;
  create(args: unknown): Promise<Row>;
  update(args: unknown): Promise<Row>;
}

/** Lookups inside the batch's transaction. */
export interface Refs {
  source: string;
  tx: Tx;
  person(key: string): { id: string } | { error: string };
  /** An employee written in this batch can be referred to by later items. */
  learnPerson(row: { id: string; employeeNo: string; email: string | null }): void;
  site(code: string): Promise<string | null>;
  team(code: string): Promise<string | null>;
  position(code: string): Promise<string | null>;
  department(code: string): Promise<string | null>;
  /** The customer with this external id, created (with `name`) when Kaopu does not know it. */
  customer(externalId: string, name: string | undefined): Promise<string>;
  /** A ticket from the same source. */
  ticket(externalId: string): Promise<string | null>;
}

export interface Handler<I> {
  model(tx: Tx): Delegate;
  /** Keyed by (source, keyColumn); otherwise by keyColumn alone (employee number, department code). */
  sourced: boolean;
  keyColumn: string;
  key(item: I): string;
  /** Person keys the item refers to, loaded in one query per batch. */
  people(item: I): readonly (string | null | undefined)[];
  /** Set to the rejection message when the record must already exist (a rating of a known ticket). */
  updateOnly?: string;
  /** The columns to write; undefined leaves a column as it is. */
  toData(item: I, refs: Refs, before: Row | null): Promise<{ data: Record<string, unknown>; errors: FieldError[] }>;
  /** Whom the row counts for in KPIs, and when. */
  counts(row: Row, now: Date): { employeeId: string | null; at: Date }[];
  completed?(before: Row | null, after: Row, now: Date): { employeeId: string | null; completedAt: Date } | null;
  learn?(row: Row, refs: Refs): void;
}

/** Collects reference errors while building a row's data. */
class Resolve {
  errors: FieldError[] = [];
  constructor(private refs: Refs) {}

  person(field: string, key: string | null | undefined): string | null | undefined {
    if (key === undefined || key === null) return key;
    const found = this.refs.person(key);
    if ('error' in found) {
      this.errors.push({ field, message: found.error });
      return undefined;
    }
    return found.id;
  }

  async code(
    field: string,
    code: string | null | undefined,
    lookup: (code: string) => Promise<string | null>,
    what: string,
  ): Promise<string | null | undefined> {
    if (code === undefined || code === null) return code;
    const id = await lookup(code);
    if (!id) this.errors.push({ field, message: `no ${what} with this code` });
    return id ?? undefined;
  }

  async customer(item: { customerExternalId?: string | null | undefined; customerName?: string | undefined }) {
    if (item.customerExternalId === undefined || item.customerExternalId === null) return item.customerExternalId;
    return this.refs.customer(item.customerExternalId, item.customerName);
  }
}

const asDate = (v: unknown) => (v instanceof Date ? v : null);
const asId = (v: unknown) => (typeof v === 'string' ? v : null);

const workOrder: Handler<RecordInput<'workOrder'>> = {
  model: (tx) => tx.workOrder as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: (i) => [i.assignee],
  async toData(i, refs) {
    const r = new Resolve(refs);
    const assigneeId = r.person('assignee', i.assignee);
    const siteId = await r.code('siteCode', i.siteCode, refs.site, 'site');
    const customerId = r.errors.length ? undefined : await r.customer(i);
    return {
      errors: r.errors,
      data: {
        title: i.title,
        assigneeId,
        siteId,
        customerId,
        difficulty: i.difficulty,
        status: i.status,
        openedAt: i.openedAt,
        assignedAt: i.assignedAt,
        firstResponseAt: i.firstResponseAt,
        arrivedAt: i.arrivedAt,
        completedAt: i.completedAt,
        closedAt: i.closedAt,
        slaResponseMinutes: i.slaResponseMinutes,
        slaArrivalMinutes: i.slaArrivalMinutes,
        resolved: i.resolved,
        reopenCount: i.reopenCount,
      },
    };
  },
  counts: (row) => [
    { employeeId: asId(row.assigneeId), at: asDate(row.completedAt) ?? (asDate(row.openedAt) as Date) },
  ],
  completed(before, after, now) {
    // COMPLETED, or CLOSED straight away: either way the customer's visit is over.
    const done = (row: Row | null) => row?.status === 'COMPLETED' || row?.status === 'CLOSED';
    if (!done(after) || done(before)) return null;
    return { employeeId: asId(after.assigneeId), completedAt: asDate(after.completedAt) ?? now };
  },
};

const crmOrder: Handler<RecordInput<'crmOrder'>> = {
  model: (tx) => tx.crmOrder as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: (i) => [i.employee],
  async toData(i, refs) {
    const r = new Resolve(refs);
    const employeeId = r.person('employee', i.employee);
    const customerId = r.errors.length ? undefined : await r.customer(i);
    return {
      errors: r.errors,
      data: {
        employeeId,
        customerId,
        amountCents: i.amountCents,
        collectedCents: i.collectedCents,
        orderedAt: i.orderedAt,
        status: i.status,
      },
    };
  },
  counts: (row) => [{ employeeId: asId(row.employeeId), at: asDate(row.orderedAt) as Date }],
};

const ticketTimes = (row: Row) =>
  [row.openedAt, row.resolvedAt, row.ratedAt].map(asDate).filter((d): d is Date => d !== null);

const ticket: Handler<RecordInput<'ticket'>> = {
  model: (tx) => tx.helpdeskTicket as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: (i) => [i.employee],
  async toData(i, refs) {
    const r = new Resolve(refs);
    const employeeId = r.person('employee', i.employee);
    const repeatOfId = await r.code('repeatOfExternalId', i.repeatOfExternalId, refs.ticket, 'earlier ticket');
    const customerId = r.errors.length ? undefined : await r.customer(i);
    return {
      errors: r.errors.map((e) =>
        e.field === 'repeatOfExternalId' ? { ...e, message: 'no earlier ticket with this id from this source' } : e,
      ),
      data: {
        employeeId,
        customerId,
        channel: i.channel,
        openedAt: i.openedAt,
        firstResponseAt: i.firstResponseAt,
        resolvedAt: i.resolvedAt,
        status: i.status,
        isComplaint: i.isComplaint,
        repeatOfId,
        rating: i.rating,
        ratedAt: i.ratedAt,
      },
    };
  },
  counts: (row) => ticketTimes(row).map((at) => ({ employeeId: asId(row.employeeId), at })),
};

const ticketRating: Handler<RecordInput<'ticketRating'>> = {
  model: (tx) => tx.helpdeskTicket as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: () => [],
  updateOnly: 'no ticket with this id from this source',
  toData: async (i) => ({ errors: [], data: { rating: i.rating, ratedAt: i.ratedAt } }),
  counts: (row) => ticketTimes(row).map((at) => ({ employeeId: asId(row.employeeId), at })),
};

const training: Handler<RecordInput<'training'>> = {
  model: (tx) => tx.trainingRecord as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: (i) => [i.employee],
  async toData(i, refs) {
    const r = new Resolve(refs);
    return {
      data: {
        employeeId: r.person('employee', i.employee),
        courseCode: i.courseCode,
        courseName: i.courseName,
        minutes: i.minutes,
        examScore: i.examScore,
        reason: i.reason,
        enrolledAt: i.enrolledAt,
        completedAt: i.completedAt,
      },
      errors: r.errors,
    };
  },
  counts: (row) => [
    { employeeId: asId(row.employeeId), at: asDate(row.completedAt) ?? (asDate(row.enrolledAt) as Date) },
  ],
};

const employee: Handler<RecordInput<'employee'>> = {
  model: (tx) => tx.employee as unknown as Delegate,
  sourced: false,
  keyColumn: 'employeeNo',
  key: (i) => i.employeeNo,
  people: (i) => [i.manager],
  async toData(i, refs, before) {
    const r = new Resolve(refs);
    const managerId = r.person('manager', i.manager);
    if (managerId && before && managerId === before.id) {
      r.errors.push({ field: 'manager', message: 'a person cannot manage themselves' });
    }
    const privileged = before?.role === 'HR' || before?.role === 'ADMIN';
    return {
      data: {
        name: i.name,
        email: i.email === undefined || i.email === null ? i.email : i.email.toLowerCase(),
        phone: i.phone,
        role: privileged ? undefined : i.role,
        status: i.status,
        departmentId: await r.code('departmentCode', i.departmentCode, refs.department, 'department'),
        teamId: await r.code('teamCode', i.teamCode, refs.team, 'team'),
        positionId: await r.code('positionCode', i.positionCode, refs.position, 'position'),
        managerId,
        hireDate: i.hireDate,
        probationEndDate: i.probationEndDate,
        leftDate: i.leftDate,
        locale: i.locale,
        timeZone: i.timeZone,
      },
      errors: r.errors,
    };
  },
  counts: (row, now) => [{ employeeId: row.id, at: now }],
  learn: (row, refs) => refs.learnPerson(row as Row & { employeeNo: string; email: string | null }),
};

const department: Handler<RecordInput<'department'>> = {
  model: (tx) => tx.department as unknown as Delegate,
  sourced: false,
  keyColumn: 'code',
  key: (i) => i.code,
  people: () => [],
  async toData(i, refs, before) {
    const r = new Resolve(refs);
    const parentId = await r.code('parentCode', i.parentCode, refs.department, 'department');
    if (parentId && before && (await createsCycle(refs.tx, before.id, parentId))) {
      r.errors.push({ field: 'parentCode', message: 'a department cannot be inside itself' });
    }
    return { data: { name: i.name, parentId }, errors: r.errors };
  },
  // Organisation changes move no KPI figure by themselves: the people's own records do.
  counts: () => [],
};

async function createsCycle(tx: Tx, id: string, parentId: string): Promise<boolean> {
  let at: string | null = parentId;
  for (let depth = 0; at && depth < 64; depth++) {
    if (at === id) return true;
    const row: { parentId: string | null } | null = await tx.department.findUnique({
      where: { id: at },
      select: { parentId: true },
    });
    at = row?.parentId ?? null;
  }
  return false;
}

const leave: Handler<RecordInput<'leave'>> = {
  model: (tx) => tx.leave as unknown as Delegate,
  sourced: true,
  keyColumn: 'externalId',
  key: (i) => i.externalId,
  people: (i) => [i.employee, i.approvedBy],
  async toData(i, refs) {
    const r = new Resolve(refs);
    return {
      data: {
        employeeId: r.person('employee', i.employee),
        type: i.type,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        status: i.status,
        approvedById: r.person('approvedBy', i.approvedBy),
        reason: i.reason,
      },
      errors: r.errors,
    };
  },
  counts: (row) =>
    [asDate(row.startsAt), asDate(row.endsAt)]
      .filter((d): d is Date => d !== null)
      .map((at) => ({ employeeId: asId(row.employeeId), at })),
};

export const HANDLERS: { [T in RecordType]: Handler<RecordInput<T>> } = {
  workOrder,
  crmOrder,
  ticket,
  ticketRating,
  training,
  employee,
  department,
  leave,
};

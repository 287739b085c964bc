// Reads for a recompute (employees, metric aggregates, targets) and writes of KpiResult rows.
import type { Db, Prisma } from '../db/client.js';

export interface ScopeEmployee {
  id: string;
  hireDate: string;
  leftDate: string | null;
  timeZone: string;
  departmentId: string | null;
  positionId: string | null;
}

/** Employees employed at some point of the period (first..last local dates). */
export async function employeesInPeriod(
  db: Db,
  first: string,
  last: string,
  filter: { employeeIds?: string[]; teamId?: string } = {},
): Promise<ScopeEmployee[]> {
  return db.employee.findMany({
    where: {
      hireDate: { lte: last },
      OR: [{ leftDate: null }, { leftDate: { gte: first } }],
      ...(filter.employeeIds ? { id: { in: filter.employeeIds } } : {}),
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
    },
    select: { id: true, hireDate: true, leftDate: true, timeZone: true, departmentId: true, positionId: true },
    orderBy: { id: 'asc' },
  });
}

export interface MetricRowRaw {
  e: string;
  v: unknown;
  ids: string | null;
}

/** Runs one metric's GROUP BY query; numbers come back as bigint/Decimal on PostgreSQL. */
export async function runMetricSql(db: Db, query: Prisma.Sql): Promise<MetricRowRaw[]> {
  return db.$queryRaw<MetricRowRaw[]>(query);
}

export async function targetsForPeriod(db: Db, period: string, employeeIds?: string[]) {
  const rows = await db.kpiTarget.findMany({
    where: { period, ...(employeeIds ? { employeeId: { in: employeeIds } } : {}) },
    select: { employeeId: true, metric: true, target: true },
  });
  const map = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = map.get(r.employeeId) ?? new Map<string, number>();
    m.set(r.metric, r.target);
    map.set(r.employeeId, m);
  }
  return map;
}

export async function existingResults(db: Db, period: string, employeeIds?: string[]) {
  const rows = await db.kpiResult.findMany({
    where: { period, ...(employeeIds ? { employeeId: { in: employeeIds } } : {}) },
    select: { id: true, employeeId: true, contentHash: true, frozen: true },
  });
  return new Map(rows.map((r) => [r.employeeId, r]));
}

export interface ResultWrite {
  employeeId: string;
  period: string;
  modelVersionId: string;
  totalScore: number | null;
  band: string | null;
  prorated: boolean;
  inputs: unknown;
  contentHash: string;
  computedAt: Date;
}

const CHUNK = 200;

export async function writeResults(db: Db, creates: ResultWrite[], updates: (ResultWrite & { id: string })[]) {
  const data = (w: ResultWrite) => ({ ...w, inputs: w.inputs as Prisma.InputJsonValue });
  for (let i = 0; i < creates.length; i += CHUNK) {
    await db.kpiResult.createMany({ data: creates.slice(i, i + CHUNK).map(data) });
  }
  for (let i = 0; i < updates.length; i += CHUNK) {
    // frozen: false in the filter, so a period closed mid-recompute is never overwritten
    await db.$transaction(
      updates
        .slice(i, i + CHUNK)
        .map(({ id, ...w }) => db.kpiResult.updateMany({ where: { id, frozen: false }, data: data(w) })),
    );
  }
}

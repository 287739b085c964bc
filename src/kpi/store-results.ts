// Reads for a recompute (employees, metric aggregates, targets) and writes of KpiResult rows.
import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '../db/client.js';
import { join, sql } from './metrics/types.js';

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
  /** `KpiResult.inputs` already serialised: the text the content hash was taken over. */
  inputsJson: string;
  contentHash: string;
  computedAt: Date;
}

/** Rows per multi-row INSERT: 10 parameters each, well under SQLite's and PostgreSQL's limits. */
const ROWS_PER_INSERT = 250;

/**
 * Writes results with raw SQL in one transaction: multi-row INSERTs with the JSON passed as text
 * (Prisma building createMany arguments from large JSON was most of a recompute's time), and one
 * UPDATE per changed row. `frozen = false` in the UPDATE, so a period closed mid-recompute is never
 * overwritten.
 */
export async function writeResults(
  db: Db,
  provider: 'sqlite' | 'postgres',
  creates: ResultWrite[],
  updates: (ResultWrite & { id: string })[],
) {
  if (creates.length === 0 && updates.length === 0) return;
  const json = (text: string) => (provider === 'postgres' ? sql`CAST(${text} AS JSONB)` : sql`${text}`);
  const at = (d: Date) => (provider === 'postgres' ? sql`CAST(${d} AS TIMESTAMP(3))` : sql`${d}`);
  await db.$transaction(
    async (tx) => {
      for (let i = 0; i < creates.length; i += ROWS_PER_INSERT) {
        const values = creates
          .slice(i, i + ROWS_PER_INSERT)
          .map(
            (w) =>
              sql`(${randomUUID()}, ${w.employeeId}, ${w.period}, ${w.modelVersionId}, ${w.totalScore}, ${w.band}, ${w.prorated}, ${json(w.inputsJson)}, ${w.contentHash}, ${false}, ${at(w.computedAt)})`,
          );
        await tx.$executeRaw`INSERT INTO "KpiResult" ("id", "employeeId", "period", "modelVersionId", "totalScore", "band", "prorated", "inputs", "contentHash", "frozen", "computedAt") VALUES ${join(values)}`;
      }
      for (const w of updates) {
        await tx.$executeRaw`UPDATE "KpiResult" SET "modelVersionId" = ${w.modelVersionId}, "totalScore" = ${w.totalScore}, "band" = ${w.band}, "prorated" = ${w.prorated}, "inputs" = ${json(w.inputsJson)}, "contentHash" = ${w.contentHash}, "computedAt" = ${at(w.computedAt)} WHERE "id" = ${w.id} AND "frozen" = ${false}`;
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

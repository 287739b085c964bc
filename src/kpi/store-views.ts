// Reads behind the KPI card, the team board and the weekly snapshot job.

import type { Db, Prisma } from '../db/client.js';
import { sql } from './metrics/types.js';

export async function findResult(db: Db, employeeId: string, period: string) {
  return db.kpiResult.findUnique({
    where: { employeeId_period: { employeeId, period } },
    include: { modelVersion: { select: { version: true, model: { select: { code: true, name: true } } } } },
  });
}

export interface CardResult {
  id: string;
  totalScore: number | null;
  band: string | null;
  prorated: boolean;
  inputs: unknown;
  computedAt: Date;
  modelVersion: { version: number; model: { code: string; name: string } };
  /** The latest weekly snapshot's total in (window.after, window.upTo], when a window is given. */
  snapshotScore: number | null;
}

/**
 * What the KPI card shows, in one statement: the stored result, its model code and version, and
 * the snapshot "since last week" compares with (the card never computes).
 */
export async function findCardResult(
  db: Db,
  employeeId: string,
  period: string,
  snapshot: { after: string; upTo: string } | null,
): Promise<CardResult | null> {
  const snap = snapshot
    ? sql`(SELECT s."totalScore" FROM "KpiSnapshot" s WHERE s."employeeId" = r."employeeId" AND s."period" = r."period"
        AND s."takenOn" <= ${snapshot.upTo} AND s."takenOn" > ${snapshot.after} ORDER BY s."takenOn" DESC LIMIT 1)`
    : sql`NULL`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT r."id", r."totalScore", r."band", r."prorated",
      r."inputs", r."computedAt", v."version", m."code", m."name", ${snap} AS "snapshotScore"
    FROM "KpiResult" r JOIN "KpiModelVersion" v ON v."id" = r."modelVersionId" JOIN "KpiModel" m ON m."id" = v."modelId"
    WHERE r."employeeId" = ${employeeId} AND r."period" = ${period}`;
  const r = rows[0];
  if (!r) return null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    totalScore: num(r.totalScore),
    band: r.band === null || r.band === undefined ? null : String(r.band),
    prorated: r.prorated === true || r.prorated === 1 || r.prorated === 1n,
    inputs: typeof r.inputs === 'string' ? JSON.parse(r.inputs) : r.inputs,
    computedAt: r.computedAt instanceof Date ? r.computedAt : new Date(String(r.computedAt)),
    modelVersion: { version: Number(r.version), model: { code: String(r.code), name: String(r.name) } },
    snapshotScore: num(r.snapshotScore),
  };
}

export async function findResultById(db: Db, id: string) {
  return db.kpiResult.findUnique({
    where: { id },
    select: {
      id: true,
      employeeId: true,
      period: true,
      inputs: true,
      employee: { select: { name: true, teamId: true } },
    },
  });
}

export async function employeeName(db: Db, id: string): Promise<string | null> {
  return (await db.employee.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** The latest snapshot taken on or before a local date, for "change since last week". */
export async function snapshotOnOrBefore(db: Db, employeeId: string, period: string, date: string) {
  return db.kpiSnapshot.findFirst({
    where: { employeeId, period, takenOn: { lte: date } },
    orderBy: { takenOn: 'desc' },
    select: { totalScore: true, takenOn: true },
  });
}

export async function managedTeamIds(db: Db, managerId: string): Promise<string[]> {
  return (await db.team.findMany({ where: { managerId }, select: { id: true } })).map((t) => t.id);
}

export async function findTeam(db: Db, nameOrCode: string) {
  return db.team.findFirst({
    where: { OR: [{ id: nameOrCode }, { code: nameOrCode }, { name: nameOrCode }] },
    select: { id: true, name: true },
  });
}

export async function teamById(db: Db, id: string) {
  return db.team.findUnique({ where: { id }, select: { id: true, name: true } });
}

export async function teamResults(db: Db, teamId: string, periods: string[]) {
  return db.kpiResult.findMany({
    where: { period: { in: periods }, employee: { teamId } },
    select: {
      employeeId: true,
      period: true,
      totalScore: true,
      band: true,
      inputs: true,
      employee: { select: { name: true } },
    },
  });
}

export async function periodResults(db: Db, period: string) {
  return db.kpiResult.findMany({ where: { period }, select: { employeeId: true, totalScore: true, inputs: true } });
}

export async function saveSnapshots(
  db: Db,
  rows: { employeeId: string; period: string; takenOn: string; totalScore: number | null; metrics: unknown }[],
): Promise<number> {
  const existing = new Set(
    (
      await db.kpiSnapshot.findMany({
        where: { period: rows[0]?.period ?? '', takenOn: rows[0]?.takenOn ?? '' },
        select: { employeeId: true },
      })
    ).map((r) => r.employeeId),
  );
  const fresh = rows.filter((r) => !existing.has(r.employeeId));
  for (let i = 0; i < fresh.length; i += 500) {
    await db.kpiSnapshot.createMany({
      data: fresh.slice(i, i + 500).map((r) => ({ ...r, metrics: r.metrics as Prisma.InputJsonValue })),
    });
  }
  return fresh.length;
}

export async function listModelsWithVersions(db: Db) {
  return db.kpiModel.findMany({
    orderBy: { code: 'asc' },
    select: {
      code: true,
      name: true,
      department: { select: { name: true } },
      position: { select: { name: true } },
      versions: { select: { id: true, period: true, version: true, reason: true } },
    },
  });
}

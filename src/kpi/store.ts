// KPI models, versions and periods: the Prisma queries behind model import and `kpi weights`.
import type { Db, Prisma } from '../db/client.js';
import type { ModelDefinition } from './schemas.js';

export interface VersionRef {
  id: string;
  modelId: string;
  modelCode: string;
  period: string;
  version: number;
  departmentId: string | null;
  positionId: string | null;
}

export async function findScopeIds(db: Db, scope: ModelDefinition['scope']) {
  const department = scope.department
    ? await db.department.findUnique({ where: { code: scope.department }, select: { id: true } })
    : null;
  const position = scope.position
    ? await db.position.findUnique({ where: { code: scope.position }, select: { id: true } })
    : null;
  return { departmentId: department?.id ?? null, positionId: position?.id ?? null };
}

/** Adds a version of a model for a period; earlier periods keep theirs. */
export async function saveModelVersion(
  db: Db,
  input: {
    model: ModelDefinition;
    departmentId: string | null;
    positionId: string | null;
    period: string;
    createdById: string | null;
    reason: string | null;
  },
): Promise<VersionRef> {
  const { model } = input;
  const row = await db.kpiModel.upsert({
    where: { code: model.code },
    create: { code: model.code, name: model.name, departmentId: input.departmentId, positionId: input.positionId },
    update: { name: model.name, departmentId: input.departmentId, positionId: input.positionId },
  });
  const last = await db.kpiModelVersion.findFirst({
    where: { modelId: row.id, period: input.period },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = await db.kpiModelVersion.create({
    data: {
      modelId: row.id,
      period: input.period,
      version: (last?.version ?? 0) + 1,
      definition: model as unknown as Prisma.InputJsonValue,
      createdById: input.createdById,
      reason: input.reason,
    },
  });
  return {
    id: version.id,
    modelId: row.id,
    modelCode: row.code,
    period: version.period,
    version: version.version,
    departmentId: row.departmentId,
    positionId: row.positionId,
  };
}

export async function listVersions(db: Db): Promise<VersionRef[]> {
  const rows = await db.kpiModelVersion.findMany({
    select: {
      id: true,
      modelId: true,
      period: true,
      version: true,
      model: { select: { code: true, departmentId: true, positionId: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    modelId: r.modelId,
    modelCode: r.model.code,
    period: r.period,
    version: r.version,
    departmentId: r.model.departmentId,
    positionId: r.model.positionId,
  }));
}

export async function versionDefinition(db: Db, versionId: string): Promise<unknown> {
  const row = await db.kpiModelVersion.findUnique({ where: { id: versionId }, select: { definition: true } });
  return row?.definition ?? null;
}

export async function modelCount(db: Db): Promise<number> {
  return db.kpiModel.count();
}

export async function periodClosed(db: Db, period: string): Promise<boolean> {
  const row = await db.kpiPeriod.findUnique({ where: { period }, select: { status: true } });
  return row?.status === 'CLOSED';
}

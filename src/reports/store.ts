// The report feature's queries: people in scope, their KPI results and the period's status.

import type { Db, Prisma } from '../db/client.js';
import { closestNames, exactName } from '../shared/index.js';

export interface ResultRow {
  employeeId: string;
  employeeNo: string;
  name: string;
  departmentName: string | null;
  teamName: string | null;
  teamId: string | null;
  result: {
    totalScore: number | null;
    band: string | null;
    prorated: boolean;
    modelCode: string;
    modelName: string;
    modelVersion: number;
    contentHash: string;
    frozen: boolean;
    computedAt: Date;
    inputs: unknown;
  } | null;
}

function employeeSelect(period: string) {
  return {
    id: true,
    employeeNo: true,
    name: true,
    teamId: true,
    department: { select: { name: true } },
    team: { select: { name: true } },
    kpiResults: {
      where: { period },
      select: {
        totalScore: true,
        band: true,
        prorated: true,
        contentHash: true,
        frozen: true,
        computedAt: true,
        inputs: true,
        modelVersion: { select: { version: true, model: { select: { code: true, name: true } } } },
      },
    },
  } as const;
}

type EmployeeWithResult = Prisma.EmployeeGetPayload<{ select: ReturnType<typeof employeeSelect> }>;

function toRow(e: EmployeeWithResult): ResultRow {
  const r = e.kpiResults[0];
  return {
    employeeId: e.id,
    employeeNo: e.employeeNo,
    name: e.name,
    departmentName: e.department?.name ?? null,
    teamName: e.team?.name ?? null,
    teamId: e.teamId,
    result: r
      ? {
          totalScore: r.totalScore,
          band: r.band,
          prorated: r.prorated,
          modelCode: r.modelVersion.model.code,
          modelName: r.modelVersion.model.name,
          modelVersion: r.modelVersion.version,
          contentHash: r.contentHash,
          frozen: r.frozen,
          computedAt: r.computedAt,
          inputs: r.inputs,
        }
      : null,
  };
}

/**
 * Everyone matching `where` with their result for the period, by employee number. People who
 * have left appear only when they have a result for the period (their last month still pays).
 */
export async function loadResultRows(db: Db, where: Prisma.EmployeeWhereInput, period: string): Promise<ResultRow[]> {
  const employees = await db.employee.findMany({
    where: { AND: [where, { OR: [{ status: { not: 'LEFT' } }, { kpiResults: { some: { period } } }] }] },
    select: employeeSelect(period),
    orderBy: { employeeNo: 'asc' },
  });
  return employees.map(toRow);
}

export async function managedTeamIds(db: Db, employeeId: string): Promise<string[]> {
  const teams = await db.team.findMany({ where: { managerId: employeeId }, select: { id: true } });
  return teams.map((t) => t.id);
}

export async function findDepartment(db: Db, text: string) {
  const select = { id: true, name: true, teams: { select: { id: true } } } as const;
  const exact = await db.department.findFirst({
    where: { OR: [{ name: text }, { code: text.toUpperCase() }, { id: text }] },
    select,
  });
  if (exact) return exact;
  // by pinyin: "shouhoufuwubu" is 售后服务部
  const named = exactName(text, await db.department.findMany({ select: { id: true, name: true } }));
  return named ? db.department.findUnique({ where: { id: named.id }, select }) : null;
}

/** People by exact name, employee number or id; several when a name is shared. Else by pinyin (liming → 李明). */
export async function findPeople(db: Db, text: string) {
  const exact = await db.employee.findMany({
    where: { OR: [{ name: text }, { employeeNo: text.toUpperCase() }, { id: text }] },
    select: { id: true, name: true, employeeNo: true, teamId: true },
    orderBy: { employeeNo: 'asc' },
    take: 5,
  });
  if (exact.length > 0) return exact;
  const byPinyin = exactName(text, await everyone(db));
  return byPinyin ? [byPinyin] : [];
}

function everyone(db: Db) {
  return db.employee.findMany({
    where: { leftDate: null },
    select: { id: true, name: true, employeeNo: true, teamId: true },
    orderBy: { employeeNo: 'asc' },
  });
}

/** The people someone may have meant (part of the name, pinyin, initials, a near miss), within `visible`. */
export async function suggestPeople(
  db: Db,
  text: string,
  visible: (p: { id: string; teamId: string | null }) => boolean,
) {
  return closestNames(text, (await everyone(db)).filter(visible), 5);
}

/** The departments someone may have meant; a team's name suggests the department it belongs to. */
export async function suggestDepartments(db: Db, text: string): Promise<string[]> {
  const departments = await db.department.findMany({ select: { name: true } });
  const teams = await db.team.findMany({ select: { name: true, department: { select: { name: true } } } });
  const direct = closestNames(text, departments, 5).map((d) => d.name);
  const viaTeam = closestNames(text, teams, 3).flatMap((t) => (t.department ? [t.department.name] : []));
  return [...new Set([...viaTeam, ...direct])].slice(0, 5);
}

export async function findPeriod(db: Db, period: string) {
  return db.kpiPeriod.findUnique({ where: { period } });
}

/** Scores of these people over these months, for trend charts. */
export async function loadScores(db: Db, employeeIds: readonly string[], periods: readonly string[]) {
  return db.kpiResult.findMany({
    where: { employeeId: { in: [...employeeIds] }, period: { in: [...periods] } },
    select: { employeeId: true, period: true, totalScore: true },
  });
}

// The quality feature's reads and writes over QualityError and Appeal.
import type { ErrorView } from '../../cards/quality-cards.js';
import type { Db } from '../db/client.js';
import { localDate } from '../time/zoned.js';
import { consequenceOf, errorRef } from './rules.js';

export const errorSelect = {
  id: true,
  employeeId: true,
  grade: true,
  attribution: true,
  status: true,
  category: true,
  description: true,
  occurredAt: true,
  recordedById: true,
  createdAt: true,
  employee: { select: { name: true, timeZone: true, teamId: true, managerId: true } },
  recordedBy: { select: { name: true } },
} as const;

type ErrorRow = Awaited<ReturnType<typeof loadError>> & {};

export function loadError(db: Db, id: string) {
  return db.qualityError.findUnique({ where: { id }, select: errorSelect });
}

/** An error by the short ref people type; null when none or several match. */
export async function findErrorByRef(db: Db, ref: string) {
  const rows = await db.qualityError.findMany({
    where: { id: { endsWith: ref.toLowerCase() } },
    select: errorSelect,
    take: 2,
  });
  return rows.length === 1 ? rows[0] : null;
}

export function toView(row: NonNullable<ErrorRow>, timeZone: string): ErrorView {
  const consequence = consequenceOf(row);
  return {
    id: row.id,
    ref: errorRef(row.id),
    personName: row.employee.name,
    date: localDate(row.occurredAt, timeZone),
    grade: row.grade,
    attribution: row.attribution,
    status: row.status,
    category: row.category,
    description: row.description,
    consequence: consequence.deducts ? 'deducts' : consequence.processImprovement ? 'process' : 'none',
    ...(row.recordedBy ? { recordedBy: row.recordedBy.name } : {}),
  };
}

/** People by exact name, employee number or id (several when a name is shared). */
export function findPeople(db: Db, text: string) {
  return db.employee.findMany({
    where: { OR: [{ name: text }, { employeeNo: text.toUpperCase() }, { id: text }], status: { not: 'LEFT' } },
    select: { id: true, name: true, employeeNo: true, teamId: true, managerId: true, timeZone: true },
    orderBy: { employeeNo: 'asc' },
    take: 5,
  });
}

const DAY_MS = 86_400_000;

/** What helps a supervisor judge person vs process: related training and similar recent errors. */
export async function attributionHelp(
  db: Db,
  person: { id: string; name: string; teamId: string | null },
  category: string,
  now: Date,
) {
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const [trainings, own, team] = await Promise.all([
    db.trainingRecord.findMany({
      where: { employeeId: person.id, enrolledAt: { gte: new Date(now.getTime() - 180 * DAY_MS) } },
      select: { courseName: true },
      orderBy: { enrolledAt: 'desc' },
      take: 5,
    }),
    db.qualityError.count({ where: { employeeId: person.id, category, occurredAt: { gte: since } } }),
    person.teamId
      ? db.qualityError.findMany({
          where: { category, occurredAt: { gte: since }, employee: { teamId: person.teamId } },
          select: { employeeId: true },
        })
      : Promise.resolve([]),
  ]);
  return {
    personName: person.name,
    trainings: [...new Set(trainings.map((t) => t.courseName))],
    similarOwn: own,
    similarTeam: team.length,
    similarTeamPeople: new Set(team.map((e) => e.employeeId)).size,
  };
}

/**
 * Who decides an appeal: the person's manager (their team's manager, else their own manager),
 * or HR when that manager recorded the error or there is none.
 */
export async function reviewerFor(
  db: Db,
  error: {
    employeeId: string;
    recordedById: string | null;
    employee: { teamId: string | null; managerId: string | null };
  },
): Promise<{ id: string; name: string } | null> {
  const team = error.employee.teamId
    ? await db.team.findUnique({ where: { id: error.employee.teamId }, select: { managerId: true } })
    : null;
  const managerId = [team?.managerId, error.employee.managerId].find(
    (id): id is string => Boolean(id) && id !== error.employeeId,
  );
  if (managerId && managerId !== error.recordedById) {
    const manager = await db.employee.findUnique({
      where: { id: managerId },
      select: { id: true, name: true, status: true },
    });
    if (manager && manager.status !== 'LEFT') return { id: manager.id, name: manager.name };
  }
  return db.employee.findFirst({
    where: {
      role: 'HR',
      status: { not: 'LEFT' },
      id: { notIn: [error.employeeId, ...(error.recordedById ? [error.recordedById] : [])] },
    },
    select: { id: true, name: true },
    orderBy: { employeeNo: 'asc' },
  });
}

// `departments` / `部门列表` and `teams` / `团队列表` (managers, HR, admins): the names they may use in other
// commands — HR and admins see all, a manager the teams in their charge. Employees are left out so
// their help card stays within WeCom's template-card limits (they only ever see their own team).
import type { Card } from '../../cards/card.js';
import { directoryCard } from '../../cards/directory-card.js';
import type { Feature } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import type { Db } from '../db/client.js';
import type { Access } from '../kit/index.js';

export const DIRECTORY_COMMANDS = { departments: 'directory.departments', teams: 'directory.teams' } as const;

async function visibleTeams(db: Db, access: Access, ctx: CommandContext) {
  const scope = await access.scope(ctx.actor);
  const teams = await db.team.findMany({
    select: {
      id: true,
      name: true,
      departmentId: true,
      department: { select: { name: true } },
      manager: { select: { name: true } },
      _count: { select: { members: { where: { leftDate: null } } } },
    },
    orderBy: { name: 'asc' },
  });
  const own = ctx.actor.teamId;
  return teams.filter((x) => scope.all || scope.teamIds.has(x.id) || x.id === own);
}

async function teams(db: Db, access: Access, ctx: CommandContext): Promise<Card[]> {
  const rows = (await visibleTeams(db, access, ctx)).map((x) => ({
    name: x.name,
    parent: x.department?.name ?? null,
    manager: x.manager?.name ?? null,
    people: x._count.members,
  }));
  return [directoryCard({ kind: 'teams', rows }, ctx.t)];
}

async function departments(db: Db, access: Access, ctx: CommandContext): Promise<Card[]> {
  const scope = await access.scope(ctx.actor);
  const list = await db.department.findMany({
    select: { id: true, name: true, _count: { select: { employees: { where: { leftDate: null } } } } },
    orderBy: { name: 'asc' },
  });
  const mine = new Set((await visibleTeams(db, access, ctx)).map((x) => x.departmentId));
  if (ctx.actor.departmentId) mine.add(ctx.actor.departmentId);
  const rows = list
    .filter((d) => scope.all || mine.has(d.id))
    .map((d) => ({ name: d.name, parent: null, manager: null, people: d._count.employees }));
  return [directoryCard({ kind: 'departments', rows }, ctx.t)];
}

export const directory: Feature = (kit) => {
  kit.commands.register({
    id: DIRECTORY_COMMANDS.departments,
    aliases: ['departments', '部门列表', 'depts'],
    roles: ['MANAGER', 'HR', 'ADMIN'],
    usage: 'departments / 部门列表',
    describe: 'names.command.departments',
    handle: (ctx) => departments(kit.db, kit.access, ctx),
  });
  kit.commands.register({
    id: DIRECTORY_COMMANDS.teams,
    aliases: ['teams', '团队列表'],
    roles: ['MANAGER', 'HR', 'ADMIN'],
    usage: 'teams / 团队列表',
    describe: 'names.command.teams',
    handle: (ctx) => teams(kit.db, kit.access, ctx),
  });
};

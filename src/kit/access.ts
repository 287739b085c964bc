// `kit.access`: the one answer to "may this actor see or act on this employee, team or
// department". Employees: themselves. Managers: the teams they manage (and those teams' members)
// plus everyone whose managerId chain leads to them, and the teams those people manage. HR and
// admins: everyone. Features ask here instead of keeping their own copies of the rule.
import type { Role } from '../bot/actor.js';
import type { Db } from '../db/client.js';

export interface AccessActor {
  id: string;
  role: Role;
}

/** What an actor may see: everything, or these people and teams. */
export type AccessScope =
  | { all: true }
  | { all: false; employeeIds: ReadonlySet<string>; teamIds: ReadonlySet<string> };

export interface Access {
  scope(actor: AccessActor): Promise<AccessScope>;
  employee(actor: AccessActor, employeeId: string): Promise<boolean>;
  team(actor: AccessActor, teamId: string): Promise<boolean>;
  /** The department's teams this actor may see: all of them for HR, none for an employee. */
  departmentTeams(actor: AccessActor, departmentId: string): Promise<string[]>;
}

// Deep enough for any real org chart; it also stops a managerId cycle entered by mistake.
const MAX_DEPTH = 32;

export function createAccess(db: Db): Access {
  async function scope(actor: AccessActor): Promise<AccessScope> {
    if (actor.role === 'HR' || actor.role === 'ADMIN') return { all: true };
    const employeeIds = new Set([actor.id]);
    const teamIds = new Set<string>();
    if (actor.role !== 'MANAGER') return { all: false, employeeIds, teamIds };
    // Walk down the reporting lines; at each level add the teams those people manage and their members.
    let frontier = [actor.id];
    for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
      const teams = await db.team.findMany({ where: { managerId: { in: frontier } }, select: { id: true } });
      const newTeams = teams.map((t) => t.id).filter((id) => !teamIds.has(id));
      for (const id of newTeams) teamIds.add(id);
      const people = await db.employee.findMany({
        where: { OR: [{ managerId: { in: frontier } }, ...(newTeams.length ? [{ teamId: { in: newTeams } }] : [])] },
        select: { id: true },
      });
      frontier = people.map((p) => p.id).filter((id) => !employeeIds.has(id));
      for (const id of frontier) employeeIds.add(id);
    }
    return { all: false, employeeIds, teamIds };
  }

  return {
    scope,
    async employee(actor, employeeId) {
      if (actor.id === employeeId) return true;
      const s = await scope(actor);
      return s.all || s.employeeIds.has(employeeId);
    },
    async team(actor, teamId) {
      const s = await scope(actor);
      return s.all || s.teamIds.has(teamId);
    },
    async departmentTeams(actor, departmentId) {
      const teams = await db.team.findMany({ where: { departmentId }, select: { id: true } });
      const s = await scope(actor);
      return teams.map((t) => t.id).filter((id) => s.all || s.teamIds.has(id));
    },
  };
}

import type { Db } from '../db/client.js';
import type { Role } from '../db/generated/sqlite/enums.js';
import { isLocale, type Locale } from '../i18n/index.js';
import type { BotEvent } from './event.js';

/** The employee behind an event, with what the bot needs to answer them. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  teamId: string | null;
  departmentId: string | null;
}

export type { Role };

export async function resolveActor(db: Db, event: BotEvent, fallbackLocale: Locale): Promise<Actor | null> {
  const select = {
    id: true,
    name: true,
    role: true,
    locale: true,
    timeZone: true,
    teamId: true,
    departmentId: true,
    status: true,
  } as const;
  const employee = event.user.employeeId
    ? await db.employee.findUnique({ where: { id: event.user.employeeId }, select })
    : (
        await db.chatIdentity.findUnique({
          where: {
            platform_platformUserId: {
              platform: event.platform.toUpperCase() as 'SLACK',
              platformUserId: event.user.platformUserId,
            },
          },
          select: { employee: { select } },
        })
      )?.employee;
  if (!employee || employee.status === 'LEFT') return null;
  return {
    id: employee.id,
    name: employee.name,
    role: employee.role,
    locale: isLocale(employee.locale) ? employee.locale : fallbackLocale,
    timeZone: employee.timeZone,
    teamId: employee.teamId,
    departmentId: employee.departmentId,
  };
}

const RANK: Record<Role, number> = { EMPLOYEE: 0, MANAGER: 1, HR: 2, ADMIN: 3 };

/** Roles are separate permissions, not a ladder, except that ADMIN may do everything. */
export function allows(roles: readonly Role[], role: Role): boolean {
  return role === 'ADMIN' || roles.includes(role);
}

export function roleRank(role: Role): number {
  return RANK[role];
}

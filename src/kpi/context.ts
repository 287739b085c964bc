import type { Logger } from 'pino';
import type { Audit } from '../audit/audit.js';
import type { Actor } from '../bot/actor.js';
import type { Db } from '../db/client.js';
import { KaopuError } from '../errors.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { periodOf } from '../time/period.js';
import { localDate } from '../time/zoned.js';
import type { KpiEngine } from './compute.js';
import { periodSchema } from './schemas.js';

export interface KpiDeps {
  db: Db;
  provider: 'sqlite' | 'postgres';
  audit: Audit;
  logger: Logger;
  now: () => Date;
  /** Local zone for "this month" in jobs; people use their own. */
  timeZone?: string;
  /** The app's job scheduler; KPI jobs register on it. */
  jobs?: Scheduler;
}

/** What every KPI handler needs: the engine plus a promise that default models are in place. */
export interface KpiContext {
  deps: KpiDeps;
  engine: KpiEngine;
  ready(): Promise<void>;
}

export function currentPeriod(now: Date, timeZone: string): string {
  return periodOf(localDate(now, timeZone));
}

export function parsePeriod(word: string | undefined, actor: Actor, now: Date): string {
  if (!word) return currentPeriod(now, actor.timeZone);
  const parsed = periodSchema.safeParse(word);
  if (!parsed.success) throw new KaopuError('kpi.error.bad_period');
  return parsed.data;
}

/** Own results always; a manager their team's; HR and admins everyone's. */
export function mayRead(actor: Actor, subject: { id: string; teamId: string | null }, managed: string[]): boolean {
  if (actor.id === subject.id) return true;
  if (actor.role === 'HR' || actor.role === 'ADMIN') return true;
  return actor.role === 'MANAGER' && subject.teamId !== null && managed.includes(subject.teamId);
}

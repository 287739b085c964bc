import type { Logger } from 'pino';
import type { Audit } from '../audit/audit.js';
import type { Actor } from '../bot/actor.js';
import type { Db } from '../db/client.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { KpiEngine } from './compute.js';
import type { MetricRegistry } from './metrics/index.js';
import type { KpiScheduler } from './scheduler.js';

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
  /** The metric families the features registered. */
  metrics: MetricRegistry;
  /** Quiet time before people marked dirty are recomputed; 2 s by default. */
  recomputeDelayMs?: number | undefined;
}

/** What every KPI handler needs: the engine plus a promise that default models are in place. */
export interface KpiContext {
  deps: KpiDeps;
  engine: KpiEngine;
  ready(): Promise<void>;
  /** Reads never compute; they mark what is missing dirty here. */
  scheduler: Pick<KpiScheduler, 'markDirty'>;
}

/** Own results always; a manager their team's; HR and admins everyone's. */
export function mayRead(actor: Actor, subject: { id: string; teamId: string | null }, managed: string[]): boolean {
  if (actor.id === subject.id) return true;
  if (actor.role === 'HR' || actor.role === 'ADMIN') return true;
  return actor.role === 'MANAGER' && subject.teamId !== null && managed.includes(subject.teamId);
}

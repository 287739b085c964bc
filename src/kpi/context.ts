import type { Logger } from 'pino';
import type { Audit } from '../audit/audit.js';
import type { Actor } from '../bot/actor.js';
import type { Db } from '../db/client.js';
import { KaopuError } from '../errors.js';
import type { Access } from '../kit/access.js';
import { localDate, periodOf } from '../time/zoned.js';
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
  /** Who may see whose results (the kit's one rule). */
  access: Access;
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

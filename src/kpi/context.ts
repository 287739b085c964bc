import type { Logger } from 'pino';
import type { Audit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import type { Access } from '../kit/index.js';
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
  /** The metric families the features registered. */
  metrics: MetricRegistry;
  /** Quiet time before people marked dirty are recomputed; 2 s by default. */
  recomputeDelayMs?: number | undefined;
  /** Who may see whose results (the kit's one rule). */
  access: Access;
}

/** What every KPI handler needs: the engine plus a promise that default models are in place. */
export interface KpiContext {
  deps: KpiDeps;
  engine: KpiEngine;
  ready(): Promise<void>;
  /** Reads never compute; they mark what is missing dirty here. */
  scheduler: Pick<KpiScheduler, 'markDirty'>;
}

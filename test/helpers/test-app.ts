import pino, { type Logger } from 'pino';
import { afterAll } from 'vitest';
import { type App, buildApp } from '../../src/app.js';
import type { Adapter } from '../../src/bot/adapter.js';
import type { Feature } from '../../src/bot/feature.js';
import { type Config, loadConfig } from '../../src/config.js';
import { FEATURES } from '../../src/features.js';
import { KPI_RUNTIME, type KpiRuntime } from '../../src/kpi/index.js';
import { cloneTemplate, ROOT, TEST_TODAY, type TestDatabase } from './test-db.js';

export interface TestAppOptions {
  env?: Record<string, string>;
  adapters?: Adapter[];
  now?: () => Date;
  kpiRecomputeDelayMs?: number;
  pipelineLimits?: { concurrency: number; maxWaiting: number };
  /** Logs somewhere other than nowhere (the log-scan test reads them). */
  logger?: Logger;
  /** Features run after the default ones (src/features.ts), through the same kit. */
  extraFeatures?: readonly Feature[];
  /** Registers extra routes (a page, an API group) before the server is ready. */
  beforeReady?: (app: App) => void | Promise<void>;
}

export interface TestApp extends App {
  config: Config;
  /** The KPI feature's runtime (engine context, scheduler, registry), as the kit provides it. */
  kpi: KpiRuntime;
  database: TestDatabase;
}

/**
 * The real app on a private copy of the seeded demo database, driven through `server.inject()`.
 * Closed (and its database dropped) after the file's tests.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await cloneTemplate();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env, DATABASE_URL: database.url });
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = await buildApp({
    config,
    logger,
    root: ROOT,
    now: options.now ?? (() => TEST_TODAY),
    adapters: options.adapters,
    kpiRecomputeDelayMs: options.kpiRecomputeDelayMs,
    pipelineLimits: options.pipelineLimits,
    features: [...FEATURES, ...(options.extraFeatures ?? [])],
  });
  await options.beforeReady?.(app);
  await app.server.ready();
  afterAll(async () => {
    await app.close();
    await database.drop();
  });
  const kpi = app.kit.services.get(KPI_RUNTIME);
  if (!kpi) throw new Error('the kpi feature is not installed');
  return { ...app, config, database, kpi };
}

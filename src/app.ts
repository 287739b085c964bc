import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { consoleAccess, consoleCheck } from '../adapters/console/auth.js';
import { createConsoleAdapter } from '../adapters/console/index.js';
import { createDingtalkAdapter } from '../adapters/dingtalk/index.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createWecomAdapter } from '../adapters/wecom/index.js';
import { type Audit, createAudit } from './audit/audit.js';
import type { Adapter, AdapterContext } from './bot/adapter.js';
import { Bot } from './bot/bot.js';
import type { PlatformName } from './bot/event.js';
import type { Feature, FeatureKit } from './bot/feature.js';
import { createInbox, type Inbox } from './bot/inbox.js';
import { createLimiters, type Limiters } from './bot/limiters.js';
import { Outbox } from './bot/outbox.js';
import { createPipeline, INBOUND_GRACE_MS, type Pipeline } from './bot/pipeline.js';
import { warmDatabase } from './bot/warm.js';
import { type Config, isDemoMode } from './config.js';
import { type Db, openDb, tuneDb } from './db/client.js';
import { type DatabaseTarget, resolveDatabaseTarget } from './db/database-url.js';
import { migrationStatus } from './db/migrations.js';
import { FEATURES } from './features.js';
import { apiKeyCheck, auditApiRefusal } from './http/api-key-guard.js';
import { type ApiKeyStore, createApiKeyStore } from './http/api-keys.js';
import { createRateLimiter, createRedisRateLimiter } from './http/api-rate-limit.js';
import { keepRawBody, signatureCheck } from './http/api-signature.js';
import { healthRoutes } from './http/health.js';
import { createOpenApiRegistry, type OpenApiRegistry, openApiRoute } from './http/openapi.js';
import type { GuardedRoute } from './http/route-guard.js';
import { createServer } from './http/server.js';
import { Scheduler } from './jobs/scheduler.js';
import { buildKit, type KitDeps } from './kit/build-kit.js';
import type { EventDispatcher } from './kit/event-dispatcher.js';
import { linkSigningSecret } from './kit/links.js';
import { createMetricRegistry } from './kpi/index.js';
import { createOpsMetrics, type OpsMetrics } from './ops/metrics.js';
import { metricsRoutes } from './ops/metrics-routes.js';

/** How far back a listener added in a new release picks up events it never had a delivery for. */
const EVENT_BACKFILL_MS = 7 * 24 * 3_600_000;

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Repository root: where prisma/ lives. */
  root: string;
  now?: () => Date;
  /** Extra adapters (tests); platform adapters are built from config. */
  adapters?: Adapter[];
  /** Reuse an open database (tests share one per file). */
  db?: Db;
  /** Quiet time before people marked dirty are recomputed (tests lengthen it and flush by hand). */
  kpiRecomputeDelayMs?: number;
  /** The features to run; src/features.ts by default (tests add their own). */
  features?: readonly Feature[];
  /** Event dispatcher timings (tests shorten the backoff). */
  events?: KitDeps['events'];
  /** Overrides the inbound pipeline's limits (tests fill the queue with small numbers). */
  pipelineLimits?: { concurrency: number; maxWaiting: number };
  /** Process metrics (memory, CPU, event loop) on /metrics; main.ts turns them on. */
  processMetrics?: boolean;
}

export interface App {
  server: FastifyInstance;
  db: Db;
  bot: Bot;
  outbox: Outbox;
  audit: Audit;
  scheduler: Scheduler;
  adapters: ReadonlyMap<PlatformName, Adapter>;
  target: DatabaseTarget;
  /** The kit the features were given (tests notify and emit through it). */
  kit: FeatureKit;
  events: EventDispatcher;
  inbox: Inbox;
  pipeline: Pipeline;
  limiters: Limiters;
  apiKeys: ApiKeyStore;
  /** The /api/v1 operations registered so far, for GET /api/v1/openapi.json. */
  openapi: OpenApiRegistry;
  /** Every registered route with its guard. */
  routes: readonly GuardedRoute[];
  /** What GET /metrics reports. */
  metrics: OpsMetrics;
  /** Delivers stored inbound events left unanswered for longer than the grace period. */
  recoverInbound(): Promise<number>;
  /** Starts background work (outbox polling, platform connections). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the whole app from config, the same way for `npm start` and for tests. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, logger, root } = options;
  const now = options.now ?? (() => new Date());
  const target = resolveDatabaseTarget(config.databaseUrl, root);
  const ownsDb = !options.db;
  const db = options.db ?? openDb(target);
  await tuneDb(db, target).catch((err) => logger.warn({ err: (err as Error).message }, 'database tuning skipped'));
  const audit = createAudit(db, now);
  const bot = new Bot({ db, logger, audit, defaultLocale: config.locale, now });
  const metrics = createOpsMetrics({ db, processMetrics: options.processMetrics });
  const scheduler = new Scheduler({ db, logger, now, schedules: config.jobSchedules, onRun: metrics.observeJob });

  const limiters = createLimiters(config.redisUrl);
  const adapters = new Map<PlatformName, Adapter>();
  const consoleMode = consoleAccess(isDemoMode(config), config.consoleToken);
  adapters.set('console', createConsoleAdapter({ db, audit, access: consoleMode, token: config.consoleToken, now }));
  if (config.dingtalk) adapters.set('dingtalk', createDingtalkAdapter({ config: config.dingtalk, db, now, limiters }));
  if (config.wecom) {
    adapters.set('wecom', createWecomAdapter({ config: config.wecom, logger, now, limiters }));
  }
  if (config.slack)
    adapters.set('slack', createSlackAdapter({ config: config.slack, logger, now, locale: config.locale, limiters }));
  for (const adapter of options.adapters ?? []) adapters.set(adapter.platform, adapter);
  for (const [platform, adapter] of adapters) adapters.set(platform, metrics.instrumentAdapter(adapter));

  const outbox = new Outbox({ db, logger, adapters, now, provider: target.provider });
  const apiKeys = createApiKeyStore(db, audit, now);
  const openapi = createOpenApiRegistry();
  const signingSecret = config.api?.signingSecret;
  const perMinute = config.api?.rateLimitPerMinute ?? 600;
  // One budget per key across replicas when Redis is there (as the platform limiters are).
  const apiRateLimit = config.redisUrl
    ? createRedisRateLimiter(config.redisUrl, perMinute, logger)
    : createRateLimiter(perMinute);
  const { server, routes } = createServer(logger, {
    console: consoleCheck(consoleMode, config.consoleToken),
    apiKey: apiKeyCheck(apiKeys, { audit, rateLimit: apiRateLimit }),
    ...(signingSecret
      ? {
          apiBody: {
            keep: keepRawBody,
            check: signatureCheck({
              secret: signingSecret,
              db,
              now,
              refused: (request, reason) =>
                request.apiKey
                  ? auditApiRefusal(audit, request.apiKey, request, `signature ${reason}`)
                  : Promise.resolve(),
            }),
          },
        }
      : {}),
  });
  metricsRoutes(server, metrics);

  const runtime = buildKit({
    db,
    provider: target.provider,
    logger,
    now,
    config: {
      timeZone: config.timeZone,
      locale: config.locale,
      publicBaseUrl: config.publicBaseUrl,
      surveys: config.surveys,
      sourcesDir: config.sourcesDir ?? resolve(root, 'sources'),
      sourceSecrets: config.sourceSecrets,
    },
    limiters,
    bot,
    scheduler,
    outbox,
    audit,
    server,
    linkSecret: linkSigningSecret(config.linkSigningSecret, logger),
    openapi,
    // Empty until the features register their metric families (kit.kpi.metrics).
    metrics: createMetricRegistry(),
    kpiRecomputeDelayMs: options.kpiRecomputeDelayMs,
    databaseUrl: target.url,
    // Real platforms first; the console only reaches people when nothing else does.
    platforms: [...[...adapters.keys()].filter((p) => p !== 'console'), 'console'],
    consoleReachesEveryone: consoleMode === 'open',
    lookupUser: async (platform, id) => (await adapters.get(platform)?.lookupUser?.(id)) ?? null,
    directoryOf: (platform) => adapters.get(platform)?.directory ?? null,
    events: options.events,
  });
  for (const feature of options.features ?? FEATURES) await feature(runtime.kit);
  const inbox = createInbox(db, now, target.provider);
  const pipeline = createPipeline({ inbox, bot, outbox, logger, now, limits: options.pipelineLimits });
  const context: AdapterContext = { logger, ...pipeline };
  const recoverInbound = () => pipeline.recover();
  let recoveryTimer: NodeJS.Timeout | undefined;

  let migrationsCurrent = false;
  healthRoutes(server, {
    pingDb: async () => {
      await db.$queryRawUnsafe('SELECT 1');
    },
    migrationsCurrent: async () => {
      if (migrationsCurrent) return { current: true };
      const status = await migrationStatus(root, target);
      migrationsCurrent = status.current;
      return status.current ? { current: true } : { current: false, reason: status.reason };
    },
  });
  for (const adapter of adapters.values()) {
    await adapter.mount(server, metrics.instrumentInbound(context, adapter.platform));
  }
  openApiRoute(server, openapi, { title: 'Kaopu HR API', version: '1' });

  return {
    server,
    db,
    bot,
    outbox,
    audit,
    scheduler,
    adapters,
    target,
    kit: runtime.kit,
    events: runtime.events,
    inbox,
    pipeline,
    limiters,
    apiKeys,
    openapi,
    routes,
    metrics,
    recoverInbound,
    async start() {
      await warmDatabase(db, target.provider);
      await outbox.recover();
      await recoverInbound();
      recoveryTimer = setInterval(() => void recoverInbound().catch(() => {}), INBOUND_GRACE_MS);
      recoveryTimer.unref();
      outbox.start();
      await runtime.events.backfill(new Date(now().getTime() - EVENT_BACKFILL_MS));
      runtime.events.start();
      scheduler.start();
      for (const adapter of adapters.values()) await adapter.start?.();
    },
    async close() {
      if (recoveryTimer) clearInterval(recoveryTimer);
      await server.close();
      await pipeline.idle();
      await scheduler.stop();
      await runtime.stop();
      for (const adapter of adapters.values()) await adapter.stop?.();
      await outbox.stop();
      await limiters.close();
      await apiRateLimit.close();
      if (ownsDb) await db.$disconnect();
    },
  };
}

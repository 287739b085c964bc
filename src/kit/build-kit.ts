// Builds the one FeatureKit every feature gets, and the background work it owns (the event
// dispatcher). Called by src/app.ts between the adapters and the features.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Audit } from '../audit/audit.js';
import type { PlatformDirectory, PlatformProfile } from '../bot/adapter.js';
import type { Bot } from '../bot/bot.js';
import type { PlatformName } from '../bot/event.js';
import type { FeatureConfig, FeatureKit } from '../bot/feature.js';
import type { Limiters } from '../bot/limiters.js';
import type { Outbox } from '../bot/outbox.js';
import type { Db } from '../db/client.js';
import { apiRoutes } from '../http/api-routes.js';
import type { OpenApiRegistry } from '../http/openapi.js';
import { pageRoutes } from '../http/page-routes.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { MetricRegistry } from '../kpi/index.js';
import { createRecords } from '../records/index.js';
import { createAccess } from './access.js';
import { createKitAudit } from './audit.js';
import { createKitCommands } from './commands.js';
import { createEventDispatcher, type DispatcherOptions, type EventDispatcher } from './event-dispatcher.js';
import { createEvents } from './events.js';
import { createLinks } from './links.js';
import { createNotify } from './notify.js';
import { createServices } from './services.js';

export interface KitDeps {
  db: Db;
  provider: 'sqlite' | 'postgres';
  logger: Logger;
  now: () => Date;
  config: FeatureConfig;
  bot: Bot;
  scheduler: Scheduler;
  outbox: Outbox;
  audit: Audit;
  server: FastifyInstance;
  linkSecret: string;
  limiters: Limiters;
  /** The OpenAPI document routes declared through `http` are recorded in. */
  openapi: OpenApiRegistry;
  /** The KPI metric registry features add their families to. */
  metrics: MetricRegistry;
  kpiRecomputeDelayMs?: number | undefined;
  /** The app's database (absolute URL), for the KPI recompute worker. */
  databaseUrl?: string | undefined;
  /** Configured platforms, preferred first (the console last). */
  platforms: readonly PlatformName[];
  consoleReachesEveryone: boolean;
  /** Asks the platform's adapter about one of its users (null when the adapter cannot). */
  lookupUser?: (platform: PlatformName, platformUserId: string) => Promise<PlatformProfile | null>;
  /** The platform adapter's directory, if it has one. */
  directoryOf?: (platform: PlatformName) => PlatformDirectory | null;
  /** Dispatcher timings (tests shorten them). */
  events?: Pick<DispatcherOptions, 'baseDelayMs' | 'maxDelayMs' | 'maxAttempts' | 'leaseMs'>;
}

export interface KitRuntime {
  kit: FeatureKit;
  events: EventDispatcher;
  stop(): Promise<void>;
}

export function buildKit(deps: KitDeps): KitRuntime {
  const { db, logger, now, bot, outbox } = deps;
  const audit = createKitAudit(deps.audit);
  const events = createEvents(now);
  const dispatcher = createEventDispatcher({ db, logger, now, listeners: events.listeners, ...deps.events });
  const stops: (() => void | Promise<void>)[] = [];
  const kit: FeatureKit = {
    commands: createKitCommands(bot.registry, audit),
    actions: {
      register: (spec) => bot.registry.action(spec),
      list: () => [...bot.registry.actions.values()],
    },
    onLocation: (spec) => bot.registry.onLocation(spec),
    onUnknownUser: (spec) => bot.registry.onUnknownUser(spec),
    platformUsers: {
      lookup: async (platform, id) => (await deps.lookupUser?.(platform, id)) ?? null,
      directory: (platform) => deps.directoryOf?.(platform) ?? null,
    },
    jobs: { register: (spec) => deps.scheduler.register(spec) },
    notify: createNotify({
      db,
      logger,
      audit: deps.audit,
      platforms: deps.platforms,
      defaultLocale: deps.config.locale,
      consoleReachesEveryone: deps.consoleReachesEveryone,
      enqueue: (message) => outbox.enqueue(message),
      kick: () => void outbox.drain().catch((err) => logger.error({ err }, 'outbox drain failed')),
    }),
    events,
    access: createAccess(db),
    audit,
    links: createLinks({ db, secret: deps.linkSecret, now }),
    services: createServices(),
    http: {
      page: (prefix, routes) => pageRoutes(deps.server, prefix, routes, deps.openapi),
      api: (scope, routes) => apiRoutes(deps.server, scope, routes, deps.openapi),
    },
    mountRoutes: (register) => register(deps.server),
    kpi: {
      metrics: (family) => deps.metrics.register(family),
      registry: deps.metrics,
      recomputeDelayMs: deps.kpiRecomputeDelayMs,
      databaseUrl: deps.databaseUrl,
    },
    limiters: deps.limiters,
    records: createRecords({ db, events, now, logger }),
    onStop: (stop) => void stops.push(stop),
    db,
    provider: deps.provider,
    logger,
    now,
    config: deps.config,
  };
  return {
    kit,
    events: dispatcher,
    async stop() {
      await dispatcher.stop();
      for (const stop of stops.splice(0).reverse()) await stop();
    },
  };
}

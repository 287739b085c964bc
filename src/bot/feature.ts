// The feature seam: a feature is a function over one kit, as a probot app is a function over
// `(app, { getRouter })`. Everything a feature plugs into comes from the kit, so src/app.ts
// never learns a feature's internals and features never import each other's files.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { ApiScope } from '../http/api-scope.js';
import type { RouteSpec } from '../http/route-spec.js';
import type { Locale } from '../i18n/index.js';
import type { JobSpec } from '../jobs/scheduler.js';
import type { KitAudit } from '../kit/audit.js';
import type { KitCommands } from '../kit/commands.js';
import type { Events } from '../kit/events.js';
import type { Access, Links, Services } from '../kit/index.js';
import type { Notify } from '../kit/notify.js';
import type { MetricFamily, MetricRegistry } from '../kpi/index.js';
import type { Records } from '../records/index.js';
import type { PlatformDirectory, PlatformProfile } from './adapter.js';
import type { PlatformName } from './event.js';
import type { Limiters } from './limiters.js';
import type { ActionSpec, LocationSpec, UnknownUserSpec } from './registry.js';

/** The settings features may read (they never read env). */
export interface FeatureConfig {
  /** The company's zone, for jobs and "this month"; people carry their own. */
  timeZone: string;
  /** The company's language, for group chats and people without one. */
  locale: Locale;
  /** Where links in cards point, without a trailing slash. */
  publicBaseUrl: string;
  /** Survey links expire after `linkDays`; one reminder after `reminderHours` unanswered. */
  surveys: { linkDays: number; reminderHours: number };
  /** Where connector source files (YAML) are read from. */
  sourcesDir: string;
  /** SOURCE_* environment variables by name: the secrets a connector source file may name. */
  sourceSecrets: Readonly<Record<string, string>>;
}

export interface FeatureKit {
  /** Chat commands, and words added to another feature's command. */
  commands: KitCommands;
  /** Buttons: action ids declared once in the feature's index.ts. */
  actions: { register(spec: ActionSpec): void; list(): readonly ActionSpec[] };
  /** A shared location message (one feature owns it: attendance). */
  onLocation(spec: LocationSpec): void;
  /** Messages from people no employee is linked to, and leavers (one feature owns it: identities). */
  onUnknownUser(spec: UnknownUserSpec): void;
  /** What a chat platform says about one of its users (Slack: users.info); null where it cannot say. */
  platformUsers: {
    lookup(platform: PlatformName, platformUserId: string): Promise<PlatformProfile | null>;
    /** The platform's organisation directory (WeCom, DingTalk); null when it is not configured or has none. */
    directory(platform: PlatformName): PlatformDirectory | null;
  };
  /** Cron jobs, each run at most once per run key across replicas. */
  jobs: { register(spec: JobSpec): void };
  /** A card to a person, a team's group chat or a manager, through the outbox. */
  notify: Notify;
  /** Durable, typed domain events. */
  events: Events;
  /** May this actor see or act on this employee / team / department. */
  access: Access;
  audit: KitAudit;
  /** Signed, expiring, optionally single-use links. */
  links: Links;
  /** Typed functions one feature offers the others. */
  services: Services;
  /**
   * HTTP routes declared with zod schemas (validated, and recorded in the OpenAPI document):
   * `page` for public pages whose credential is the signed token in the path (`/c/:token`),
   * `api` for `/api/v1` routes behind an API key with the given scope.
   */
  http: {
    page(prefix: `/${string}`, routes: readonly RouteSpec[]): void;
    api(scope: ApiScope, routes: readonly RouteSpec[]): void;
  };
  /**
   * Raw Fastify routes, for what the declared helpers cannot express (binary downloads). Each
   * route must still name its guard in `config.guard`: the server refuses to start otherwise.
   */
  mountRoutes(register: (server: FastifyInstance) => void): void;
  /** KPI metrics over a feature's own tables, as one family; the KPI engine reads the registry. */
  kpi: {
    metrics(family: MetricFamily): void;
    readonly registry: MetricRegistry;
    /** Quiet time before people marked dirty are recomputed (tests lengthen it). */
    readonly recomputeDelayMs?: number | undefined;
    /** The database the app opened (absolute URL): full recomputes open it from a worker thread. */
    readonly databaseUrl?: string | undefined;
  };
  /** Rate limiters, shared across replicas through Redis when REDIS_URL is set. */
  limiters: Limiters;
  /**
   * Business records in from outside (API, connectors, demo): validated one by one, upserted by
   * (source, external id) in one transaction, with record.changed / workOrder.completed emitted.
   */
  records: Records;
  /** Runs when the app closes (timers a feature started). */
  onStop(stop: () => void | Promise<void>): void;
  db: Db;
  provider: 'sqlite' | 'postgres';
  logger: Logger;
  now: () => Date;
  config: FeatureConfig;
}

/**
 * A feature: registers what it offers on the kit, once, at start.
 * @example
 * ```ts
 * // src/surveys/index.ts
 * export const SURVEY_ACTIONS = { resend: 'surveys.resend' } as const;
 * export const surveys: Feature = (kit) => {
 *   kit.events.on('workOrder.completed', 'surveys.invite', async (order, { key }) => {
 *     if (!order.employeeId) return;
 *     const token = kit.links.sign('survey', order.workOrderId, new Date(kit.now().getTime() + 7 * 86_400_000));
 *     // Listeners run at least once: the dedupe key makes a second run send nothing.
 *     await kit.notify({ employeeId: order.employeeId }, (t) => surveyCard({ url: `${kit.config.publicBaseUrl}/s/${token}` }, t), {
 *       dedupeKey: `surveys.invite:${key}`,
 *     });
 *   });
 *   kit.commands.register({ id: 'surveys.show', aliases: ['surveys', '满意度'], roles: ['EMPLOYEE', 'MANAGER', 'HR'],
 *     describe: 'surveys.command.surveys', handle: (ctx) => showSurveys(kit, ctx) });
 * };
 * // src/features.ts: export const FEATURES = [help, kpi, reports, payroll, surveys];
 * ```
 */
export type Feature = (kit: FeatureKit) => void | Promise<void>;

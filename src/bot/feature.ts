// The feature seam: a feature is a function over one kit, as a probot app is a function over
// `(app, { getRouter })`. Everything a feature plugs into comes from the kit, so src/app.ts
// never learns a feature's internals and features never import each other's files.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import type { JobSpec } from '../jobs/scheduler.js';
import type { Access } from '../kit/access.js';
import type { KitAudit } from '../kit/audit.js';
import type { KitCommands } from '../kit/commands.js';
import type { Events } from '../kit/events.js';
import type { Links } from '../kit/links.js';
import type { Notify } from '../kit/notify.js';
import type { Services } from '../kit/services.js';
import type { ActionSpec, LocationSpec } from './registry.js';

/** The settings features may read (they never read env). */
export interface FeatureConfig {
  /** The company's zone, for jobs and "this month"; people carry their own. */
  timeZone: string;
  /** The company's language, for group chats and people without one. */
  locale: Locale;
  /** Where links in cards point, without a trailing slash. */
  publicBaseUrl: string;
}

export interface FeatureKit {
  /** Chat commands, and words added to another feature's command. */
  commands: KitCommands;
  /** Buttons: action ids declared once in the feature's index.ts. */
  actions: { register(spec: ActionSpec): void; list(): readonly ActionSpec[] };
  /** A shared location message (one feature owns it: attendance). */
  onLocation(spec: LocationSpec): void;
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
   * Registers plain routes. Interim: public pages and /api/v1 routes move to `http.page` /
   * `http.api` (issue 9) with the route guard; until then a feature mounts its routes here.
   */
  mountRoutes(register: (server: FastifyInstance) => void): void;
  /** Runs when the app closes (timers a feature started). */
  onStop(stop: () => void | Promise<void>): void;
  db: Db;
  provider: 'sqlite' | 'postgres';
  logger: Logger;
  now: () => Date;
  config: FeatureConfig;
}

export type Feature = (kit: FeatureKit) => void | Promise<void>;

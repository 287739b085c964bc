import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Card } from '../../cards/card.js';
import type { Locale } from '../i18n/index.js';
import type { ChatAddress, PlatformName } from './event.js';
import type { Pipeline } from './pipeline.js';

/** What a platform can show; features adapt to these, never to platform names. */
export interface Capabilities {
  maxButtons: number;
  canUpdateCard: boolean;
  canShowImages: boolean;
  canUploadFiles: boolean;
}

export interface SendResult {
  platformMessageId?: string;
}

export interface SendMeta {
  messageId: string;
}

/** What a platform reports about one of its users (Slack's users.info), for matching them to an employee. */
export interface PlatformProfile {
  email?: string;
  name?: string;
}

/** A department as a platform's contacts API lists it. */
export interface DirectoryDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

/** A user as a platform's contacts API lists it; fields the platform withholds are absent. */
export interface DirectoryUser {
  userId: string;
  name: string;
  departmentIds: string[];
  email?: string;
  mobile?: string;
  employeeNo?: string;
  managerUserId?: string;
  /** The platform says they left (WeCom status 5, 退出企业). */
  left?: boolean;
}

/**
 * A platform's contacts API (WeCom department/list + user/list, DingTalk topapi v2), paced by the
 * adapter's rate limits. One `users` call is one page; `next` is the cursor of the following one.
 */
export interface PlatformDirectory {
  departments(): Promise<DirectoryDepartment[]>;
  users(departmentId: string, cursor?: string): Promise<{ users: DirectoryUser[]; next?: string }>;
}

/** A send a crash interrupted: the outbox row id and when that attempt began. */
export interface InterruptedSend {
  messageId: string;
  sendingAt: Date;
}

/**
 * Hands an adapter the inbound pipeline (src/bot/pipeline.ts) every platform shares. An adapter
 * verifies and parses, calls `accept` (dedupe + store), acks the platform, then calls `deliver`;
 * backpressure and reply privacy are the pipeline's, never the adapter's.
 */
export interface AdapterContext extends Pick<Pipeline, 'accept' | 'deliver' | 'answer'> {
  logger: Logger;
}

/**
 * The contract every chat platform implements in `adapters/<platform>/`. `Outbound` is the
 * platform's native message: what `render` builds is exactly what `send` gets.
 */
export interface Adapter<Outbound = unknown> {
  platform: PlatformName;
  capabilities: Capabilities;
  mount(server: FastifyInstance, context: AdapterContext): void | Promise<void>;
  /** Native message for a card; the outbox stores cards and renders at send time. */
  render(card: Card, locale: Locale): Outbound;
  /**
   * Sends one rendered message; throws SendError on failure. `meta.messageId` is the outbox row id,
   * stable across retries, for platforms that deduplicate by a caller-chosen id.
   */
  send(to: ChatAddress, message: Outbound, meta?: SendMeta): Promise<SendResult>;
  /**
   * After a crash, whether an interrupted send reached the platform: its result when it did, null
   * when it did not or cannot be told (the outbox then sends again). Optional: platforms without a
   * way to look a message up are at-least-once.
   */
  findSent?(to: ChatAddress, interrupted: InterruptedSend): Promise<SendResult | null>;
  /**
   * Replaces an earlier message's content in place (Slack chat.update, the console's stored card,
   * WeCom update_template_card). `platformMessageId` is what `send` returned for it and
   * `original.messageId` its outbox id. Optional: without it, or when it throws a non-retryable
   * SendError, the outbox sends the new card as a new message instead.
   */
  update?(to: ChatAddress, platformMessageId: string, message: Outbound, original: SendMeta): Promise<SendResult>;
  /** The platform's profile of a user, or null when it has none or cannot tell; optional. */
  lookupUser?(platformUserId: string): Promise<PlatformProfile | null>;
  /** The platform's organisation directory, where it has one; optional. */
  directory?: PlatformDirectory;
  /** Starts long-lived connections (Socket Mode, Stream); optional. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

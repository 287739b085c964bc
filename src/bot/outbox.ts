import type { Logger } from 'pino';
import type { Card } from '../../cards/card.js';
import { cardSchema } from '../../cards/card-schema.js';
import type { Db } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import type { Adapter, SendResult } from './adapter.js';
import type { ChatAddress, PlatformName } from './event.js';
import { SendError } from './send-error.js';

export interface OutboxOptions {
  db: Db;
  logger: Logger;
  adapters: ReadonlyMap<PlatformName, Adapter>;
  now: () => Date;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Messages sent at once; each adapter's limiter paces them further. */
  concurrency?: number;
  /** Rows claimed per UPDATE … RETURNING (PostgreSQL skips rows another replica holds). */
  claimBatch?: number;
  provider?: 'sqlite' | 'postgres';
}

/** A claimed row: everything a send needs, from the claiming UPDATE's RETURNING. */
interface Claimed {
  id: string;
  platform: string;
  address: unknown;
  card: unknown;
  locale: string;
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  /** The outbox row whose message this one replaces in place (alerts' card updates). */
  updatesId: string | null;
}

// Raw rows come back with JSON as text and dates as text on SQLite, as values on PostgreSQL.
const fromJson = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
const fromDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

export interface Enqueue {
  platform: PlatformName;
  to: ChatAddress;
  card: Card;
  locale: Locale;
  /** Same key, same message: a second enqueue is ignored. */
  dedupeKey?: string;
  /** The outbox id of an earlier message this card replaces in place (where the platform can). */
  updatesId?: string;
}

/**
 * Durable delivery: every message is persisted (PENDING) before anything is sent, then claimed
 * (SENDING, with the time the attempt began), sent through its adapter, and finished as SENT or
 * FAILED with the platform's error. Retries back off exponentially and honour Retry-After. After
 * a crash, messages left in SENDING are looked up on their platform where the adapter can
 * (`findSent`) and marked SENT if they went out; the rest go back to PENDING and are sent again
 * (rows are claimed atomically, so two dispatchers never send the same row).
 */
export class Outbox {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly concurrency: number;
  private readonly claimBatch: number;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  private again = false;
  /** Something was enqueued here since the last drain began. */
  private queued = false;

  constructor(private readonly options: OutboxOptions) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.concurrency = options.concurrency ?? 16;
    this.claimBatch = options.claimBatch ?? 2 * this.concurrency;
  }

  async enqueue(message: Enqueue): Promise<string | null> {
    const { db, now } = this.options;
    try {
      const row = await db.outboxMessage.create({
        data: {
          platform: message.platform.toUpperCase() as 'SLACK',
          address: message.to as never,
          target: targetKey(message.to),
          card: message.card as never,
          locale: message.locale,
          dedupeKey: message.dedupeKey ?? null,
          updatesId: message.updatesId ?? null,
          nextAttemptAt: now(),
        },
        select: { id: true },
      });
      this.queued = true;
      return row.id;
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return null;
      throw err;
    }
  }

  /**
   * Finishes the sends a crashed process left in SENDING: those the platform confirms become SENT,
   * the others become due again. Returns how many rows were recovered.
   */
  async recover(): Promise<number> {
    const { db, adapters, logger, now } = this.options;
    const rows = await db.outboxMessage.findMany({
      where: { status: 'SENDING' },
      select: { id: true, platform: true, address: true, sendingAt: true },
    });
    let confirmed = 0;
    for (const row of rows) {
      const platform = row.platform.toLowerCase() as PlatformName;
      const adapter = adapters.get(platform);
      let found: SendResult | null = null;
      // Rows claimed before sendingAt existed cannot be looked up; they are sent again.
      if (adapter?.findSent && row.sendingAt) {
        try {
          found = await adapter.findSent(row.address as unknown as ChatAddress, {
            messageId: row.id,
            sendingAt: row.sendingAt,
          });
        } catch (err) {
          logger.warn(
            { outboxId: row.id, platform, reason: (err as Error).message },
            'could not check whether an interrupted send went out; sending it again',
          );
        }
      }
      // Only a row still in SENDING is touched: another replica may have finished it meanwhile.
      const { count } = await db.outboxMessage.updateMany({
        where: { id: row.id, status: 'SENDING' },
        data: found
          ? { status: 'SENT', sentAt: now(), lastError: null, platformMessageId: found.platformMessageId ?? null }
          : { status: 'PENDING', nextAttemptAt: now() },
      });
      if (found) confirmed += count;
    }
    if (rows.length) {
      logger.warn(
        { interrupted: rows.length, confirmed, resent: rows.length - confirmed },
        'recovered interrupted sends',
      );
    }
    return rows.length;
  }

  /** Sends everything due now; returns how many messages were attempted. */
  drain(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Sends now what this process enqueued since the last drain (none: no query); never throws. */
  nudge(): void {
    if (!this.queued) return;
    this.drain().catch((err) => this.options.logger.error({ err }, 'outbox drain failed'));
  }

  /** Polls for due messages (retries, messages queued by other replicas). */
  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => {
      this.drain().catch((err) => this.options.logger.error({ err }, 'outbox drain failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  private async drainLoop(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      this.queued = false;
      const claimed = await this.claim(this.claimBatch);
      const count = claimed.length;
      // oldest first (RETURNING has no order); the workers empty this array
      const queue = claimed.sort(
        (a, b) =>
          a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
      );
      const workers = Array.from({ length: Math.min(this.concurrency, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) await this.sendOne(row);
      });
      await Promise.all(workers);
      total += count;
      if (count === this.claimBatch) this.again = true;
    } while (this.again);
    return total;
  }

  /**
   * Claims up to `limit` due rows with one UPDATE … RETURNING: SENDING, one more attempt, and the
   * time the attempt began (where recovery looks for a send that went out). On PostgreSQL the rows
   * are picked FOR UPDATE SKIP LOCKED, so replicas draining at once never claim the same row; SQLite
   * has one writer at a time.
   */
  private async claim(limit: number): Promise<Claimed[]> {
    const { db, now } = this.options;
    const at = now();
    const rows =
      this.options.provider === 'postgres'
        ? await db.$queryRaw<Record<string, unknown>[]>`UPDATE "OutboxMessage" AS o
            SET "status" = 'SENDING', "attempts" = o."attempts" + 1, "sendingAt" = CAST(${at} AS TIMESTAMP(3))
            FROM (SELECT "id" FROM "OutboxMessage"
              WHERE "status" = 'PENDING' AND "nextAttemptAt" <= CAST(${at} AS TIMESTAMP(3))
              ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED) AS c
            WHERE o."id" = c."id"
            RETURNING o."id", o."platform", o."address", o."card", o."locale", o."attempts", o."nextAttemptAt", o."createdAt", o."updatesId"`
        : await db.$queryRaw<Record<string, unknown>[]>`UPDATE "OutboxMessage"
            SET "status" = 'SENDING', "attempts" = "attempts" + 1, "sendingAt" = ${at}
            WHERE "id" IN (SELECT "id" FROM "OutboxMessage"
              WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${at}
              ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit})
            RETURNING "id", "platform", "address", "card", "locale", "attempts", "nextAttemptAt", "createdAt", "updatesId"`;
    return rows.map((r) => ({
      id: String(r.id),
      platform: String(r.platform),
      address: fromJson(r.address),
      card: fromJson(r.card),
      locale: String(r.locale),
      attempts: Number(r.attempts),
      nextAttemptAt: fromDate(r.nextAttemptAt),
      createdAt: fromDate(r.createdAt),
      updatesId: r.updatesId == null ? null : String(r.updatesId),
    }));
  }

  private async sendOne(row: Claimed): Promise<void> {
    const { db, now, adapters, logger } = this.options;
    const id = row.id;
    const platform = row.platform.toLowerCase() as PlatformName;
    const adapter = adapters.get(platform);
    try {
      if (!adapter) throw new SendError(`platform ${platform} is not configured`, { retryable: false });
      const card = cardSchema.safeParse(row.card);
      if (!card.success) throw new SendError('stored card does not match the Card model', { retryable: false });
      const native = adapter.render(card.data, row.locale as Locale);
      const to = row.address as unknown as ChatAddress;
      const result =
        (await this.updateInPlace(adapter, row.updatesId, to, native)) ??
        (await adapter.send(to, native, { messageId: row.id }));
      await db.outboxMessage.update({
        where: { id },
        data: {
          status: 'SENT',
          sentAt: now(),
          lastError: null,
          platformMessageId: result.platformMessageId ?? null,
        },
      });
    } catch (err) {
      const error =
        err instanceof SendError
          ? err
          : new SendError(String((err as Error)?.message ?? err), { retryable: true, cause: err });
      const exhausted = !error.retryable || row.attempts >= this.maxAttempts;
      const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (row.attempts - 1));
      const delay = Math.max(backoff, error.retryAfterMs ?? 0);
      logger.warn({ outboxId: id, platform, attempt: row.attempts, exhausted, reason: error.message }, 'send failed');
      await db.outboxMessage.update({
        where: { id },
        data: exhausted
          ? { status: 'FAILED', lastError: error.message.slice(0, 1000) }
          : {
              status: 'PENDING',
              lastError: error.message.slice(0, 1000),
              nextAttemptAt: new Date(now().getTime() + delay),
            },
      });
    }
  }

  /**
   * An update row replaces its original in place when the platform can and the original went out;
   * otherwise (no `update`, original not sent, or the platform refuses for good: an expired WeCom
   * response_code) it returns undefined and the card is sent as a new message.
   */
  private async updateInPlace(
    adapter: Adapter,
    updatesId: string | null,
    to: ChatAddress,
    native: unknown,
  ): Promise<SendResult | undefined> {
    if (!updatesId || !adapter.update) return undefined;
    const platformMessageId = await originalMessageId(this.options.db, updatesId);
    if (!platformMessageId) return undefined;
    try {
      await adapter.update(to, platformMessageId, native, { messageId: updatesId });
      return { platformMessageId };
    } catch (err) {
      if (err instanceof SendError && !err.retryable) {
        this.options.logger.warn({ updatesId, reason: err.message }, 'in-place update refused; sending a new message');
        return undefined;
      }
      throw err;
    }
  }
}

/** The original's platform id when it went out; null when the update must go as a new message. */
async function originalMessageId(db: Db, updatesId: string): Promise<string | null> {
  const original = await db.outboxMessage.findUnique({
    where: { id: updatesId },
    select: { status: true, platformMessageId: true },
  });
  // Sent concurrently by another worker: wait for it rather than post a second message.
  if (original?.status === 'PENDING' || original?.status === 'SENDING') {
    throw new SendError('the message to update is not sent yet', { retryable: true, retryAfterMs: 1000 });
  }
  if (original?.status !== 'SENT' || !original.platformMessageId) return null;
  return original.platformMessageId;
}

/** A stable, filterable key for the conversation an address points at. */
export function targetKey(to: ChatAddress): string {
  switch (to.kind) {
    case 'user':
      return `user:${to.userId}`;
    case 'group':
      return `group:${to.chatId}`;
    case 'webhook':
      return `webhook:${to.groupChatId}`;
  }
}

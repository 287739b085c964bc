// Runs stored event deliveries: at least once per (event, listener), DONE at most once. A row is
// claimed with a conditional update on its attempt count, so of two replicas only one runs it; a
// claim left RUNNING past the lease (its process died) is taken over after a restart.
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { EVENT_SCHEMAS, isEventName } from './event-map.js';
import type { RegisteredListener } from './events.js';

export interface DispatcherOptions {
  db: Db;
  logger: Logger;
  now: () => Date;
  listeners: () => readonly RegisteredListener[];
  /** Attempts before a delivery is left FAILED for an operator. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A RUNNING claim older than this is presumed crashed. */
  leaseMs?: number;
}

export interface EventDispatcher {
  /** Runs every delivery due now; returns how many were attempted. */
  drain(): Promise<number>;
  /** Creates deliveries a listener missed (events emitted by a process that lacked it). */
  backfill(since: Date): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

const BATCH = 100;

export function createEventDispatcher(options: DispatcherOptions): EventDispatcher {
  const { db, logger, now } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 10 * 60_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  // Drains run one after another in this process; a caller arriving mid-drain gets the next one.
  let chain: Promise<number> = Promise.resolve(0);

  async function runOne(
    row: { id: string; listener: string; status: 'PENDING' | 'RUNNING'; attempts: number },
    byName: Map<string, RegisteredListener>,
  ): Promise<void> {
    const claimedAt = now();
    const claim = await db.eventDelivery.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: 'RUNNING', claimedAt, attempts: { increment: 1 } },
    });
    if (claim.count === 0) return;
    const attempt = row.attempts + 1;
    const delivery = await db.eventDelivery.findUniqueOrThrow({ where: { id: row.id }, include: { event: true } });
    const listener = byName.get(row.listener);
    const { event } = delivery;
    try {
      if (!listener || !isEventName(event.name)) throw new Error(`no listener "${row.listener}" for ${event.name}`);
      const parsed = EVENT_SCHEMAS[event.name].safeParse(event.payload);
      if (!parsed.success) {
        // A stored payload that no longer fits its schema will not fit on a retry either.
        await finish(row.id, 'FAILED', `payload does not match ${event.name}: ${parsed.error.message}`.slice(0, 1000));
        logger.error({ eventId: event.id, listener: row.listener }, 'event payload invalid; delivery failed');
        return;
      }
      await listener.handle(parsed.data, { key: event.key, eventId: event.id, emittedAt: event.emittedAt, attempt });
      await db.eventDelivery.update({
        where: { id: row.id },
        data: { status: 'DONE', doneAt: now(), lastError: null },
      });
    } catch (err) {
      const message = String((err as Error)?.message ?? err).slice(0, 1000);
      const exhausted = attempt >= maxAttempts;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      logger.warn(
        { eventId: event.id, listener: row.listener, attempt, exhausted, reason: message },
        'listener failed',
      );
      await db.eventDelivery.update({
        where: { id: row.id },
        data: exhausted
          ? { status: 'FAILED', lastError: message }
          : { status: 'PENDING', lastError: message, nextAttemptAt: new Date(now().getTime() + delay) },
      });
    }
  }

  async function finish(id: string, status: 'FAILED', lastError: string): Promise<void> {
    await db.eventDelivery.update({ where: { id }, data: { status, lastError } });
  }

  async function drainOnce(): Promise<number> {
    const byName = new Map(options.listeners().map((l) => [l.name, l]));
    if (byName.size === 0) return 0;
    const at = now();
    // Only this process's listeners: a replica running another version leaves the rest alone.
    const due = await db.eventDelivery.findMany({
      where: {
        listener: { in: [...byName.keys()] },
        OR: [
          { status: 'PENDING', nextAttemptAt: { lte: at } },
          { status: 'RUNNING', claimedAt: { lt: new Date(at.getTime() - leaseMs) } },
        ],
      },
      orderBy: { nextAttemptAt: 'asc' },
      take: BATCH,
      select: { id: true, listener: true, status: true, attempts: true },
    });
    for (const row of due) await runOne(row as typeof row & { status: 'PENDING' | 'RUNNING' }, byName);
    return due.length;
  }

  async function drainAll(): Promise<number> {
    let total = 0;
    for (let n = await drainOnce(); n > 0; n = n === BATCH ? await drainOnce() : 0) total += n;
    return total;
  }

  function drain(): Promise<number> {
    chain = chain.catch(() => 0).then(drainAll);
    return chain;
  }

  return {
    drain,

    async backfill(since) {
      let created = 0;
      for (const listener of options.listeners()) {
        const missing = await db.domainEvent.findMany({
          where: { name: listener.event, emittedAt: { gte: since }, deliveries: { none: { listener: listener.name } } },
          select: { id: true },
          take: 1000,
        });
        for (const event of missing) {
          try {
            await db.eventDelivery.create({
              data: { eventId: event.id, listener: listener.name, nextAttemptAt: now() },
            });
            created += 1;
          } catch (err) {
            // Another replica created it first: the unique (event, listener) index is the arbiter.
            if ((err as { code?: string }).code !== 'P2002') throw err;
          }
        }
      }
      return created;
    },

    start(intervalMs = 1000) {
      timer ??= setInterval(() => {
        drain().catch((err) => logger.error({ err }, 'event dispatch failed'));
      }, intervalMs);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await chain.catch(() => undefined);
    },
  };
}

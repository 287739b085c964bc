import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { Prisma } from '../db/generated/sqlite/client.js';
import type { BotEvent } from './event.js';
import { botEventSchema } from './event-schema.js';

const { sql, join } = Prisma;

interface Pending {
  source: string;
  eventId: string;
  event?: BotEvent;
  resolve(isNew: boolean): void;
  reject(err: unknown): void;
}

export interface Inbox {
  /**
   * Records an inbound event id (and the normalised event, so a crash before its replies are
   * queued can be finished after a restart); false when it was seen before.
   */
  isNew(source: string, eventId: string, event?: BotEvent): Promise<boolean>;
  /** The event's replies are in the outbox: nothing is left to recover. */
  markHandled(event: BotEvent): Promise<void>;
  /** Claims stored events not handled since `before` (a crashed or stuck delivery). */
  claimStale(before: Date, now: Date, limit?: number): Promise<BotEvent[]>;
}

// Inbound ids are stored before any work is done, so a platform retry (Slack after 3 s, WeCom
// after 5 s) or a replayed request is recognised and ignored. Calls arriving in the same tick are
// written together: a burst of 200 webhooks costs one query instead of 200 on the event loop
// that also has to acknowledge them.
export function createInbox(db: Db, now: () => Date, provider: 'sqlite' | 'postgres' = 'sqlite'): Inbox {
  let queue: Pending[] = [];
  let scheduled = false;

  // One statement per batch: INSERT … ON CONFLICT DO NOTHING RETURNING names exactly the ids that
  // were new (a retry, a replay or another replica's copy is skipped by the unique key).
  async function write(source: string, batch: Pending[]): Promise<Set<string>> {
    const fresh = new Map<string, Pending>();
    for (const p of batch) if (!fresh.has(p.eventId)) fresh.set(p.eventId, p);
    const at = now();
    const json = (e: BotEvent | undefined) => {
      if (!e) return sql`NULL`;
      const text = JSON.stringify(e);
      return provider === 'postgres' ? sql`CAST(${text} AS JSONB)` : sql`${text}`;
    };
    const time = provider === 'postgres' ? sql`CAST(${at} AS TIMESTAMP(3))` : sql`${at}`;
    const values = [...fresh.values()].map(
      (p) => sql`(${randomUUID()}, ${source}, ${p.eventId}, ${time}, ${p.event?.id ?? null}, ${json(p.event)})`,
    );
    const rows = await db.$queryRaw<{ eventId: string }[]>`INSERT INTO "InboundEvent"
      ("id", "source", "eventId", "receivedAt", "botEventId", "payload") VALUES ${join(values)}
      ON CONFLICT ("source", "eventId") DO NOTHING RETURNING "eventId"`;
    return new Set(rows.map((r) => r.eventId));
  }

  async function flush(): Promise<void> {
    const batch = queue;
    queue = [];
    scheduled = false;
    const bySource = new Map<string, Pending[]>();
    for (const p of batch) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
    for (const [source, items] of bySource) {
      try {
        const created = await write(source, items);
        const answered = new Set<string>();
        for (const p of items) {
          // Only the first of repeats within one batch is new.
          p.resolve(created.has(p.eventId) && !answered.has(p.eventId));
          answered.add(p.eventId);
        }
      } catch (err) {
        for (const p of items) p.reject(err);
      }
    }
  }

  return {
    isNew(source, eventId, event) {
      return new Promise((resolve, reject) => {
        queue.push({ source, eventId, event, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },

    async markHandled(event) {
      await db.inboundEvent.updateMany({
        where: { source: event.platform, botEventId: event.id, handledAt: null },
        data: { handledAt: now() },
      });
    },

    async claimStale(before, at, limit = 100) {
      const stale = await db.inboundEvent.findMany({
        where: { botEventId: { not: null }, handledAt: null, receivedAt: { lt: before } },
        orderBy: { receivedAt: 'asc' },
        take: limit,
        select: { id: true, payload: true, receivedAt: true },
      });
      const claimed: BotEvent[] = [];
      for (const row of stale) {
        const event = botEventSchema.safeParse(row.payload);
        if (!event.success) {
          // A row no release of ours could answer (written by an older shape): retire it rather
          // than claim it again every grace period.
          await db.inboundEvent.updateMany({ where: { id: row.id, handledAt: null }, data: { handledAt: at } });
          continue;
        }
        // Moving receivedAt forward is the claim: a second replica's update finds nothing.
        const { count } = await db.inboundEvent.updateMany({
          where: { id: row.id, handledAt: null, receivedAt: row.receivedAt },
          data: { receivedAt: at },
        });
        if (count === 1) claimed.push(event.data);
      }
      return claimed;
    },
  };
}

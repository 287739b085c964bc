// Durable domain events: `emit` stores the event (and one delivery row per listener) inside the
// caller's transaction, so the event exists exactly when its cause does; `on` registers a named
// listener the dispatcher (event-dispatcher.ts) runs at least once per event.
import type { Prisma } from '../db/client.js';
import { EVENT_SCHEMAS, type EventName, type EventPayload } from './event-map.js';

/** A transaction client from `db.$transaction(async (tx) => …)`, or the client itself. */
export type Tx = Prisma.TransactionClient;

export interface EventMeta {
  /** The emitter's idempotency key: derive notify dedupe keys from it. */
  key: string;
  eventId: string;
  emittedAt: Date;
  /** 1 on the first try. */
  attempt: number;
}

export type Listener<E extends EventName> = (payload: EventPayload<E>, meta: EventMeta) => Promise<void>;

export interface Events {
  /**
   * Stores the event in `tx`. The same (event, key) twice is stored once: the second emit returns
   * false. Two transactions racing on one key make the later one fail on the unique index, which
   * rolls its cause back with it (so the fact is still recorded once).
   */
  emit<E extends EventName>(tx: Tx, event: E, payload: EventPayload<E>, options: { key: string }): Promise<boolean>;
  /**
   * Stores many events of one kind in `tx` with a few queries (a batch of records): keys already
   * stored, or repeated in `items`, are stored once. Returns how many were stored.
   */
  emitMany<E extends EventName>(
    tx: Tx,
    event: E,
    items: readonly { payload: EventPayload<E>; key: string }[],
  ): Promise<number>;
  /** `listener` is a stable dotted name ("surveys.invite"): deliveries are recorded under it. */
  on<E extends EventName>(event: E, listener: string, handle: Listener<E>): void;
}

export interface RegisteredListener {
  event: EventName;
  name: string;
  handle: Listener<EventName>;
}

export interface EventRegistry extends Events {
  listeners(): readonly RegisteredListener[];
}

export function createEvents(now: () => Date): EventRegistry {
  const registered = new Map<string, RegisteredListener>();
  return {
    listeners: () => [...registered.values()],

    on(event, name, handle) {
      if (registered.has(name)) throw new Error(`event listener "${name}" registered twice`);
      registered.set(name, { event, name, handle: handle as Listener<EventName> });
    },

    async emit(tx, event, payload, { key }) {
      // Validated on the way in too, so a bad payload fails its cause instead of a listener later.
      const data = EVENT_SCHEMAS[event].parse(payload);
      const existing = await tx.domainEvent.findUnique({
        where: { name_key: { name: event, key } },
        select: { id: true },
      });
      if (existing) return false;
      const at = now();
      const stored = await tx.domainEvent.create({
        data: { name: event, key, payload: data as never, emittedAt: at },
        select: { id: true },
      });
      const names = [...registered.values()].filter((l) => l.event === event).map((l) => l.name);
      if (names.length) {
        await tx.eventDelivery.createMany({
          data: names.map((listener) => ({ eventId: stored.id, listener, nextAttemptAt: at })),
        });
      }
      return true;
    },

    async emitMany(tx, event, items) {
      const fresh = new Map<string, unknown>();
      for (const item of items) {
        if (!fresh.has(item.key)) fresh.set(item.key, EVENT_SCHEMAS[event].parse(item.payload));
      }
      const keys = [...fresh.keys()];
      for (let i = 0; i < keys.length; i += 500) {
        const stored = await tx.domainEvent.findMany({
          where: { name: event, key: { in: keys.slice(i, i + 500) } },
          select: { key: true },
        });
        for (const row of stored) fresh.delete(row.key);
      }
      if (!fresh.size) return 0;
      const at = now();
      const names = [...registered.values()].filter((l) => l.event === event).map((l) => l.name);
      const rows = [...fresh.entries()];
      let count = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const stored = await tx.domainEvent.createManyAndReturn({
          data: rows
            .slice(i, i + 500)
            .map(([key, payload]) => ({ name: event, key, payload: payload as never, emittedAt: at })),
          select: { id: true },
        });
        count += stored.length;
        if (names.length) {
          await tx.eventDelivery.createMany({
            data: stored.flatMap((e) => names.map((listener) => ({ eventId: e.id, listener, nextAttemptAt: at }))),
          });
        }
      }
      return count;
    },
  };
}

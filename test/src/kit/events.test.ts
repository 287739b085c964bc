// Durable domain events: stored with their cause, delivered at least once per listener after a
// restart, retried with backoff when a listener fails, and never run twice once done.
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../../src/app.js';
import type { Feature } from '../../../src/bot/feature.js';
import { loadConfig } from '../../../src/config.js';
import { FEATURES } from '../../../src/features.js';
import type { EventPayload } from '../../../src/kit/event-map.js';
import { cloneTemplate, ROOT, TEST_TODAY } from '../../helpers/test-db.js';

const database = await cloneTemplate();
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database.url });
let clock = TEST_TODAY;
const open: App[] = [];

type Completed = EventPayload<'workOrder.completed'>;

/** A feature that records what its listener saw; `failures` makes the first calls throw. */
function probe(failures = 0) {
  const seen: { payload: Completed; key: string; attempt: number }[] = [];
  let failed = 0;
  const feature: Feature = (kit) => {
    kit.events.on('workOrder.completed', 'test.probe', async (payload, meta) => {
      if (failed < failures) {
        failed += 1;
        throw new Error('survey service unavailable');
      }
      seen.push({ payload, key: meta.key, attempt: meta.attempt });
    });
  };
  return { seen, feature };
}

async function start(feature: Feature): Promise<App> {
  const app = await buildApp({
    config,
    logger: pino({ level: 'silent' }),
    root: ROOT,
    now: () => clock,
    features: [...FEATURES, feature],
    events: { baseDelayMs: 60_000 },
  });
  open.push(app);
  return app;
}

async function close(app: App): Promise<void> {
  await app.close();
  open.splice(open.indexOf(app), 1);
}

afterAll(async () => {
  for (const app of open) await app.close();
  await database.drop();
});

/** Completes a work order and emits the event in the same transaction, as a feature would. */
async function complete(app: App, workOrderId: string, fail = false): Promise<void> {
  await app.db.$transaction(async (tx) => {
    const order = await tx.workOrder.update({
      where: { id: workOrderId },
      data: { status: 'COMPLETED', completedAt: clock },
      select: { id: true, assigneeId: true },
    });
    await app.kit.events.emit(
      tx,
      'workOrder.completed',
      { workOrderId: order.id, employeeId: order.assigneeId, completedAt: clock.toISOString() },
      { key: order.id },
    );
    if (fail) throw new Error('the cause failed after the emit');
  });
}

const openOrders = (app: App, n: number) =>
  app.db.workOrder.findMany({ where: { status: { not: 'COMPLETED' } }, take: n, select: { id: true } });

describe('durable events', () => {
  it('survives a restart: emitted, app closed before dispatch, handled once by the next app', async () => {
    const first = await start(probe().feature);
    const [order] = await openOrders(first, 1);
    await complete(first, order?.id as string);
    await close(first);

    const after = probe();
    const second = await start(after.feature);
    await second.events.drain();
    await second.events.drain();
    expect(after.seen).toEqual([
      { payload: expect.objectContaining({ workOrderId: order?.id }), key: order?.id, attempt: 1 },
    ]);
    const delivery = await second.db.eventDelivery.findFirstOrThrow({
      where: { listener: 'test.probe', event: { key: order?.id } },
    });
    expect(delivery).toMatchObject({ status: 'DONE', attempts: 1 });
    await close(second);
  });

  it('stores nothing when the cause rolls back, so no listener runs', async () => {
    const watcher = probe();
    const app = await start(watcher.feature);
    const [order] = await openOrders(app, 1);
    await expect(complete(app, order?.id as string, true)).rejects.toThrow('the cause failed');
    await app.events.drain();
    expect(watcher.seen).toEqual([]);
    expect(await app.db.domainEvent.count({ where: { key: order?.id } })).toBe(0);
    await close(app);
  });

  it('retries a failing listener after its backoff and then records it done', async () => {
    const flaky = probe(1);
    const app = await start(flaky.feature);
    const [order] = await openOrders(app, 1);
    await complete(app, order?.id as string);
    await app.events.drain();
    const waiting = await app.db.eventDelivery.findFirstOrThrow({
      where: { listener: 'test.probe', event: { key: order?.id } },
    });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'survey service unavailable' });
    expect(waiting.nextAttemptAt.getTime() - clock.getTime()).toBe(60_000);

    await app.events.drain();
    expect(flaky.seen).toEqual([]);
    clock = new Date(clock.getTime() + 60_000);
    await app.events.drain();
    expect(flaky.seen.map((s) => s.attempt)).toEqual([2]);
    expect(await app.db.eventDelivery.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: 'DONE',
      lastError: null,
    });
    await close(app);
  });

  it('stores the same event key once and delivers it once', async () => {
    const watcher = probe();
    const app = await start(watcher.feature);
    const [order] = await openOrders(app, 1);
    await complete(app, order?.id as string);
    const again = await app.kit.events.emit(
      app.db,
      'workOrder.completed',
      { workOrderId: order?.id as string, employeeId: null, completedAt: clock.toISOString() },
      { key: order?.id as string },
    );
    expect(again).toBe(false);
    await app.events.drain();
    expect(watcher.seen).toHaveLength(1);
    await close(app);
  });

  it('lets only one of two replicas draining together run a delivery', async () => {
    const a = probe();
    const b = probe();
    const one = await start(a.feature);
    const two = await start(b.feature);
    const orders = await openOrders(one, 5);
    for (const order of orders) await complete(one, order.id);
    await Promise.all([one.events.drain(), two.events.drain()]);
    expect(a.seen.length + b.seen.length).toBe(orders.length);
    expect(new Set([...a.seen, ...b.seen].map((s) => s.key)).size).toBe(orders.length);
    await close(one);
    await close(two);
  });
});

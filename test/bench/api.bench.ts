// Inbound API throughput: batches of 500 work orders pushed through POST /api/v1/work-orders
// (key check, JSON parse, per-record validation, reference lookups, upsert, record.changed and
// workOrder.completed events, audit) against the same rows inserted raw with createMany on the
// same database in the same run. Also: the same batches sent again (all "unchanged").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ROOT, TEST_TODAY, TEST_TZ } from '../helpers/test-db.js';
import { type Report, round } from './figure.js';

const BATCH = 500;
const BATCHES = 12;
const WARMUP = 2;

// The HTTP client runs in its own thread, so building and sending requests does not sit on the
// event loop that serves them. Batches go one after another, as a sync job sends them.
const LOAD = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, headers, bodies }) => {
  const times = [];
  for (const body of bodies) {
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status !== 200) throw new Error('unexpected HTTP ' + res.status + ' ' + text.slice(0, 200));
    times.push(performance.now() - start);
  }
  parentPort.postMessage(times);
});`;

function send(worker: Worker, message: unknown): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    worker.once('error', fail);
    worker.once('message', (times: number[]) => {
      worker.off('error', fail);
      resolve(times);
    });
    worker.postMessage(message);
  });
}

const ENGINEERS = ['KP0005', 'KP0006', 'KP0007', 'KP0008'];
const SITES = ['SH-HQ', 'SH-AT', 'SH-ZJ', 'SH-XZ'];

function orders(batch: number) {
  return Array.from({ length: BATCH }, (_, i) => {
    const n = batch * BATCH + i;
    const opened = new Date(TEST_TODAY.getTime() - 3 * 86_400_000 + n * 1000);
    const done = n % 2 === 0;
    return {
      externalId: `BENCH-${String(n).padStart(6, '0')}`,
      title: '充电桩无法启动充电',
      assignee: ENGINEERS[n % ENGINEERS.length] as string,
      siteCode: SITES[n % SITES.length] as string,
      difficulty: (n % 5) + 1,
      status: done ? 'COMPLETED' : 'IN_PROGRESS',
      openedAt: opened.toISOString(),
      assignedAt: new Date(opened.getTime() + 5 * 60_000).toISOString(),
      completedAt: done ? new Date(opened.getTime() + 120 * 60_000).toISOString() : null,
      slaResponseMinutes: 30,
      slaArrivalMinutes: 120,
      resolved: done,
    };
  });
}

export default async function apiBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-api-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const target = resolveDatabaseTarget(url, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.$executeRawUnsafe('DELETE FROM "InboundEvent"');
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await seedDemo(db, { today: TEST_TODAY, timeZone: TEST_TZ });
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: '100000' });
  // The app's clock is the real one: the events and audit rows are stamped as in production.
  const app = await buildApp({ config, logger: pino({ level: 'silent' }), root: ROOT, db });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.addresses()[0] as { port: number } | undefined;
  const { secret } = await app.apiKeys.create('bench', ['work-orders:write']);
  const worker = new Worker(LOAD, { eval: true });
  const request = {
    url: `http://127.0.0.1:${address?.port}/api/v1/work-orders`,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
  };

  try {
    const batches = Array.from({ length: WARMUP + BATCHES }, (_, b) => orders(b));
    const bodies = batches.map((records) => JSON.stringify({ records }));
    await send(worker, { ...request, bodies: bodies.slice(0, WARMUP) });

    const pushStart = performance.now();
    const pushTimes = await send(worker, { ...request, bodies: bodies.slice(WARMUP) });
    const pushSeconds = (performance.now() - pushStart) / 1000;
    const created = await db.workOrder.count({ where: { source: 'bench' } });
    if (created !== (WARMUP + BATCHES) * BATCH) throw new Error(`expected every order stored, found ${created}`);

    const againStart = performance.now();
    await send(worker, { ...request, bodies: bodies.slice(WARMUP) });
    const againSeconds = (performance.now() - againStart) / 1000;

    // Baseline: the same rows, references already resolved, inserted raw in batches of 500.
    const people = new Map(
      (await db.employee.findMany({ where: { employeeNo: { in: ENGINEERS } } })).map((e) => [e.employeeNo, e.id]),
    );
    const sites = new Map((await db.site.findMany({ where: { code: { in: SITES } } })).map((s) => [s.code, s.id]));
    const rawStart = performance.now();
    for (const records of batches.slice(WARMUP)) {
      await db.workOrder.createMany({
        data: records.map(({ assignee, siteCode, openedAt, assignedAt, completedAt, ...r }) => ({
          ...r,
          status: r.status as 'COMPLETED' | 'IN_PROGRESS',
          source: 'raw',
          assigneeId: people.get(assignee) ?? null,
          siteId: sites.get(siteCode) ?? null,
          openedAt: new Date(openedAt),
          assignedAt: new Date(assignedAt),
          completedAt: completedAt ? new Date(completedAt) : null,
        })),
      });
    }
    const rawSeconds = (performance.now() - rawStart) / 1000;

    const http = BATCHES / pushSeconds;
    const raw = BATCHES / rawSeconds;
    report({
      name: 'api.work_orders.batches_per_s',
      value: round(http),
      unit: 'batches of 500/s',
      baseline: round(raw),
      ratio: round(http / raw, 3),
    });
    report({ name: 'api.work_orders.records_per_s', value: Math.round(http * BATCH), unit: 'records/s' });
    report({
      name: 'api.work_orders.unchanged_batches_per_s',
      value: round(BATCHES / againSeconds),
      unit: 'batches of 500/s',
      baseline: round(raw),
      ratio: round(BATCHES / againSeconds / raw, 3),
    });
    pushTimes.sort((a, b) => a - b);
    process.stderr.write(
      `push: ${BATCHES} batches in ${round(pushSeconds)} s (median ${round(pushTimes[pushTimes.length >> 1] ?? 0)} ms/batch); ` +
        `again: ${round(againSeconds)} s; raw createMany: ${round(rawSeconds)} s; ` +
        `events stored: ${await db.domainEvent.count()}\n`,
    );
  } finally {
    await worker.terminate();
    await app.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

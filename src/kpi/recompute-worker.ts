// The full recompute in a worker thread (see off-thread.ts): its own database client and the
// metric catalogue built from the same families the features register, so the server's event
// loop keeps answering /healthz and platform acks while the period is recomputed.
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { openDb, tuneDb } from '../db/client.js';
import { resolveDatabaseTarget } from '../db/database-url.js';
import { defaultMetricFamilies } from '../default-metric-families.js';
import { computePeriod } from './compute.js';
import { createMetricRegistry } from './metrics/index.js';
import type { WorkerReply, WorkerTask } from './off-thread.js';

const task = workerData as WorkerTask;

async function run(): Promise<WorkerReply> {
  const metrics = createMetricRegistry(defaultMetricFamilies);
  const mine = [...metrics.codes()].sort().join(',');
  if (mine !== [...task.codes].sort().join(',')) return { ok: false, reason: 'catalogue' };
  const target = resolveDatabaseTarget(task.url, '/');
  const db = openDb(target);
  try {
    await tuneDb(db, target);
    const now = new Date(task.now);
    const engine = { db, provider: target.provider, logger: pino({ level: 'silent' }), now: () => now, metrics };
    const runs = [];
    for (const period of task.periods) {
      const summary = await computePeriod(engine, period, { asOf: new Date(task.asOf) });
      runs.push({ period, written: summary.written, employees: summary.results.length, closed: summary.closed });
    }
    return { ok: true, runs };
  } finally {
    await db.$disconnect();
  }
}

run().then(
  (reply) => parentPort?.postMessage(reply),
  (err: unknown) => parentPort?.postMessage({ ok: false, reason: 'error', message: (err as Error).message }),
);

// A full-period recompute off the event loop. SQLite queries run synchronously on the calling
// thread (better-sqlite3), so a recompute of the whole company in the server process froze
// /healthz and platform acks for its whole duration; the nightly job runs it in a worker thread
// instead. Falls back to the in-process engine when the worker cannot take it (an in-memory
// database, or a metric catalogue the worker would not reproduce).
import { Worker } from 'node:worker_threads';
import { computePeriod, type KpiEngine } from './compute.js';

export interface WorkerTask {
  entry: string;
  url: string;
  period: string;
  now: string;
  asOf: string;
  /** The registry's metric codes: the worker refuses if its catalogue differs. */
  codes: string[];
}

export type WorkerReply =
  | { ok: true; written: number; employees: number; closed: boolean }
  | { ok: false; reason: 'catalogue' | 'error'; message?: string };

export interface PeriodRun {
  written: number;
  offThread: boolean;
}

const BOOT = new URL('./recompute-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./recompute-worker.ts', import.meta.url).href;

function inWorker(task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: task });
    let reply: WorkerReply | null = null;
    worker.once('message', (m: WorkerReply) => {
      reply = m;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (reply) resolve(reply);
      else reject(new Error(`kpi recompute worker exited with code ${code} before answering`));
    });
  });
}

/** Recomputes a whole period, in a worker thread when the engine names a shareable database. */
export async function recomputePeriod(engine: KpiEngine, period: string, asOf: Date): Promise<PeriodRun> {
  const url = engine.databaseUrl;
  if (url && !url.endsWith(':memory:')) {
    const reply = await inWorker({
      entry: ENTRY,
      url,
      period,
      now: engine.now().toISOString(),
      asOf: asOf.toISOString(),
      codes: [...engine.metrics.codes()],
    });
    if (reply.ok) {
      engine.logger.info({ period, employees: reply.employees, written: reply.written }, 'kpi period recomputed');
      return { written: reply.written, offThread: true };
    }
    if (reply.reason === 'error') throw new Error(`kpi recompute of ${period} failed: ${reply.message}`);
    engine.logger.warn({ period }, 'kpi recompute worker has another metric catalogue; recomputing in process');
  }
  const summary = await computePeriod(engine, period, { asOf });
  return { written: summary.written, offThread: false };
}

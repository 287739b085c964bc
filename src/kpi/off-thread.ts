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
  /** Recomputed in this order, by one worker (its start-up is paid once). */
  periods: string[];
  now: string;
  asOf: string;
  /** The registry's metric codes: the worker refuses if its catalogue differs. */
  codes: string[];
}

export type WorkerReply =
  | { ok: true; runs: { period: string; written: number; employees: number; closed: boolean }[] }
  | { ok: false; reason: 'catalogue' | 'error'; message?: string };

export interface PeriodRun {
  written: number;
  offThread: boolean;
}

const BOOT = new URL('./recompute-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./recompute-worker.ts', import.meta.url).href;
// The build (scripts/build.mjs) compiles the worker beside dist/main.js and defines KAOPU_BUNDLED,
// so `npm start` runs compiled code in the worker too; from sources (dev, tests) tsx loads it.
const COMPILED = new URL('../../dist/kpi-worker.js', import.meta.url);

function inWorker(task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const bundled = process.env.KAOPU_BUNDLED === '1';
    const worker = bundled ? new Worker(COMPILED, { workerData: task }) : new Worker(BOOT, { workerData: task });
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

/** Recomputes whole periods, in one worker thread when the engine names a shareable database. */
export async function recomputePeriods(
  engine: KpiEngine,
  periods: string[],
  asOf: Date,
): Promise<(PeriodRun & { period: string })[]> {
  const url = engine.databaseUrl;
  if (url && !url.endsWith(':memory:') && periods.length > 0) {
    const reply = await inWorker({
      entry: ENTRY,
      url,
      periods,
      now: engine.now().toISOString(),
      asOf: asOf.toISOString(),
      codes: [...engine.metrics.codes()],
    });
    if (reply.ok) {
      for (const run of reply.runs) {
        engine.logger.info(
          { period: run.period, employees: run.employees, written: run.written },
          'kpi period recomputed',
        );
      }
      return reply.runs.map((r) => ({ period: r.period, written: r.written, offThread: true }));
    }
    if (reply.reason === 'error') throw new Error(`kpi recompute of ${periods.join(', ')} failed: ${reply.message}`);
    engine.logger.warn({ periods }, 'kpi recompute worker has another metric catalogue; recomputing in process');
  }
  const out: (PeriodRun & { period: string })[] = [];
  for (const period of periods) {
    const summary = await computePeriod(engine, period, { asOf });
    out.push({ period, written: summary.written, offThread: false });
  }
  return out;
}

/** Recomputes one whole period (see recomputePeriods). */
export async function recomputePeriod(engine: KpiEngine, period: string, asOf: Date): Promise<PeriodRun> {
  const [run] = await recomputePeriods(engine, [period], asOf);
  return { written: run?.written ?? 0, offThread: run?.offThread ?? false };
}

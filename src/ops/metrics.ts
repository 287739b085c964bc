// Prometheus metrics for operators (GET /metrics). One registry per app, never prom-client's
// global one: tests build several apps in one process, and two replicas must not share figures.
// Counters are counted where the work passes through a seam the app composes (an adapter's send,
// the pipeline's accept, the scheduler's run); the outbox's depth and age are read from the
// database at scrape time, so every replica reports the same queue, whoever filled it.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Adapter, AdapterContext } from '../bot/adapter.js';
import { SendError } from '../bot/send-error.js';
import type { Db } from '../db/client.js';

export interface OpsMetrics {
  registry: Registry;
  /** The adapter with its sends counted by outcome (ok, error, rate_limited). */
  instrumentAdapter<A extends Adapter>(adapter: A): A;
  /** The pipeline's entry with each inbound event counted as accepted or duplicate. */
  instrumentInbound(context: AdapterContext, platform: string): AdapterContext;
  /** Called by the scheduler after every job run it claimed. */
  observeJob(job: string, outcome: 'done' | 'failed', seconds: number): void;
  /** Counts an answered HTTP request by the guard of the route it matched. */
  observeHttp(guard: string, statusCode: number): void;
  /** The text exposition format. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  db: Db;
  /** Process metrics (CPU, memory, event-loop lag); off in tests that build many apps. */
  processMetrics?: boolean;
}

export function createOpsMetrics(options: MetricsOptions): OpsMetrics {
  const { db } = options;
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'kaopu_' });

  const inbound = new Counter({
    name: 'kaopu_inbound_events_total',
    help: 'Inbound chat events by platform and result (accepted, or duplicate: a platform retry or a replay).',
    labelNames: ['platform', 'result'] as const,
    registers: [registry],
  });
  const sends = new Counter({
    name: 'kaopu_sends_total',
    help: 'Messages handed to a chat platform, by platform and outcome (ok, error, rate_limited).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'kaopu_platform_429_total',
    help: 'Sends a platform refused for its rate limit (HTTP 429 or the platform’s own code).',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'kaopu_job_runs_total',
    help: 'Scheduled job runs this replica claimed, by job and outcome.',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'kaopu_job_duration_seconds',
    help: 'Duration of scheduled job runs; job="kpi.nightly" is the full KPI recompute.',
    labelNames: ['job'] as const,
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1200],
    registers: [registry],
  });
  const http = new Counter({
    name: 'kaopu_http_responses_total',
    help: 'HTTP responses by the guard of the matched route and status class (401s on platform routes are forged or stale signatures).',
    labelNames: ['guard', 'status'] as const,
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: 'kaopu_outbox_messages',
    help: 'Outbox messages waiting or failed, by platform and status (read from the database at scrape time).',
    labelNames: ['platform', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.outboxMessage.groupBy({
        by: ['platform', 'status'],
        where: { status: { not: 'SENT' } },
        _count: { _all: true },
      });
      for (const row of rows) {
        this.set({ platform: row.platform.toLowerCase(), status: row.status }, row._count._all);
      }
    },
  });
  const outboxAge = new Gauge({
    name: 'kaopu_outbox_oldest_pending_seconds',
    help: 'Age of the oldest message still waiting to be sent, by platform (0 when none waits).',
    labelNames: ['platform'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db.outboxMessage.groupBy({
        by: ['platform'],
        where: { status: 'PENDING' },
        _min: { createdAt: true },
      });
      // createdAt is stamped by the database's clock, so the age is measured against the wall clock.
      const at = Date.now();
      for (const row of rows) {
        const oldest = row._min.createdAt;
        const age = oldest ? Math.max(0, (at - oldest.getTime()) / 1000) : 0;
        this.set({ platform: row.platform.toLowerCase() }, age);
      }
    },
  });
  void outboxDepth;
  void outboxAge;

  return {
    registry,
    instrumentAdapter(adapter) {
      const send = adapter.send.bind(adapter);
      // A prototype link, not a spread: adapters may keep state on themselves or be class instances.
      const wrapped = Object.create(adapter) as typeof adapter;
      wrapped.send = async (to, message, meta) => {
        try {
          const result = await send(to, message, meta);
          sends.inc({ platform: adapter.platform, outcome: 'ok' });
          return result;
        } catch (err) {
          const limited = isRateLimited(err);
          sends.inc({ platform: adapter.platform, outcome: limited ? 'rate_limited' : 'error' });
          if (limited) rateLimited.inc({ platform: adapter.platform });
          throw err;
        }
      };
      return wrapped;
    },
    instrumentInbound(context, platform) {
      return {
        ...context,
        accept: async (source, eventId, event) => {
          const fresh = await context.accept(source, eventId, event);
          inbound.inc({ platform, result: fresh ? 'accepted' : 'duplicate' });
          return fresh;
        },
      };
    },
    observeJob(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      jobSeconds.observe({ job }, seconds);
    },
    observeHttp(guard, statusCode) {
      http.inc({ guard, status: `${Math.floor(statusCode / 100)}xx` });
    },
    render: () => registry.metrics(),
  };
}

function isRateLimited(err: unknown): boolean {
  return err instanceof SendError && err.rateLimited;
}

// The connectors' runtime: turns each stored source into its connectors (one rate limiter per
// source), runs the sources that are due, and one source on demand.
import type Bottleneck from 'bottleneck';
import type { FeatureKit } from '../bot/feature.js';
import type { Connector } from './connector.js';
import { createFetcher, type FetcherOptions } from './fetcher.js';
import { restConnector } from './rest-source.js';
import { type RecordSink, type RunResult, runSource } from './runner.js';
import { loadSources, type SourceConfig, type StoredSource } from './sources.js';
import { zendeskConnectors, zendeskRequestSettings } from './zendesk.js';

export interface ConnectorRuntime {
  sources(): Promise<StoredSource[]>;
  /** Runs one source now (unless it is already running). */
  run(code: string, trigger: 'schedule' | 'manual'): Promise<RunResult | { status: 'unknown' | 'disabled' }>;
  /** Runs every enabled source whose interval has passed since its last run. */
  runDue(now: Date): Promise<Record<string, RunResult['status']>>;
}

export interface RuntimeOptions {
  sink: RecordSink;
  /** Test seams for the fetcher (a recorded sleep). */
  fetcher?: Pick<FetcherOptions, 'sleep' | 'random'>;
}

export function createConnectorRuntime(kit: FeatureKit, options: RuntimeOptions): ConnectorRuntime {
  const limiters = new Map<string, { key: string; limiter: Bottleneck }>();

  function limiterFor(config: SourceConfig): Bottleneck {
    const { requests, perMs, concurrency } = config.rateLimit;
    const key = `${requests}/${perMs}/${concurrency}`;
    const cached = limiters.get(config.code);
    if (cached?.key === key) return cached.limiter;
    void cached?.limiter.disconnect().catch(() => {});
    // Evenly spaced: never more than `requests` in any `perMs` window, across replicas with Redis.
    const limiter = kit.limiters.create(`connector:${config.code}`, {
      maxConcurrent: concurrency,
      minTime: Math.ceil(perMs / requests),
    });
    limiters.set(config.code, { key, limiter });
    return limiter;
  }

  function connectorsOf(config: SourceConfig): Connector[] {
    const request = config.kind === 'zendesk' ? zendeskRequestSettings(config) : config;
    const fetcher = createFetcher({
      source: request,
      limiter: limiterFor(config),
      secrets: kit.config.sourceSecrets,
      now: kit.now,
      ...options.fetcher,
    });
    return config.kind === 'zendesk' ? zendeskConnectors(config, fetcher) : [restConnector(config, fetcher)];
  }

  const deps = { db: kit.db, events: kit.events, logger: kit.logger, now: kit.now, sink: options.sink };
  const runtime: ConnectorRuntime = {
    sources: () => loadSources(kit.db),
    async run(code, trigger) {
      const source = (await loadSources(kit.db)).find((s) => s.code === code);
      if (!source) return { status: 'unknown' };
      if (!source.enabled || !source.config) return { status: 'disabled' };
      return runSource(deps, code, connectorsOf(source.config), trigger);
    },
    async runDue(now) {
      const sources = (await loadSources(kit.db)).filter((s) => s.enabled && s.config);
      const outcomes: Record<string, RunResult['status']> = {};
      await Promise.all(
        sources.map(async (source) => {
          const config = source.config as SourceConfig;
          const last = await kit.db.syncRun.findFirst({
            where: { source: source.code },
            orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
            select: { startedAt: true },
          });
          // Half a minute of slack so a 5-minute source runs on every fifth minute tick.
          const dueAt = last ? last.startedAt.getTime() + config.everyMinutes * 60_000 - 30_000 : 0;
          if (now.getTime() < dueAt) return;
          const result = await runtime.run(source.code, 'schedule');
          outcomes[source.code] = result.status === 'unknown' || result.status === 'disabled' ? 'busy' : result.status;
        }),
      );
      return outcomes;
    },
  };
  kit.onStop(async () => {
    for (const { limiter } of limiters.values()) await limiter.disconnect().catch(() => {});
    limiters.clear();
  });
  return runtime;
}

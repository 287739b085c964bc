// Scheduled connectors (issue 13): data flows in by itself from the systems a company already has.
// Sources are YAML files under the sources folder (a generic REST source by mapping alone, or
// Zendesk), stored as DataSource rows; one job each minute runs the sources that are due; every
// record goes through the shared record functions, like the inbound API. `sync` / `同步` shows
// each source's state to HR and admins, and `sync run <source>` starts one now.
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import { syncCard, syncRunCard } from '../../cards/sync-card.js';
import type { Feature, FeatureKit } from '../bot/feature.js';
import type { CommandContext, HandlerContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { serviceToken } from '../kit/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import type { RecordSink } from './runner.js';
import { type ConnectorRuntime, createConnectorRuntime, type RuntimeOptions } from './runtime.js';
import { readSourceFiles, storeSources } from './sources.js';

export type { Connector, Page } from './connector.js';
export { createFetcher, retryAfterMs } from './fetcher.js';
export { mapRecord, readPath } from './mapping.js';
export type { RecordOutcome, RecordSink, RunResult } from './runner.js';
export type { ConnectorRuntime } from './runtime.js';
export { parseSource, RECORD_TYPES, type RecordType, type RestSource, SourceConfigError } from './source-config.js';
export { parseSourceConfig, readSourceFiles, type SourceConfig } from './sources.js';

export const CONNECTOR_ACTIONS = { run: 'connectors.run' } as const;
export const CONNECTOR_COMMANDS = { sync: 'connectors.sync' } as const;
export const CONNECTOR_JOB = 'connectors.sync';
/** The runtime, for the demo and the benchmark (run a source now, list sources). */
export const CONNECTOR_RUNTIME = serviceToken<ConnectorRuntime>('connectors.runtime');
/** A manual run answers within this; a longer one goes on and shows in `sync`. */
const MANUAL_ANSWER_MS = 20_000;

/** The shared record functions, the same as the inbound API's. */
function recordSink(kit: FeatureKit): RecordSink {
  return (type, source, items) => kit.records.upsert(type, source, items);
}

/** The feature, with test seams for the fetcher's waits. */
export function createConnectors(options: Partial<RuntimeOptions> = {}): Feature {
  return async (kit) => {
    // A bad file stops start-up with its name and each bad field, never a half-configured sync.
    const files = readSourceFiles(kit.config.sourcesDir);
    // Stored on first use, not while the app is built: a database whose migrations are pending
    // must still let the server start and answer /readyz with 503.
    let stored: Promise<void> | undefined;
    const ensureStored = () => {
      stored ??= storeSources(kit.db, files).catch((err: unknown) => {
        stored = undefined;
        throw err;
      });
      return stored;
    };
    const inner = createConnectorRuntime(kit, { sink: options.sink ?? recordSink(kit), fetcher: options.fetcher });
    const runtime: ConnectorRuntime = {
      sources: () => ensureStored().then(() => inner.sources()),
      run: (code, trigger) => ensureStored().then(() => inner.run(code, trigger)),
      runDue: (now) => ensureStored().then(() => inner.runDue(now)),
    };

    kit.services.provide(CONNECTOR_RUNTIME, runtime);
    kit.jobs.register({
      name: CONNECTOR_JOB,
      cron: '* * * * *',
      timeZone: kit.config.timeZone,
      runKey: (now) => now.toISOString().slice(0, 16),
      run: async (now) => {
        await runtime.runDue(now);
      },
    });

    kit.commands.register({
      id: CONNECTOR_COMMANDS.sync,
      aliases: ['sync', '同步'],
      roles: ['HR'],
      usage: 'sync [run <source>] / 同步 [运行 <数据源>]',
      describe: 'connectors.command.sync',
      handle: (ctx) => syncStatus(kit, runtime, ctx),
    });
    kit.commands.extend(CONNECTOR_COMMANDS.sync, {
      words: ['run', '运行'],
      roles: ['HR'],
      handle: (ctx: CommandContext) => runCommand(kit, runtime, ctx, ctx.args[0]),
    });
    kit.actions.register({
      id: CONNECTOR_ACTIONS.run,
      roles: ['HR'],
      handle: (ctx) => runCommand(kit, runtime, ctx, ctx.value),
    });
  };
}

export const connectors: Feature = createConnectors();

async function syncStatus(kit: FeatureKit, runtime: ConnectorRuntime, ctx: HandlerContext): Promise<Card[]> {
  const zone = ctx.actor.timeZone;
  const sources = await runtime.sources();
  const rows = await Promise.all(
    sources.map(async (s) => {
      const last = await kit.db.syncRun.findFirst({
        where: { source: s.code },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      });
      const cursor = await kit.db.syncCursor.findFirst({ where: { source: s.code }, orderBy: { updatedAt: 'desc' } });
      const status = !s.config
        ? ('invalid' as const)
        : !s.enabled
          ? ('disabled' as const)
          : ((last?.status as 'ok' | 'failed' | 'running' | undefined) ?? ('never' as const));
      return {
        code: s.code,
        status,
        lastRun: last ? formatLocalTime(last.startedAt, zone) : null,
        read: last?.read ?? 0,
        created: last?.created ?? 0,
        updated: last?.updated ?? 0,
        rejected: last?.rejected ?? 0,
        cursor: cursor?.cursor ?? null,
        error: s.problem ?? last?.error ?? null,
      };
    }),
  );
  const errors = await kit.db.syncError.findMany({ orderBy: { createdAt: 'desc' }, take: 5 });
  return [
    syncCard(
      {
        sources: rows,
        errors: errors.map((e) => ({
          source: e.source,
          when: formatLocalTime(e.createdAt, zone),
          externalId: e.externalId,
          message: e.message,
        })),
        runActionId: CONNECTOR_ACTIONS.run,
      },
      ctx.t,
    ),
  ];
}

async function runCommand(
  kit: FeatureKit,
  runtime: ConnectorRuntime,
  ctx: HandlerContext,
  code: string | undefined,
): Promise<Card[]> {
  const sources = await runtime.sources();
  const codes = sources.map((s) => s.code).join(', ') || '—';
  if (!code) throw new KaopuError('connectors.run.usage', { params: { codes } });
  const wanted = code.toLowerCase().slice(0, 40);
  if (!sources.some((s) => s.code === wanted)) {
    throw new KaopuError('connectors.run.unknown', { status: 404, params: { source: wanted, codes } });
  }
  await kit.audit.as(ctx)({ action: 'connectors.run', subjectType: 'DataSource', subjectId: wanted });
  const running = runtime.run(wanted, 'manual');
  const timer = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), MANUAL_ANSWER_MS).unref());
  const result = await Promise.race([running, timer]);
  if (result === 'waiting' || result.status === 'busy') {
    running.catch((err) => kit.logger.error({ source: wanted, err }, 'manual sync failed'));
    return [noticeCard({ body: ctx.t('connectors.run.busy', { source: wanted }) }, ctx.t)];
  }
  if (result.status !== 'ok' && result.status !== 'failed') {
    throw new KaopuError('connectors.run.disabled', { params: { source: wanted } });
  }
  return [
    syncRunCard(
      {
        source: wanted,
        status: result.status,
        pages: result.pages,
        read: result.read,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected,
        ...(result.status === 'failed' ? { error: result.error } : {}),
      },
      ctx.t,
    ),
  ];
}

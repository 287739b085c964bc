// Runs one connector to the end of its pages: each page's valid records are upserted through the
// shared record functions (the same as the inbound API: upsert by source and external id, the
// same events), the invalid ones become SyncError rows with their raw payload and reason, and
// only then is the page's cursor stored. A crash re-reads the last page; upserts make that
// harmless, so a re-run loses nothing and duplicates nothing.
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Events } from '../kit/index.js';
import type { RecordOutcome, RecordType } from '../records/index.js';
import type { Connector, Page } from './connector.js';

export type { RecordOutcome };

/** kit.records.upsert: validates, writes and emits record.changed (and workOrder.completed). */
export type RecordSink = (
  type: RecordType,
  source: string,
  items: readonly Record<string, unknown>[],
) => Promise<readonly RecordOutcome[]>;

export interface RunnerDeps {
  db: Db;
  events: Events;
  logger: Logger;
  now: () => Date;
  sink: RecordSink;
}

export interface RunCounts {
  pages: number;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export type RunResult =
  | ({ status: 'ok'; runId: string; cursor: string | null } & RunCounts)
  | ({ status: 'failed'; runId: string; error: string; cursor: string | null } & RunCounts)
  | { status: 'busy' };

/** Consecutive failed runs of one source that raise `sync.failed`. */
export const FAILURES_BEFORE_ALERT = 3;
/** A run "running" for longer than this is presumed dead (its process crashed). */
const RUN_LEASE_MS = 30 * 60_000;
const MAX_PAYLOAD_CHARS = 16_000;

/** Runs every connector of one source in turn, as one SyncRun. */
export async function runSource(
  deps: RunnerDeps,
  source: string,
  connectors: readonly Connector[],
  trigger: 'schedule' | 'manual',
): Promise<RunResult> {
  const { db, now } = deps;
  const startedAt = now();
  // One run of a source at a time, across replicas: a live "running" row blocks another.
  const running = await db.syncRun.findFirst({
    where: { source, status: 'running', startedAt: { gt: new Date(startedAt.getTime() - RUN_LEASE_MS) } },
    select: { id: true },
  });
  if (running) return { status: 'busy' };
  await db.syncRun.updateMany({
    where: { source, status: 'running' },
    data: { status: 'failed', finishedAt: startedAt, error: 'interrupted (the process stopped mid-run)' },
  });
  const run = await db.syncRun.create({ data: { source, trigger, status: 'running', startedAt } });
  const counts: RunCounts = { pages: 0, read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  let cursor: string | null = null;
  try {
    for (const connector of connectors) {
      cursor = await runConnector(deps, connector, run.id, counts);
    }
    await db.syncRun.update({ where: { id: run.id }, data: { status: 'ok', finishedAt: now(), ...counts } });
    deps.logger.info({ source, runId: run.id, ...counts }, 'sync finished');
    return { status: 'ok', runId: run.id, cursor, ...counts };
  } catch (err) {
    const error = String((err as Error)?.message ?? err).slice(0, 1000);
    deps.logger.warn({ source, runId: run.id, error, ...counts }, 'sync failed');
    await db.$transaction(async (tx) => {
      await tx.syncRun.update({
        where: { id: run.id },
        data: { status: 'failed', finishedAt: now(), error, ...counts },
      });
      const recent = await tx.syncRun.findMany({
        where: { source, status: { in: ['ok', 'failed'] } },
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        take: FAILURES_BEFORE_ALERT + 1,
        select: { id: true, status: true },
      });
      const streak = recent.findIndex((r) => r.status !== 'failed');
      const failures = streak < 0 ? recent.length : streak;
      // Exactly at the threshold: one alert per streak, not one per run.
      if (failures === FAILURES_BEFORE_ALERT) {
        await deps.events.emit(
          tx as never,
          'sync.failed',
          { source, failures, error: error.slice(0, 500), at: now().toISOString() },
          { key: `${source}:${run.id}` },
        );
      }
    });
    return { status: 'failed', runId: run.id, error, cursor, ...counts };
  }
}

async function runConnector(deps: RunnerDeps, connector: Connector, runId: string, counts: RunCounts) {
  const { db } = deps;
  const where = { source_entity: { source: connector.source, entity: connector.entity } };
  let cursor = (await db.syncCursor.findUnique({ where }))?.cursor ?? null;
  // One page of lookahead: the next request is in flight while this page is written, so the
  // limiter rather than the database sets the pace. Pages are still committed in order.
  const pages = connector.pages(cursor)[Symbol.asyncIterator]();
  let ahead = pages.next();
  ahead.catch(() => {});
  try {
    for (;;) {
      const step = await ahead;
      if (step.done) break;
      ahead = pages.next();
      ahead.catch(() => {});
      cursor = await commitPage(deps, connector, runId, counts, step.value, cursor);
    }
  } finally {
    // Stop the source's generator when a page failed (it is suspended after the lookahead).
    void ahead.then(() => pages.return?.()).catch(() => {});
  }
  return cursor;
}

async function commitPage(
  deps: RunnerDeps,
  connector: Connector,
  runId: string,
  counts: RunCounts,
  page: Page,
  current: string | null,
): Promise<string | null> {
  const { db } = deps;
  const where = { source_entity: { source: connector.source, entity: connector.entity } };
  let cursor = current;
  counts.pages += 1;
  counts.read += page.records.length;
  const errors: { externalId: string | null; message: string; payload: unknown }[] = [];
  const good: { raw: unknown; item: Record<string, unknown> }[] = [];
  for (const raw of page.records) {
    const mapped = await connector.map(raw, page);
    if (mapped.ok) good.push({ raw, item: mapped.item });
    else
      errors.push({
        externalId: mapped.externalId,
        message: mapped.errors.map((e) => e.message).join('; '),
        payload: raw,
      });
  }
  counts.rejected += errors.length;
  if (good.length > 0) {
    const outcomes = await deps.sink(
      connector.recordType,
      connector.source,
      good.map((g) => g.item),
    );
    for (const outcome of outcomes) {
      if (outcome.result === 'rejected') {
        counts.rejected += 1;
        errors.push({
          externalId: outcome.externalId,
          message: (outcome.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ') || 'rejected',
          payload: good[outcome.index]?.raw,
        });
      } else counts[outcome.result] += 1;
    }
  }
  if (errors.length > 0) {
    await db.syncError.createMany({
      data: errors.map((e) => ({
        source: connector.source,
        entity: connector.entity,
        externalId: e.externalId?.slice(0, 128) ?? null,
        message: e.message.slice(0, 2000),
        payload: payloadText(e.payload),
      })),
    });
  }
  // The page's records are committed: only now may the cursor move past them.
  if (page.cursor !== null && page.cursor !== cursor) {
    cursor = page.cursor;
    await db.syncCursor.upsert({
      where,
      create: { source: connector.source, entity: connector.entity, cursor },
      update: { cursor },
    });
  }
  await db.syncRun.update({ where: { id: runId }, data: { ...counts } });
  return cursor;
}

function payloadText(payload: unknown): string | null {
  if (payload === undefined) return null;
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > MAX_PAYLOAD_CHARS ? `${text.slice(0, MAX_PAYLOAD_CHARS)}…` : text;
}

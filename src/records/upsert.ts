// `records.upsert`: one batch of inbound records of one type, each validated on its own, the
// valid ones written in ONE transaction keyed by (source, external id), with the domain events
// their changes imply stored in the same transaction.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Db, Prisma } from '../db/client.js';
import type { EventPayload, Events } from '../kit/index.js';
import { recordHash } from '../shared/index.js';
import { HANDLERS, type Handler, type Refs, type Row } from './handlers.js';
import { KEY_FIELD, RECORD_SCHEMAS, type RecordType, sourceName } from './schemas.js';

export type { RecordType } from './schemas.js';

export interface FieldError {
  field: string;
  message: string;
}

export interface RecordOutcome {
  index: number;
  externalId: string | null;
  result: 'created' | 'updated' | 'unchanged' | 'rejected';
  id?: string;
  errors?: FieldError[];
}

export interface Records {
  /**
   * Validates each item on its own (zod schema per type, exported as RECORD_SCHEMAS), upserts
   * by (source, externalId) in ONE transaction for the valid ones, emits record.changed for
   * every created/updated row and workOrder.completed when a work order reaches COMPLETED.
   * Throws (and writes nothing) when the database fails mid-batch.
   */
  upsert(type: RecordType, source: string, items: readonly unknown[]): Promise<RecordOutcome[]>;
}

export interface RecordsDeps {
  db: Db;
  events: Pick<Events, 'emitMany'>;
  now: () => Date;
  logger: Logger;
  /** Interactive transaction timeout; a 500-record batch takes well under a second. */
  transactionTimeoutMs?: number;
}

type Tx = Prisma.TransactionClient;

function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(record)', message: i.message }));
}

function rawKey(type: RecordType, item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const value = (item as Record<string, unknown>)[KEY_FIELD[type]];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 128) : null;
}

function withoutUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

const pick = (row: Row, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));

/** People by employee number or e-mail (case-insensitive); an e-mail two people share is ambiguous. */
async function loadPeople(tx: Tx, keys: readonly string[]): Promise<Map<string, string | 'ambiguous'>> {
  const people = new Map<string, string | 'ambiguous'>();
  if (!keys.length) return people;
  const emails = keys.filter((k) => k.includes('@'));
  const numbers = keys.filter((k) => !k.includes('@'));
  const rows = await tx.employee.findMany({
    where: {
      OR: [
        ...(numbers.length ? [{ employeeNo: { in: numbers } }] : []),
        ...(emails.length ? [{ email: { in: [...new Set([...emails, ...emails.map((e) => e.toLowerCase())])] } }] : []),
      ],
    },
    select: { id: true, employeeNo: true, email: true },
  });
  for (const row of rows) {
    people.set(row.employeeNo, row.id);
    if (row.email) {
      const email = row.email.toLowerCase();
      const seen = people.get(email);
      people.set(email, seen && seen !== row.id ? 'ambiguous' : row.id);
    }
  }
  return people;
}

function createRefs(tx: Tx, source: string, people: Map<string, string | 'ambiguous'>): Refs {
  const memo = new Map<string, Promise<string | null>>();
  const once = (key: string, load: () => Promise<string | null>) => {
    let hit = memo.get(key);
    if (!hit) {
      hit = load();
      memo.set(key, hit);
    }
    return hit;
  };
  return {
    source,
    tx,
    person(key) {
      const id = people.get(key.includes('@') ? key.toLowerCase() : key);
      if (id === 'ambiguous') return { error: 'two people share this e-mail; use the employee number' };
      return id ? { id } : { error: 'no employee with this number or e-mail' };
    },
    learnPerson(row) {
      people.set(row.employeeNo, row.id);
      if (row.email) people.set(row.email.toLowerCase(), row.id);
    },
    site: (code) =>
      once(
        `site:${code}`,
        async () => (await tx.site.findUnique({ where: { code }, select: { id: true } }))?.id ?? null,
      ),
    team: (code) =>
      once(
        `team:${code}`,
        async () => (await tx.team.findUnique({ where: { code }, select: { id: true } }))?.id ?? null,
      ),
    position: (code) =>
      once(
        `position:${code}`,
        async () => (await tx.position.findUnique({ where: { code }, select: { id: true } }))?.id ?? null,
      ),
    async department(code) {
      // Not memoised: a department created earlier in the batch must be found.
      return (await tx.department.findUnique({ where: { code }, select: { id: true } }))?.id ?? null;
    },
    async customer(externalId, name) {
      const found = await once(
        `customer:${externalId}`,
        async () => (await tx.customer.findUnique({ where: { externalId }, select: { id: true } }))?.id ?? null,
      );
      if (found) return found;
      const created = await tx.customer.create({
        data: { externalId, name: name ?? externalId },
        select: { id: true },
      });
      memo.set(`customer:${externalId}`, Promise.resolve(created.id));
      return created.id;
    },
    async ticket(externalId) {
      const row = await tx.helpdeskTicket.findUnique({
        where: { source_externalId: { source, externalId } },
        select: { id: true },
      });
      return row?.id ?? null;
    },
  };
}

export function createRecords(deps: RecordsDeps): Records {
  const { db, events, now } = deps;
  const timeout = deps.transactionTimeoutMs ?? 120_000;

  return {
    async upsert(type, source, items) {
      const handler = HANDLERS[type] as Handler<unknown>;
      if (!handler) throw new Error(`unknown record type "${type}"`);
      const src = sourceName.parse(source);
      const outcomes: RecordOutcome[] = [];
      const valid: { index: number; key: string; item: unknown }[] = [];
      items.forEach((item, index) => {
        const parsed = RECORD_SCHEMAS[type].safeParse(item);
        if (!parsed.success) {
          outcomes[index] = {
            index,
            externalId: rawKey(type, item),
            result: 'rejected',
            errors: issuesToErrors(parsed.error.issues),
          };
          return;
        }
        valid.push({ index, key: handler.key(parsed.data), item: parsed.data });
      });
      if (!valid.length) return outcomes;

      // A concurrent batch may insert the same new key first (unique violation, the whole
      // transaction rolled back): the second attempt finds that row and updates it or leaves it.
      for (let attempt = 1; ; attempt++) {
        try {
          await db.$transaction(runBatch, { timeout, maxWait: 10_000 });
          break;
        } catch (err) {
          if (attempt >= 2 || (err as { code?: string }).code !== 'P2002') throw err;
          deps.logger.info({ type }, 'records batch raced another on a new key; retrying once');
        }
      }
      async function runBatch(tx: Tx) {
        const at = now();
        const personKeys = new Set<string>();
        for (const v of valid) for (const k of handler.people(v.item)) if (k) personKeys.add(k);
        const people = await loadPeople(tx, [...personKeys]);
        const refs = createRefs(tx, src, people);
        const model = handler.model(tx);
        const keys = [...new Set(valid.map((v) => v.key))];
        const existingRows = await model.findMany({
          where: handler.sourced
            ? { source: src, [handler.keyColumn]: { in: keys } }
            : { [handler.keyColumn]: { in: keys } },
        });
        const existing = new Map(existingRows.map((r) => [String(r[handler.keyColumn]), r]));

        // Creates of types no later item refers to wait and go in one INSERT per batch.
        interface Write {
          index: number;
          key: string;
          before: Row | null;
          hash: string;
          after?: Row;
        }
        const writes: Write[] = [];
        const pending = new Map<string, { write: Write; data: Record<string, unknown> }>();
        const flush = async () => {
          if (!pending.size) return;
          const waiting = [...pending.values()];
          pending.clear();
          const rows = await model.createManyAndReturn({ data: waiting.map((p) => p.data) });
          const byKey = new Map(rows.map((r) => [String(r[handler.keyColumn]), r]));
          for (const { write } of waiting) {
            const row = byKey.get(write.key);
            if (!row) throw new Error(`created ${type} ${write.key} was not returned`);
            write.after = row;
            existing.set(write.key, row);
            outcomes[write.index] = { index: write.index, externalId: write.key, result: 'created', id: row.id };
          }
        };

        for (const { index, key, item } of valid) {
          if (pending.has(key)) await flush();
          const before = existing.get(key) ?? null;
          if (handler.updateOnly && !before) {
            outcomes[index] = {
              index,
              externalId: key,
              result: 'rejected',
              errors: [{ field: handler.keyColumn, message: handler.updateOnly }],
            };
            continue;
          }
          const { data: rawData, errors } = await handler.toData(item, refs, before);
          if (errors.length) {
            outcomes[index] = { index, externalId: key, result: 'rejected', errors };
            continue;
          }
          const data = withoutUndefined(rawData);
          const hash = recordHash(data);
          if (before && recordHash(pick(before, Object.keys(data))) === hash) {
            outcomes[index] = { index, externalId: key, result: 'unchanged', id: before.id };
            continue;
          }
          const write: Write = { index, key, before, hash };
          writes.push(write);
          const createData = { ...data, [handler.keyColumn]: key, ...(handler.sourced ? { source: src } : {}) };
          if (!before && handler.batchCreates) {
            pending.set(key, { write, data: createData });
            continue;
          }
          const after = before
            ? await model.update({ where: { id: before.id }, data })
            : await model.create({ data: createData });
          write.after = after;
          existing.set(key, after);
          handler.learn?.(after, refs);
          outcomes[index] = { index, externalId: key, result: before ? 'updated' : 'created', id: after.id };
        }
        await flush();

        // KPI inputs: each person and instant a written record counted for, before and after.
        const changed: { payload: EventPayload<'record.changed'>; key: string }[] = [];
        const completions: { payload: EventPayload<'workOrder.completed'>; key: string }[] = [];
        for (const { before, after, hash } of writes) {
          if (!after) continue;
          const seen = new Set<string>();
          for (const change of [...(before ? handler.counts(before, at) : []), ...handler.counts(after, at)]) {
            if (!change.employeeId) continue;
            const iso = change.at.toISOString();
            const tag = `${change.employeeId}:${iso}`;
            if (seen.has(tag)) continue;
            seen.add(tag);
            changed.push({
              payload: { recordType: type, recordId: after.id, employeeId: change.employeeId, at: iso },
              key: `${type}:${after.id}:${tag}:${hash.slice(0, 16)}:${at.getTime()}`,
            });
          }
          const completed = handler.completed?.(before, after, at);
          if (completed) {
            completions.push({
              payload: {
                workOrderId: after.id,
                employeeId: completed.employeeId,
                completedAt: completed.completedAt.toISOString(),
              },
              key: after.id,
            });
          }
        }
        await events.emitMany(tx, 'record.changed', changed);
        await events.emitMany(tx, 'workOrder.completed', completions);
      }
      deps.logger.debug(
        {
          type,
          total: items.length,
          ...Object.fromEntries(
            (['created', 'updated', 'unchanged', 'rejected'] as const).map((r) => [
              r,
              outcomes.filter((o) => o.result === r).length,
            ]),
          ),
        },
        'records upserted',
      );
      return outcomes;
    },
  };
}

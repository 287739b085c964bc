// Zendesk Support: the cursor-based incremental ticket export and the CSAT satisfaction ratings,
// as two connectors of one source. Tickets and ratings are attributed to the agent's employee
// by the agent's email: a ticket to its assignee, a rating to the assignee at rating time
// (the rating's own assignee_id, not the ticket's current one). Shapes follow Zendesk's public
// API reference (Incremental Exports; Satisfaction Ratings; Users show_many).
import { z } from 'zod';
import type { Connector, Page } from './connector.js';
import { laterCursor } from './connector.js';
import type { Fetcher } from './fetcher.js';
import type { MappedRecord } from './mapping.js';
import { authSchema, type RestSource, restSourceSchema } from './source-config.js';

export const zendeskSourceSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
  kind: z.literal('zendesk'),
  name: z.string().max(80).optional(),
  enabled: z.boolean().default(true),
  /** https://<subdomain>.zendesk.com */
  baseUrl: z.url().transform((v) => v.replace(/\/+$/, '')),
  /** API token auth is basic auth as "<agent email>/token" and the token. */
  auth: authSchema,
  /** Where the first run starts (ISO date); later runs continue from the stored cursors. */
  startDate: z.iso.date().default('2026-01-01'),
  everyMinutes: z.number().int().min(1).max(1440).default(10),
  /** Zendesk allows 10 incremental-export requests a minute. */
  rateLimit: z
    .object({
      requests: z.number().int().min(1).default(10),
      perMs: z.number().int().min(1).default(60_000),
      concurrency: z.number().int().min(1).max(4).default(1),
    })
    .default({ requests: 10, perMs: 60_000, concurrency: 1 }),
  timeoutMs: z.number().int().min(100).max(120_000).default(30_000),
  retry: z
    .object({
      attempts: z.number().int().min(1).max(10).default(5),
      baseMs: z.number().int().min(1).default(1000),
      maxMs: z.number().int().min(1).default(60_000),
    })
    .default({ attempts: 5, baseMs: 1000, maxMs: 60_000 }),
});
export type ZendeskSource = z.infer<typeof zendeskSourceSchema>;

/** The request settings the fetcher needs, in the generic source's shape. */
export function zendeskRequestSettings(source: ZendeskSource): RestSource {
  return restSourceSchema.parse({
    code: source.code,
    recordType: 'ticket',
    baseUrl: source.baseUrl,
    request: { path: '/api/v2/incremental/tickets/cursor.json' },
    auth: source.auth,
    rateLimit: source.rateLimit,
    timeoutMs: source.timeoutMs,
    retry: source.retry,
    mapping: { externalId: 'id' },
  });
}

const zendeskTicket = z.object({
  id: z.number().int(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted']),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  assignee_id: z.number().int().nullable().optional(),
  type: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  via: z.object({ channel: z.string() }).partial().optional(),
});
const zendeskRating = z.object({
  id: z.number().int(),
  ticket_id: z.number().int(),
  assignee_id: z.number().int().nullable(),
  score: z.string(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }).optional(),
});
const usersResponse = z.object({
  users: z.array(z.object({ id: z.number().int(), email: z.string().nullable().optional() })),
});

/** Zendesk channels (via.channel) in Kaopu's words. */
const CHANNELS: Record<string, string> = {
  email: 'email',
  web: 'web',
  chat: 'chat',
  native_messaging: 'chat',
  voice: 'phone',
  api: 'api',
};

/** Agent id → email, fetched 100 at a time (users/show_many) and kept for the run. */
function agentDirectory(fetcher: Fetcher) {
  const emails = new Map<number, string | null>();
  return {
    async load(ids: Iterable<number>) {
      const missing = [...new Set(ids)].filter((id) => !emails.has(id));
      for (let i = 0; i < missing.length; i += 100) {
        const chunk = missing.slice(i, i + 100);
        const body = usersResponse.safeParse(await fetcher.get(`/api/v2/users/show_many.json?ids=${chunk.join(',')}`));
        if (!body.success) throw new Error('Zendesk users/show_many answered an unexpected shape');
        for (const id of chunk) emails.set(id, null);
        for (const user of body.data.users) emails.set(user.id, user.email?.toLowerCase() ?? null);
      }
    },
    email: (id: number | null | undefined) => (id == null ? null : (emails.get(id) ?? null)),
  };
}

function idsOf(records: readonly unknown[]): number[] {
  const ids: number[] = [];
  for (const r of records) {
    const id = (r as { assignee_id?: unknown } | null)?.assignee_id;
    if (typeof id === 'number') ids.push(id);
  }
  return ids;
}

function invalid(source: string, raw: unknown, error: z.ZodError): MappedRecord {
  const id = (raw as { id?: unknown } | null)?.id;
  return {
    ok: false,
    externalId: typeof id === 'number' || typeof id === 'string' ? String(id) : null,
    errors: error.issues.map((i) => ({
      field: i.path.join('.') || '(record)',
      message: `${i.path.join('.') || '(record)'} of source "${source}": ${i.message}`,
    })),
  };
}

export function zendeskConnectors(source: ZendeskSource, fetcher: Fetcher): Connector[] {
  const agents = agentDirectory(fetcher);
  const startEpoch = Math.floor(Date.parse(`${source.startDate}T00:00:00Z`) / 1000);

  const tickets: Connector = {
    source: source.code,
    entity: 'tickets',
    recordType: 'ticket',
    async *pages(stored) {
      // Cursor-based export: start_time once, then the after_cursor of the last committed page.
      let url = stored
        ? `/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(stored)}`
        : `/api/v2/incremental/tickets/cursor.json?start_time=${startEpoch}`;
      for (;;) {
        const body = (await fetcher.get(url)) as Record<string, unknown>;
        if (!Array.isArray(body?.tickets)) throw new Error('Zendesk incremental export answered without tickets');
        await agents.load(idsOf(body.tickets));
        const after = typeof body.after_cursor === 'string' && body.after_cursor ? body.after_cursor : null;
        yield { records: body.tickets, body, cursor: after };
        if (body.end_of_stream === true || !after) return;
        url = `/api/v2/incremental/tickets/cursor.json?cursor=${encodeURIComponent(after)}`;
      }
    },
    map(raw) {
      const parsed = zendeskTicket.safeParse(raw);
      if (!parsed.success) return invalid(source.code, raw, parsed.error);
      const t = parsed.data;
      const solved = t.status === 'solved' || t.status === 'closed';
      return {
        ok: true,
        externalId: String(t.id),
        item: {
          externalId: String(t.id),
          employee: agents.email(t.assignee_id),
          channel: CHANNELS[t.via?.channel ?? ''] ?? 'other',
          openedAt: new Date(t.created_at).toISOString(),
          status: t.status === 'deleted' ? 'deleted' : solved ? 'solved' : 'open',
          // Zendesk says when a ticket was solved only in its metrics; updated_at is the close bound.
          resolvedAt: solved ? new Date(t.updated_at).toISOString() : null,
          isComplaint: t.type === 'problem' || (t.tags ?? []).includes('complaint'),
        },
      };
    },
  };

  const ratings: Connector = {
    source: source.code,
    entity: 'ratings',
    recordType: 'ticketRating',
    async *pages(stored) {
      // Received ratings since the cursor (epoch seconds of the newest rating committed).
      const since = stored ?? String(startEpoch);
      let url: string | null = `/api/v2/satisfaction_ratings.json?score=received&start_time=${since}&page[size]=100`;
      let cursor: string | null = stored;
      while (url) {
        const body = (await fetcher.get(url)) as Record<string, unknown>;
        const list = body?.satisfaction_ratings;
        if (!Array.isArray(list)) throw new Error('Zendesk satisfaction_ratings answered without ratings');
        await agents.load(idsOf(list));
        for (const r of list) {
          const at = Date.parse(String((r as { created_at?: unknown })?.created_at));
          if (Number.isFinite(at)) cursor = laterCursor(cursor, String(Math.floor(at / 1000)));
        }
        yield { records: list, body, cursor };
        const meta = body.meta as { has_more?: unknown } | undefined;
        const next = (body.links as { next?: unknown } | undefined)?.next;
        url = meta?.has_more === true && typeof next === 'string' ? next : null;
      }
    },
    map(raw: unknown, _page: Page) {
      const parsed = zendeskRating.safeParse(raw);
      if (!parsed.success) return invalid(source.code, raw, parsed.error);
      const r = parsed.data;
      const score = r.score.startsWith('good') ? 5 : r.score.startsWith('bad') ? 1 : null;
      if (score === null) {
        return invalid(
          source.code,
          raw,
          new z.ZodError([
            {
              code: 'custom',
              path: ['score'],
              message: `is not a received rating (${r.score.slice(0, 20)})`,
              input: r.score,
            },
          ]),
        );
      }
      // A rating is stored on its ticket (pulled first, in the same run), keyed by the ticket's id.
      return {
        ok: true,
        externalId: String(r.ticket_id),
        item: { externalId: String(r.ticket_id), rating: score, ratedAt: new Date(r.created_at).toISOString() },
      };
    },
  };
  return [tickets, ratings];
}

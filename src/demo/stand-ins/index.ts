// Demo only (main.ts adds it in demo mode; production never mounts it): serves three stand-in
// business systems under /demo-systems on Kaopu's own server, and registers them as generic REST
// sources once the server's address is known, so `npm start` shows scheduled syncs through the
// real connector code — work orders arriving and completing during the day.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Feature } from '../../bot/feature.js';
import type { Db } from '../../db/client.js';
import { STAND_IN_PREFIX, standInSources } from './sources.js';
import { changedSince, crmDeals, fieldOpsJobs, helpdeskTickets, type StandInStaff } from './systems.js';

export { STAND_IN_PREFIX, standInSources } from './sources.js';

const since = z
  .string()
  .max(40)
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    const d = /^\d+$/.test(v) ? new Date(Number(v) * (v.length <= 10 ? 1000 : 1)) : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'not a time' });
      return z.NEVER;
    }
    return d;
  });
const count = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback);
const PUBLIC = { config: { guard: { kind: 'public' as const } } };

async function loadStaff(db: Db): Promise<StandInStaff> {
  const rows = await db.employee.findMany({
    where: {
      status: { not: 'LEFT' },
      email: { not: null },
      positionId: { in: ['pos_engineer', 'pos_sales_rep', 'pos_cs_agent'] },
    },
    select: { email: true, positionId: true },
    orderBy: { employeeNo: 'asc' },
  });
  const of = (position: string) => rows.filter((r) => r.positionId === position).map((r) => r.email as string);
  return { engineers: of('pos_engineer'), salesReps: of('pos_sales_rep'), agents: of('pos_cs_agent') };
}

export const demoStandIns: Feature = (kit) => {
  let staff: { at: number; value: Promise<StandInStaff> } | null = null;
  const people = () => {
    const now = Date.now();
    if (!staff || now - staff.at > 60_000) staff = { at: now, value: loadStaff(kit.db) };
    return staff.value;
  };
  const zone = kit.config.timeZone;
  const bad = (request: FastifyRequest) => ({ error: 'bad query', path: request.url.split('?')[0] });

  kit.mountRoutes((server) => {
    server.get(`${STAND_IN_PREFIX}/fieldops/v2/jobs`, PUBLIC, async (request, reply) => {
      const query = z
        .object({ changed_since: since, page: count(10_000, 1), per_page: count(100, 20) })
        .safeParse(request.query);
      if (!query.success) return reply.code(400).send(bad(request));
      const { changed_since, page, per_page } = query.data;
      const items = changedSince(fieldOpsJobs(kit.now(), zone, await people()), changed_since);
      const rows = items.slice((Math.max(page, 1) - 1) * per_page, Math.max(page, 1) * per_page);
      return { result: { rows: rows.map((i) => i.record), total: items.length } };
    });

    server.get(`${STAND_IN_PREFIX}/crm/api/deals`, PUBLIC, async (request, reply) => {
      const query = z
        .object({ modified_since: since, offset: count(100_000, 0), limit: count(100, 20) })
        .safeParse(request.query);
      if (!query.success) return reply.code(400).send(bad(request));
      const { modified_since, offset, limit } = query.data;
      const items = changedSince(crmDeals(kit.now(), zone, await people()), modified_since);
      return { data: items.slice(offset, offset + limit).map((i) => i.record) };
    });

    server.get(`${STAND_IN_PREFIX}/helpdesk/api/tickets`, PUBLIC, async (request, reply) => {
      const query = z
        .object({ updated_after: since, after: count(100_000, 0), limit: count(100, 20) })
        .safeParse(request.query);
      if (!query.success) return reply.code(400).send(bad(request));
      const { updated_after, after, limit } = query.data;
      const items = changedSince(helpdeskTickets(kit.now(), zone, await people()), updated_after);
      const end = after + limit;
      const next = new URLSearchParams({ after: String(end), limit: String(limit) });
      if (updated_after) next.set('updated_after', String(Math.floor(updated_after.getTime() / 1000)));
      return {
        items: items.slice(after, end).map((i) => i.record),
        links: { next: end < items.length ? `${STAND_IN_PREFIX}/helpdesk/api/tickets?${next}` : null },
      };
    });
  });
};

/** Registers the stand-ins as DataSource rows pointing at this server (called once it listens). */
export async function connectDemoSources(db: Db, origin: string): Promise<string[]> {
  const sources = standInSources(origin);
  for (const source of sources) {
    const config = JSON.parse(JSON.stringify(source));
    await db.dataSource.upsert({
      where: { code: source.code },
      create: { code: source.code, kind: source.kind, config, enabled: true },
      update: { kind: source.kind, config },
    });
  }
  return sources.map((s) => s.code);
}

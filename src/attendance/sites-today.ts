// The sites that count for an employee today: the customer sites of today's work orders (the one
// in progress first), then the sites they checked in at recently (their usual sites and office).
import type { Db } from '../db/client.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';
import type { Datum } from './rules/index.js';

export interface CountingSite {
  id: string;
  code: string;
  name: string;
  lat: number;
  lng: number;
  datum: Datum;
  radiusM: number;
  /** Today's work order at this site, when there is one. */
  workOrderId: string | null;
  workOrderTitle: string | null;
}

const ORDER_RANK: Record<string, number> = { IN_PROGRESS: 0, ASSIGNED: 1, OPEN: 2, COMPLETED: 3, CLOSED: 4 };
const RECENT_DAYS = 30;

export async function sitesForToday(db: Db, employeeId: string, now: Date, timeZone: string): Promise<CountingSite[]> {
  const today = localDate(now, timeZone);
  const start = zonedTime(today, 0, timeZone);
  const end = zonedTime(addDays(today, 1), 0, timeZone);
  const orders = await db.workOrder.findMany({
    where: {
      assigneeId: employeeId,
      siteId: { not: null },
      status: { not: 'CANCELLED' },
      OR: [{ assignedAt: { gte: start, lt: end } }, { openedAt: { gte: start, lt: end } }, { status: 'IN_PROGRESS' }],
    },
    select: { id: true, title: true, status: true, assignedAt: true, site: true },
    take: 20,
  });
  orders.sort(
    (a, b) =>
      (ORDER_RANK[a.status] ?? 9) - (ORDER_RANK[b.status] ?? 9) ||
      (a.assignedAt?.getTime() ?? 0) - (b.assignedAt?.getTime() ?? 0),
  );
  const out: CountingSite[] = [];
  const seen = new Set<string>();
  for (const o of orders) {
    if (!o.site || seen.has(o.site.id)) continue;
    seen.add(o.site.id);
    out.push({ ...siteOf(o.site), workOrderId: o.id, workOrderTitle: o.title });
  }
  const recent = await db.checkIn.groupBy({
    by: ['siteId'],
    where: { employeeId, siteId: { not: null }, at: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } },
    _count: { _all: true },
  });
  const ids = recent
    .filter((r) => r.siteId && !seen.has(r.siteId))
    .sort((a, b) => b._count._all - a._count._all)
    .map((r) => r.siteId as string);
  if (ids.length) {
    const sites = await db.site.findMany({ where: { id: { in: ids } } });
    for (const id of ids) {
      const s = sites.find((x) => x.id === id);
      if (s) out.push({ ...siteOf(s), workOrderId: null, workOrderTitle: null });
    }
  }
  return out;
}

function siteOf(s: {
  id: string;
  code: string;
  name: string;
  lat: number;
  lng: number;
  datum: Datum;
  radiusM: number;
}) {
  return { id: s.id, code: s.code, name: s.name, lat: s.lat, lng: s.lng, datum: s.datum, radiusM: s.radiusM };
}

// The check-ins behind an attendance metric (the KPI "why").
import type { Db } from '../db/client.js';
import { type WhyRow, whyExcerpt } from '../kpi/index.js';

export async function checkInWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.checkIn.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, at: true, kind: true, lateMinutes: true, site: { select: { name: true } } },
    })
  ).map((r) => ({
    ref: r.kind,
    at: r.at,
    rank: -r.lateMinutes,
    score: r.kind,
    detail: whyExcerpt(r.site?.name),
    flags: { lateMinutes: r.lateMinutes },
  }));
}

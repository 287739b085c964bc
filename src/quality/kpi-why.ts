// The errors behind a quality metric (the KPI "why").
import type { Db } from '../db/client.js';
import { type WhyRow, whyExcerpt } from '../kpi/index.js';

export async function qualityErrorWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.qualityError.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, grade: true, category: true, occurredAt: true },
    })
  ).map((r) => ({
    ref: r.id,
    at: r.occurredAt,
    rank: r.grade === 'MAJOR' ? 0 : 1,
    score: r.grade,
    detail: whyExcerpt(r.category),
    flags: {},
  }));
}

// The work orders behind a work-order metric (the KPI "why").
import type { Db } from '../db/client.js';
import { type WhyRow, whyExcerpt } from '../kpi/index.js';

export async function workOrderWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.workOrder.findMany({
      where: { id: { in: [...ids] } },
      select: {
        externalId: true,
        title: true,
        difficulty: true,
        openedAt: true,
        completedAt: true,
        resolved: true,
        reopenCount: true,
      },
    })
  ).map((r) => ({
    ref: r.externalId,
    at: r.completedAt ?? r.openedAt,
    rank: (r.resolved ? 10 : 0) - r.reopenCount,
    score: `★${r.difficulty}`,
    detail: whyExcerpt(r.title),
    flags: {},
  }));
}

// The errors behind a quality metric (the KPI "why"): each error with its grade and appeal state.
import type { Db } from '../db/client.js';
import { type WhyList, whyExcerpt } from '../kpi/index.js';

export async function qualityErrorWhyRows(db: Db, ids: readonly string[]): Promise<WhyList> {
  const errors = await db.qualityError.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      grade: true,
      category: true,
      occurredAt: true,
      status: true,
      appeals: { select: { status: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
  });
  return {
    combine: 'sum',
    rows: errors.map((r) => {
      const appeal = r.appeals[0]?.status;
      return {
        ref: r.id.slice(-6),
        at: r.occurredAt,
        rank: r.grade === 'MAJOR' ? 0 : 1,
        part: 1,
        hurts: true,
        effect: {
          key: r.grade === 'MAJOR' ? 'why.error.major' : 'why.error.minor',
          params: {
            appeal:
              appeal === 'PENDING'
                ? 'pending'
                : appeal === 'REJECTED'
                  ? 'rejected'
                  : appeal === 'ACCEPTED'
                    ? 'accepted'
                    : 'none',
          },
        },
        detail: whyExcerpt(r.category),
      };
    }),
  };
}

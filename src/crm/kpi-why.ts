// The orders behind a CRM metric (the KPI "why").
import type { Db } from '../db/client.js';
import type { WhyRow } from '../kpi/index.js';

export async function crmOrderWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.crmOrder.findMany({
      where: { id: { in: [...ids] } },
      select: { externalId: true, orderedAt: true, amountCents: true, collectedCents: true },
    })
  ).map((r) => ({
    ref: r.externalId,
    at: r.orderedAt,
    rank: r.amountCents === 0 ? 0 : r.collectedCents / r.amountCents,
    score: `¥${(r.amountCents / 100).toLocaleString('en-US')}`,
    detail: `¥${(r.collectedCents / 100).toLocaleString('en-US')}`,
    flags: {},
  }));
}

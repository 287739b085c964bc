// The orders behind a CRM metric (the KPI "why"): each won order's amount, or what it collected.
import type { Db } from '../db/client.js';
import type { WhyContext, WhyList } from '../kpi/index.js';

export async function crmOrderWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  const orders = await db.crmOrder.findMany({
    where: { id: { in: [...ids] } },
    select: { externalId: true, orderedAt: true, amountCents: true, collectedCents: true },
  });
  if (ctx.metric === 'collection_rate') {
    return {
      combine: 'percent',
      rows: orders.map((r) => ({
        ref: r.externalId,
        at: r.orderedAt,
        rank: r.amountCents === 0 ? 0 : r.collectedCents / r.amountCents,
        part: r.collectedCents,
        base: r.amountCents,
        hurts: r.collectedCents < r.amountCents,
        effect: { key: 'why.crm.collected', params: { collectedCents: r.collectedCents, amountCents: r.amountCents } },
        detail: '',
      })),
    };
  }
  return {
    combine: 'sum',
    rows: orders.map((r) => ({
      ref: r.externalId,
      at: r.orderedAt,
      rank: -r.amountCents,
      part: r.amountCents,
      hurts: false,
      effect: { key: 'why.crm.won', params: { amountCents: r.amountCents } },
      detail: '',
    })),
  };
}

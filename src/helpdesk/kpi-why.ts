// The tickets behind a helpdesk or complaint metric (the KPI "why").
import type { Db } from '../db/client.js';
import type { WhyRow } from '../kpi/index.js';

export async function helpdeskTicketWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.helpdeskTicket.findMany({
      where: { id: { in: [...ids] } },
      select: {
        externalId: true,
        openedAt: true,
        rating: true,
        isComplaint: true,
        repeatOfId: true,
        channel: true,
      },
    })
  ).map((r) => ({
    ref: r.externalId,
    at: r.openedAt,
    rank: (r.isComplaint ? 0 : 10) + (r.rating ?? 6),
    score: r.rating === null ? '—' : String(r.rating),
    detail: r.channel,
    flags: { complaint: r.isComplaint, repeat: r.repeatOfId !== null },
  }));
}

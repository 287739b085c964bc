// The tickets behind a helpdesk or complaint metric (the KPI "why").
import type { Db } from '../db/client.js';
import type { WhyContext, WhyList, WhyRow } from '../kpi/index.js';

type Ticket = Awaited<ReturnType<typeof load>>[number];

function load(db: Db, ids: readonly string[]) {
  return db.helpdeskTicket.findMany({
    where: { id: { in: [...ids] } },
    select: {
      externalId: true,
      openedAt: true,
      firstResponseAt: true,
      resolvedAt: true,
      rating: true,
      isComplaint: true,
      repeatOfId: true,
      channel: true,
    },
  });
}

function row(r: Ticket, metric: string): WhyRow {
  const base = { ref: r.externalId, at: r.openedAt, detail: '' };
  switch (metric) {
    case 'complaints':
    case 'repeat_complaints':
      return {
        ...base,
        rank: r.repeatOfId ? 0 : 1,
        part: 1,
        hurts: true,
        effect: { key: r.repeatOfId ? 'why.ticket.repeat_complaint' : 'why.ticket.complaint' },
      };
    case 'ticket_resolution_rate':
      return {
        ...base,
        rank: r.resolvedAt ? 1 : 0,
        part: r.resolvedAt ? 1 : 0,
        hurts: !r.resolvedAt,
        effect: { key: r.resolvedAt ? 'why.ticket.resolved' : 'why.ticket.unresolved' },
      };
    case 'ticket_response_minutes': {
      const took = r.firstResponseAt ? (r.firstResponseAt.getTime() - r.openedAt.getTime()) / 60_000 : 0;
      return {
        ...base,
        rank: -took,
        part: took,
        hurts: false,
        effect: { key: 'why.ticket.responded', params: { tookMinutes: took } },
      };
    }
    case 'ticket_rating_avg':
      return {
        ...base,
        rank: r.rating ?? 0,
        part: r.rating ?? 0,
        hurts: (r.rating ?? 0) <= 3,
        effect: { key: 'why.ticket.rating', params: { rating: r.rating ?? 0 } },
      };
    default:
      return {
        ...base,
        rank: r.isComplaint ? 0 : 1,
        part: 1,
        hurts: r.isComplaint,
        effect: { key: r.isComplaint ? 'why.ticket.complaint' : 'why.ticket.handled' },
      };
  }
}

const COMBINE: Record<string, WhyList['combine']> = {
  ticket_resolution_rate: 'percent',
  ticket_response_minutes: 'mean',
  ticket_rating_avg: 'mean',
};

export async function helpdeskTicketWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  return { combine: COMBINE[ctx.metric] ?? 'sum', rows: (await load(db, ids)).map((r) => row(r, ctx.metric)) };
}

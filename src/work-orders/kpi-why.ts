// The work orders behind a work-order metric (the KPI "why"): per metric, what each order did to
// the figure — a breach against its deadline, a reopen, its difficulty points.
import type { Db } from '../db/client.js';
import { type WhyContext, type WhyList, type WhyRow, whyExcerpt } from '../kpi/index.js';

const DONE = new Set(['COMPLETED', 'CLOSED']);
const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

type Order = Awaited<ReturnType<typeof load>>[number];

function load(db: Db, ids: readonly string[]) {
  return db.workOrder.findMany({
    where: { id: { in: [...ids] } },
    select: {
      externalId: true,
      title: true,
      difficulty: true,
      status: true,
      openedAt: true,
      assignedAt: true,
      firstResponseAt: true,
      arrivedAt: true,
      completedAt: true,
      slaResponseMinutes: true,
      slaArrivalMinutes: true,
      resolved: true,
      reopenCount: true,
    },
  });
}

/** An SLA row: met or breached against the deadline, the worst breaches first. */
function slaRow(o: Order, reached: Date | null, limit: number, missedKey: `why.${string}`): WhyRow {
  const start = o.assignedAt ?? o.openedAt;
  const deadline = new Date(start.getTime() + limit * 60_000);
  const base = { ref: o.externalId, detail: whyExcerpt(o.title) };
  if (!reached) {
    return {
      ...base,
      at: deadline,
      rank: -1e9,
      part: 0,
      hurts: true,
      effect: { key: missedKey, params: { deadlineAt: deadline.toISOString(), limitMinutes: limit } },
    };
  }
  const took = minutesBetween(start, reached);
  const met = took <= limit;
  return {
    ...base,
    at: reached,
    rank: met ? took - limit : -(took - limit) * 1000,
    part: met ? 1 : 0,
    hurts: !met,
    effect: met
      ? { key: 'why.sla.met', params: { tookMinutes: took, limitMinutes: limit } }
      : { key: 'why.sla.late', params: { tookMinutes: took, limitMinutes: limit, overMinutes: took - limit } },
  };
}

function row(o: Order, metric: string): WhyRow {
  const base = { ref: o.externalId, detail: whyExcerpt(o.title) };
  const done = DONE.has(o.status);
  switch (metric) {
    case 'wo_response_sla':
      return slaRow(o, o.firstResponseAt, o.slaResponseMinutes ?? 0, 'why.sla.no_response');
    case 'wo_arrival_sla':
      return slaRow(o, o.arrivedAt, o.slaArrivalMinutes ?? 0, 'why.sla.no_arrival');
    case 'wo_response_minutes': {
      const took = o.firstResponseAt ? minutesBetween(o.assignedAt ?? o.openedAt, o.firstResponseAt) : 0;
      const late = o.slaResponseMinutes !== null && took > o.slaResponseMinutes;
      return {
        ...base,
        at: o.firstResponseAt ?? o.openedAt,
        rank: -took,
        part: took,
        hurts: late,
        effect: { key: 'why.wo.responded', params: { tookMinutes: took } },
      };
    }
    case 'wo_resolution_rate': {
      const firstTime = o.resolved && o.reopenCount === 0;
      return {
        ...base,
        at: o.completedAt ?? o.openedAt,
        rank: firstTime ? 1 : -o.reopenCount - (o.resolved ? 0 : 10),
        part: firstTime ? 1 : 0,
        hurts: !firstTime,
        effect:
          o.reopenCount > 0
            ? { key: 'why.wo.reopened', params: { count: o.reopenCount } }
            : o.resolved
              ? { key: 'why.wo.first_time_fix' }
              : { key: 'why.wo.unresolved' },
      };
    }
    case 'wo_completion_rate':
      return {
        ...base,
        at: o.completedAt ?? o.openedAt,
        rank: done ? 1 : 0,
        part: done ? 1 : 0,
        hurts: !done,
        effect: done ? { key: 'why.wo.completed' } : { key: 'why.wo.not_completed' },
      };
    case 'wo_points':
      return {
        ...base,
        at: o.completedAt ?? o.openedAt,
        rank: -o.difficulty,
        part: o.difficulty,
        hurts: false,
        effect: { key: 'why.wo.points', params: { difficulty: o.difficulty } },
      };
    default:
      return {
        ...base,
        at: o.completedAt ?? o.openedAt,
        rank: 0,
        part: 1,
        hurts: false,
        effect: { key: 'why.wo.completed' },
      };
  }
}

const COMBINE: Record<string, WhyList['combine']> = {
  wo_completion_rate: 'percent',
  wo_response_sla: 'percent',
  wo_arrival_sla: 'percent',
  wo_resolution_rate: 'percent',
  wo_response_minutes: 'mean',
};

export async function workOrderWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  const orders = await load(db, ids);
  return { combine: COMBINE[ctx.metric] ?? 'sum', rows: orders.map((o) => row(o, ctx.metric)) };
}

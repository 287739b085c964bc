// The check-ins behind an attendance metric (the KPI "why"): each late day with its minutes, each
// absent workday, each visit, each stretch on site or in overtime.
import type { Db } from '../db/client.js';
import { type WhyContext, type WhyList, type WhyRow, whyExcerpt } from '../kpi/index.js';
import { localDate, zonedTime } from '../time/zoned.js';

type CheckIn = Awaited<ReturnType<typeof load>>[number];

function load(db: Db, ids: readonly string[]) {
  return db.checkIn.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, at: true, kind: true, lateMinutes: true, site: { select: { name: true } } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
}

/** IN check-ins followed by their OUT at the same site (the ids of a pair metric are such pairs). */
function pairs(list: CheckIn[]): { at: Date; minutes: number; site: string }[] {
  const out: { at: Date; minutes: number; site: string }[] = [];
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i] as CheckIn;
    const b = list[i + 1] as CheckIn;
    if (a.kind !== 'IN' || b.kind !== 'OUT') continue;
    out.push({ at: a.at, minutes: (b.at.getTime() - a.at.getTime()) / 60_000, site: whyExcerpt(a.site?.name) });
    i++;
  }
  return out;
}

async function absentDays(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyRow[]> {
  const present = new Set((await load(db, ids)).map((c) => localDate(c.at, ctx.timeZone)));
  return (await ctx.workdays())
    .filter((d) => !present.has(d))
    .map((date) => ({
      ref: date,
      at: zonedTime(date, 0, ctx.timeZone),
      rank: 0,
      part: 1,
      hurts: true,
      effect: { key: 'why.attendance.absent' },
      detail: '',
    }));
}

export async function checkInWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  if (ctx.metric === 'absent_days') return { combine: 'sum', rows: await absentDays(db, ids, ctx) };
  const list = await load(db, ids);
  if (ctx.metric === 'time_on_site_hours' || ctx.metric === 'overtime_hours') {
    const std = typeof ctx.params.standardHours === 'number' ? Math.round(ctx.params.standardHours * 60) : 540;
    const overtime = ctx.metric === 'overtime_hours';
    return {
      combine: 'sum',
      rows: pairs(list).map((p) => ({
        ref: localDate(p.at, ctx.timeZone),
        at: p.at,
        rank: -p.minutes,
        part: (overtime ? p.minutes - std : p.minutes) / 60,
        hurts: false,
        effect: overtime
          ? { key: 'why.attendance.overtime', params: { tookMinutes: p.minutes, overMinutes: p.minutes - std } }
          : { key: 'why.attendance.on_site', params: { tookMinutes: p.minutes } },
        detail: p.site,
      })),
    };
  }
  const late = ctx.metric === 'late_count' || ctx.metric === 'late_minutes';
  return {
    combine: 'sum',
    rows: list.map((c) => ({
      ref: localDate(c.at, ctx.timeZone),
      at: c.at,
      rank: -c.lateMinutes,
      part: ctx.metric === 'late_minutes' ? c.lateMinutes : 1,
      hurts: late,
      effect: late
        ? { key: 'why.attendance.late', params: { lateMinutes: c.lateMinutes, checkedInAt: c.at.toISOString() } }
        : { key: 'why.attendance.visit', params: { checkedInAt: c.at.toISOString() } },
      detail: whyExcerpt(c.site?.name),
    })),
  };
}

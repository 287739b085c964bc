// `attendance [team|name] [month]` / `考勤`: the month per person — workdays, late, early leave,
// absent, leave, overtime, check-ins waiting for review — as a card and an XLSX, like the monthly
// reports DingTalk and WeCom users know. Managers see their people, HR everyone.
import chineseDays from 'chinese-days';
import { type MonthRow, monthlyCard } from '../../cards/attendance-cards.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { createFileService, publishReport, type Table } from '../files/index.js';
import { loadCalendar } from '../time/calendar.js';
import { currentPeriod, looksLikePeriod, parsePeriod, periodDates, periodRange } from '../time/period.js';
import { summariseMonth } from './rules/index.js';

/** A year whose holidays are published has 1 January off; an unpublished one looks like a weekday. */
function yearPublished(year: string): boolean {
  try {
    return !chineseDays.getDayDetail(`${year}-01-01`).work;
  } catch {
    return false;
  }
}

export async function monthlyCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const { t, actor } = ctx;
  const args = [...ctx.args];
  let period = currentPeriod(ctx.now, actor.timeZone);
  const last = args.at(-1);
  if (last && looksLikePeriod(last)) {
    const parsed = parsePeriod(last, ctx.now, actor.timeZone);
    if (!parsed) return [noticeCard({ body: t('attendance.month.usage'), tone: 'warning' }, t)];
    period = parsed;
    args.pop();
  }
  const word = args.join(' ').trim().slice(0, 64);
  const scope = await kit.access.scope(actor);
  let title = word;
  let where: { id?: { in: string[] }; teamId?: string } = {};
  if (word) {
    const team = await kit.db.team.findFirst({
      where: { OR: [{ code: word }, { name: word }] },
      select: { id: true, name: true },
    });
    if (team) {
      if (!(await kit.access.team(actor, team.id))) return refuse(kit, ctx, 'Team', team.id);
      where = { teamId: team.id };
      title = team.name;
    } else {
      const person = await kit.db.employee.findFirst({
        where: { OR: [{ name: word }, { employeeNo: word }] },
        select: { id: true, name: true },
      });
      if (!person) return [noticeCard({ body: t('attendance.person_not_found', { name: word }), tone: 'warning' }, t)];
      if (!(await kit.access.employee(actor, person.id))) return refuse(kit, ctx, 'Employee', person.id);
      where = { id: { in: [person.id] } };
      title = person.name;
    }
  } else if (!scope.all) {
    where = { id: { in: [...scope.employeeIds] } };
    title = actor.role === 'EMPLOYEE' ? actor.name : t('attendance.month.my_team');
  } else title = t('attendance.month.everyone');

  const people = await kit.db.employee.findMany({
    where: { ...where, status: { not: 'LEFT' }, shiftAssignments: { some: {} } },
    orderBy: { employeeNo: 'asc' },
    select: {
      id: true,
      name: true,
      employeeNo: true,
      hireDate: true,
      timeZone: true,
      shiftAssignments: { orderBy: { fromDate: 'desc' }, take: 1, select: { shift: true } },
    },
    take: 500,
  });
  const { first, last: lastDate } = periodDates(period);
  const range = periodRange(period, kit.config.timeZone);
  const wide = { start: new Date(range.start.getTime() - 86_400_000), end: new Date(range.end.getTime() + 86_400_000) };
  const ids = people.map((p) => p.id);
  const [calendar, punches, leave] = await Promise.all([
    loadCalendar(kit.db, first, lastDate),
    kit.db.checkIn.findMany({
      where: { employeeId: { in: ids }, at: { gte: wide.start, lt: wide.end } },
      select: { employeeId: true, kind: true, at: true, verdict: true },
    }),
    kit.db.leave.findMany({
      where: { employeeId: { in: ids }, status: 'APPROVED', startsAt: { lt: wide.end }, endsAt: { gt: wide.start } },
      select: { employeeId: true, startsAt: true, endsAt: true },
    }),
  ]);
  const rows: MonthRow[] = [];
  for (const p of people) {
    const shift = p.shiftAssignments[0]?.shift;
    if (!shift) continue;
    const s = summariseMonth({
      shift,
      calendar,
      first,
      last: lastDate,
      hireDate: p.hireDate,
      now: ctx.now,
      punches: punches.filter((c) => c.employeeId === p.id && c.at >= range.start && c.at < range.end),
      leave: leave.filter((l) => l.employeeId === p.id),
    });
    rows.push({ name: p.name, employeeNo: p.employeeNo, ...s });
  }
  await kit.audit.as(ctx)({
    action: 'attendance.month.read',
    subjectType: 'Period',
    subjectId: period,
    details: { scope: title, people: rows.length },
  });
  const year = period.slice(0, 4);
  const unknownYear =
    !yearPublished(year) && (await kit.db.holiday.count({ where: { date: { startsWith: year } } })) === 0;
  const columns = t('attendance.month.columns').split('|');
  const table: Table = {
    name: period,
    columns,
    rows: rows.map((r) => [
      r.employeeNo,
      r.name,
      r.workdays,
      r.present,
      r.late,
      r.lateMinutes,
      r.early,
      r.absent,
      r.leave,
      r.overtimeHours,
      r.pending,
    ]),
  };
  const files = createFileService({ db: kit.db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links });
  const links = await publishReport(files, {
    kind: 'attendance',
    baseName: `attendance-${title}-${period}`,
    sheets: [table],
    csv: table,
    requestedById: actor.id,
    now: ctx.now,
  });
  return [monthlyCard({ title, period, rows, links, unknownYear: unknownYear ? year : null }, t)];
}

async function refuse(kit: FeatureKit, ctx: CommandContext, subjectType: string, subjectId: string): Promise<Card[]> {
  await kit.audit.as(ctx)({ action: 'bot.refused', subjectType, subjectId });
  return [noticeCard({ body: ctx.t('attendance.forbidden'), tone: 'danger' }, ctx.t)];
}

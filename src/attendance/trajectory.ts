// `today [name] [date]` / `今日轨迹`: the day's visits in order, arrival and departure, time on
// site, travel between and flags; managers for their people (kit.access), HR for anyone.
import { trajectoryCard } from '../../cards/attendance-cards.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';
import { buildVisits } from './rules/index.js';

export const MIN_VISIT_MINUTES = 10;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function todayCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const { t, actor } = ctx;
  const args = [...ctx.args];
  let date = localDate(ctx.now, actor.timeZone);
  const last = args.at(-1);
  if (last && DATE.test(last)) {
    date = last;
    args.pop();
  }
  let employee = { id: actor.id, name: actor.name, timeZone: actor.timeZone };
  const name = args.join(' ').trim().slice(0, 64);
  if (name) {
    const found = await kit.db.employee.findFirst({
      where: { OR: [{ name }, { employeeNo: name }] },
      select: { id: true, name: true, timeZone: true },
    });
    if (!found) return [noticeCard({ body: t('attendance.person_not_found', { name }), tone: 'warning' }, t)];
    if (!(await kit.access.employee(actor, found.id))) {
      await kit.audit.as(ctx)({ action: 'bot.refused', subjectType: 'Employee', subjectId: found.id });
      return [noticeCard({ body: t('attendance.forbidden'), tone: 'danger' }, t)];
    }
    employee = found;
  }
  const start = zonedTime(date, 0, employee.timeZone);
  const end = zonedTime(addDays(date, 1), 0, employee.timeZone);
  const rows = await kit.db.checkIn.findMany({
    where: { employeeId: employee.id, at: { gte: start, lt: end }, verdict: { not: 'REJECTED' } },
    orderBy: { at: 'asc' },
    select: { id: true, kind: true, at: true, siteId: true, verdict: true, site: { select: { name: true } } },
  });
  if (employee.id !== actor.id)
    await kit.audit.as(ctx)({ action: 'attendance.trajectory.read', subjectType: 'Employee', subjectId: employee.id });
  const siteName = new Map(rows.map((r) => [r.siteId, r.site?.name ?? '—']));
  const visits = buildVisits(
    rows.map((r) => ({ id: r.id, kind: r.kind, at: r.at, siteId: r.siteId, flagged: r.verdict !== 'ACCEPTED' })),
    MIN_VISIT_MINUTES,
  );
  const hm = (d: Date) => formatLocalTime(d, employee.timeZone).slice(11);
  const mins = (n: number | null) => (n === null ? '—' : t('attendance.value.minutes', { n }));
  return [
    trajectoryCard(
      {
        name: employee.name,
        date,
        rows: visits.map((v) => ({
          site: siteName.get(v.siteId) ?? '—',
          arrived: hm(v.arrivedAt),
          left:
            v.leftAt && v.minutes !== null
              ? hm(v.leftAt)
              : v.minutes === null && v.leftAt
                ? hm(v.leftAt)
                : t('attendance.today.open'),
          minutes: mins(v.minutes),
          travel: mins(v.travelMinutes),
          flags: [v.short ? t('attendance.today.short') : '', v.flagged ? t('attendance.today.flagged') : '']
            .filter(Boolean)
            .join(', '),
        })),
      },
      t,
    ),
  ];
}

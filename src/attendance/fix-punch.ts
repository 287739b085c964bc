// 补卡 / `fix punch <date> <time> [in|out] <reason>`: an employee who forgot to punch asks for a
// correction; the manager approves or declines from a card (audited). An approved correction is
// a check-in like any other, marked corrected, and counts; the employee is told either way.
import { ATTENDANCE_ACTIONS, fixOutcomeCard, fixRequestCard } from '../../cards/attendance-cards.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext, CommandContext } from '../bot/registry.js';
import { loadCalendar } from '../time/calendar.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { addDays, localDate, zonedTime } from '../time/zoned.js';
import { instanceFor, lateMinutes } from './rules/index.js';

/** How far back a missed punch may be corrected. */
const MAX_DAYS_BACK = 31;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const OUT_WORDS = new Set(['out', '签退', '下班']);
const IN_WORDS = new Set(['in', '签到', '上班']);

export async function fixPunchCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const { t, actor } = ctx;
  const args = ctx.args[0]?.toLowerCase() === 'punch' ? ctx.args.slice(1) : [...ctx.args];
  const [date, time, maybeKind, ...rest] = args;
  const usage = () => [noticeCard({ body: t('attendance.fix.usage'), tone: 'warning' }, t)];
  const clock = time ? TIME.exec(time) : null;
  if (!date || !DATE.test(date) || !clock) return usage();
  let kind: 'IN' | 'OUT' = 'IN';
  const words = [...rest];
  const k = maybeKind?.toLowerCase();
  if (k && OUT_WORDS.has(k)) kind = 'OUT';
  else if (!(k && IN_WORDS.has(k)) && maybeKind) words.unshift(maybeKind);
  const reason = words.join(' ').trim().slice(0, 500);
  if (!reason) return usage();
  const at = zonedTime(date, Number(clock[1]) * 60 + Number(clock[2]), actor.timeZone);
  if (Number.isNaN(at.getTime()) || at > ctx.now || at.getTime() < ctx.now.getTime() - MAX_DAYS_BACK * 86_400_000)
    return [noticeCard({ body: t('attendance.fix.out_of_range', { days: MAX_DAYS_BACK }), tone: 'warning' }, t)];
  const row = await kit.db.punchCorrection.create({
    data: { employeeId: actor.id, kind, at, reason },
    select: { id: true },
  });
  await kit.audit.as(ctx)({ action: 'attendance.fix.requested', subjectType: 'PunchCorrection', subjectId: row.id });
  const when = formatLocalTime(at, actor.timeZone);
  await kit.notify(
    { managerOf: actor.id },
    (mt) => fixRequestCard({ id: row.id, name: actor.name, kind, time: when, reason }, mt),
    { dedupeKey: `attendance.fix:${row.id}` },
  );
  return [
    noticeCard(
      { body: t('attendance.fix.requested', { kind: t(`attendance.kind.${kind}`), time: when }), tone: 'success' },
      t,
    ),
  ];
}

function parse(ctx: ActionContext): { id: string; reason: string } | null {
  const raw = ctx.value ?? '';
  if (!raw.startsWith('{')) return raw ? { id: raw.slice(0, 64), reason: '' } : null;
  try {
    const v = JSON.parse(raw) as { value?: unknown; fields?: Record<string, unknown> };
    if (typeof v.value !== 'string') return null;
    return { id: v.value, reason: typeof v.fields?.reason === 'string' ? v.fields.reason.trim().slice(0, 500) : '' };
  } catch {
    return null;
  }
}

export async function decideFix(kit: FeatureKit, ctx: ActionContext, approve: boolean): Promise<Card[]> {
  const { t } = ctx;
  const input = parse(ctx);
  const request = input ? await kit.db.punchCorrection.findUnique({ where: { id: input.id } }) : null;
  if (!input || !request) return [noticeCard({ body: t('attendance.review.not_found'), tone: 'danger' }, t)];
  if (!approve && !input.reason)
    return [noticeCard({ body: t('attendance.review.reason_required'), tone: 'warning' }, t)];
  if (request.employeeId === ctx.actor.id || !(await kit.access.employee(ctx.actor, request.employeeId))) {
    await kit.audit.as(ctx)({
      action: 'attendance.fix.refused',
      subjectType: 'PunchCorrection',
      subjectId: request.id,
    });
    return [noticeCard({ body: t('attendance.review.forbidden'), tone: 'danger' }, t)];
  }
  const employee = await kit.db.employee.findUniqueOrThrow({
    where: { id: request.employeeId },
    select: { name: true, timeZone: true },
  });
  const reason = input.reason || t('attendance.review.accepted_reason');
  const now = kit.now();
  let late = 0;
  if (approve && request.kind === 'IN') {
    const date = localDate(request.at, employee.timeZone);
    const assignment = await kit.db.shiftAssignment.findFirst({
      where: { employeeId: request.employeeId, fromDate: { lte: date } },
      orderBy: { fromDate: 'desc' },
      select: { shift: true },
    });
    if (assignment) {
      const calendar = await loadCalendar(kit.db, addDays(date, -1), addDays(date, 1));
      const inst = instanceFor(assignment.shift, request.at, calendar);
      if (inst) late = lateMinutes(assignment.shift, inst, request.at);
    }
  }
  const done = await kit.db.$transaction(async (tx) => {
    const { count } = await tx.punchCorrection.updateMany({
      where: { id: request.id, status: 'PENDING' },
      data: {
        status: approve ? 'APPROVED' : 'DECLINED',
        decidedById: ctx.actor.id,
        decidedAt: now,
        decisionReason: reason,
      },
    });
    if (count === 0) return false;
    if (!approve) return true;
    const checkIn = await tx.checkIn.create({
      data: {
        employeeId: request.employeeId,
        kind: request.kind,
        method: 'CORRECTION',
        at: request.at,
        verdict: 'ACCEPTED',
        corrected: true,
        lateMinutes: late,
        note: request.reason,
        reviewedById: ctx.actor.id,
        reviewedAt: now,
        reviewReason: reason,
        externalId: `fix:${request.id}`,
      },
      select: { id: true },
    });
    await tx.punchCorrection.update({ where: { id: request.id }, data: { checkInId: checkIn.id } });
    await kit.events.emit(
      tx,
      'checkIn.recorded',
      { checkInId: checkIn.id, employeeId: request.employeeId, verdict: 'ACCEPTED' },
      { key: checkIn.id },
    );
    await kit.events.emit(
      tx,
      'record.changed',
      { recordType: 'CheckIn', recordId: checkIn.id, employeeId: request.employeeId, at: request.at.toISOString() },
      { key: `CheckIn:${checkIn.id}:created` },
    );
    return true;
  });
  if (!done) return [noticeCard({ body: t('attendance.fix.already') }, t)];
  await kit.audit.as(ctx)({
    action: approve ? 'attendance.fix.approved' : 'attendance.fix.declined',
    subjectType: 'PunchCorrection',
    subjectId: request.id,
    details: { employeeId: request.employeeId, reason },
  });
  const time = formatLocalTime(request.at, employee.timeZone);
  await kit.notify(
    { employeeId: request.employeeId },
    (et) => fixOutcomeCard({ kind: request.kind, time, approved: approve, reason }, et),
    { dedupeKey: `attendance.fix.outcome:${request.id}` },
  );
  return [
    noticeCard(
      {
        body: t('attendance.fix.decided', {
          decision: t(approve ? 'attendance.fix.approved' : 'attendance.fix.declined'),
          name: employee.name,
          time,
        }),
        tone: approve ? 'success' : 'warning',
      },
      t,
    ),
  ];
}

export { ATTENDANCE_ACTIONS };

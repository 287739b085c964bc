// HR enters leave through the bot: `leave <name> <type> <from> [to] [reason]` / `请假`. Stored in
// the shared Leave table (source "chat", approved by the HR member who entered it), which the
// absence count and the missing-punch job read. Dates are local days in the employee's zone.
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { addDays, zonedTime } from '../time/zoned.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LEAVE_TYPES = [
  'annual',
  'sick',
  'personal',
  'marriage',
  'maternity',
  'paternity',
  'bereavement',
  'compensatory',
  'other',
] as const;
const ZH_TYPES: Record<string, (typeof LEAVE_TYPES)[number]> = {
  年假: 'annual',
  病假: 'sick',
  事假: 'personal',
  婚假: 'marriage',
  产假: 'maternity',
  陪产假: 'paternity',
  丧假: 'bereavement',
  调休: 'compensatory',
  其他: 'other',
};

export async function leaveCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const { t } = ctx;
  const [name, typeWord, from, maybeTo, ...rest] = ctx.args;
  const usage = () => [noticeCard({ body: t('attendance.leave.usage'), tone: 'warning' }, t)];
  if (!name || !typeWord || !from || !DATE.test(from)) return usage();
  const type = ZH_TYPES[typeWord] ?? LEAVE_TYPES.find((x) => x === typeWord.toLowerCase());
  if (!type) return usage();
  const to = maybeTo && DATE.test(maybeTo) ? maybeTo : from;
  const reasonWords = maybeTo && !DATE.test(maybeTo) ? [maybeTo, ...rest] : rest;
  if (to < from) return usage();
  const employee = await kit.db.employee.findFirst({
    where: { OR: [{ name: name.slice(0, 64) }, { employeeNo: name.slice(0, 64) }] },
    select: { id: true, name: true, timeZone: true },
  });
  if (!employee)
    return [noticeCard({ body: t('attendance.person_not_found', { name: name.slice(0, 64) }), tone: 'warning' }, t)];
  const row = await kit.db.leave.create({
    data: {
      employeeId: employee.id,
      type,
      startsAt: zonedTime(from, 0, employee.timeZone),
      endsAt: zonedTime(addDays(to, 1), 0, employee.timeZone),
      status: 'APPROVED',
      approvedById: ctx.actor.id,
      reason: reasonWords.join(' ').slice(0, 500) || null,
      source: 'chat',
    },
    select: { id: true },
  });
  await kit.audit.as(ctx)({
    action: 'attendance.leave.entered',
    subjectType: 'Leave',
    subjectId: row.id,
    details: { employeeId: employee.id, type, from, to },
  });
  return [
    noticeCard({ body: t('attendance.leave.entered', { name: employee.name, type, from, to }), tone: 'success' }, t),
  ];
}

// Review of a check-in that needs a human: the manager or HR accepts or rejects it with a reason
// (audited), the KPI is recomputed (only accepted check-ins count), and the employee is told.
import { ATTENDANCE_ACTIONS, outcomeCard, reviewCard } from '../../cards/attendance-cards.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext } from '../bot/registry.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { loadCheckIn } from './record.js';
import { checkInView } from './views.js';

export async function reviewCardFor(kit: FeatureKit, checkInId: string) {
  const c = await loadCheckIn(kit, { id: checkInId });
  const row = await kit.db.checkIn.findUnique({
    where: { id: checkInId },
    select: { note: true, employee: { select: { name: true, timeZone: true } } },
  });
  if (!c || !row) return null;
  return (t: Parameters<typeof reviewCard>[1]) =>
    reviewCard({ ...checkInView(c, row.employee.timeZone), employeeName: row.employee.name, note: row.note }, t);
}

/** Sends the review card to the employee's manager once per check-in. */
export async function notifyReviewer(kit: FeatureKit, checkInId: string, employeeId: string, key: string) {
  const card = await reviewCardFor(kit, checkInId);
  if (!card) return;
  await kit.notify({ managerOf: employeeId }, (t) => card(t), { dedupeKey: `attendance.review:${key}` });
}

interface Decision {
  checkInId: string;
  reason: string;
}

function parseDecision(ctx: ActionContext, needsReason: boolean): Decision | null {
  const raw = ctx.value ?? '';
  if (raw.startsWith('{')) {
    try {
      const parsed = JSON.parse(raw) as { value?: unknown; fields?: Record<string, unknown> };
      const reason = typeof parsed.fields?.reason === 'string' ? parsed.fields.reason.trim().slice(0, 500) : '';
      if (typeof parsed.value !== 'string') return null;
      return { checkInId: parsed.value, reason };
    } catch {
      return null;
    }
  }
  return raw && !needsReason ? { checkInId: raw.slice(0, 64), reason: '' } : null;
}

export async function decide(kit: FeatureKit, ctx: ActionContext, accept: boolean): Promise<Card[]> {
  const { t } = ctx;
  const decision = parseDecision(ctx, !accept);
  if (!decision) return [noticeCard({ body: t('attendance.review.not_found'), tone: 'danger' }, t)];
  if (!accept && !decision.reason)
    return [noticeCard({ body: t('attendance.review.reason_required'), tone: 'warning' }, t)];
  const row = await kit.db.checkIn.findUnique({
    where: { id: decision.checkInId },
    select: {
      id: true,
      employeeId: true,
      kind: true,
      at: true,
      verdict: true,
      employee: { select: { name: true, timeZone: true } },
    },
  });
  if (!row) return [noticeCard({ body: t('attendance.review.not_found'), tone: 'danger' }, t)];
  // Nobody reviews their own check-in; managers only their people, HR anyone.
  if (row.employeeId === ctx.actor.id || !(await kit.access.employee(ctx.actor, row.employeeId))) {
    await kit.audit.as(ctx)({ action: 'attendance.review.refused', subjectType: 'CheckIn', subjectId: row.id });
    return [noticeCard({ body: t('attendance.review.forbidden'), tone: 'danger' }, t)];
  }
  const reason = decision.reason || t('attendance.review.accepted_reason');
  const verdict = accept ? 'ACCEPTED' : 'REJECTED';
  const now = kit.now();
  const changed = await kit.db.$transaction(async (tx) => {
    const { count } = await tx.checkIn.updateMany({
      where: { id: row.id, verdict: { in: ['FLAGGED', 'OUTSIDE_FENCE'] } },
      data: { verdict, reviewedById: ctx.actor.id, reviewedAt: now, reviewReason: reason },
    });
    if (count === 0) return false;
    await kit.events.emit(
      tx,
      'record.changed',
      { recordType: 'CheckIn', recordId: row.id, employeeId: row.employeeId, at: row.at.toISOString() },
      { key: `CheckIn:${row.id}:reviewed` },
    );
    return true;
  });
  if (!changed) {
    const current = await kit.db.checkIn.findUnique({ where: { id: row.id }, select: { verdict: true } });
    return [noticeCard({ body: t('attendance.review.already', { verdict: current?.verdict ?? row.verdict }) }, t)];
  }
  await kit.audit.as(ctx)({
    action: accept ? 'attendance.checkin.accepted' : 'attendance.checkin.rejected',
    subjectType: 'CheckIn',
    subjectId: row.id,
    details: { employeeId: row.employeeId, from: row.verdict, to: verdict, reason },
  });
  const time = formatLocalTime(row.at, row.employee.timeZone);
  await kit.notify(
    { employeeId: row.employeeId },
    (et) => outcomeCard({ kind: row.kind, time, accepted: accept, reason }, et),
    { dedupeKey: `attendance.outcome:${row.id}` },
  );
  return [
    noticeCard(
      {
        body: t('attendance.review.done', {
          decision: t(accept ? 'attendance.decision.accepted' : 'attendance.decision.rejected'),
          name: row.employee.name,
          kind: t(`attendance.kind.${row.kind}`),
          time: formatLocalTime(row.at, ctx.actor.timeZone),
        }),
        tone: accept ? 'success' : 'warning',
      },
      t,
    ),
  ];
}

/** The employee's explanation of their own flagged check-in. */
export async function saveNote(kit: FeatureKit, ctx: ActionContext): Promise<Card[]> {
  const { t } = ctx;
  let parsed: { value?: unknown; fields?: Record<string, unknown> } = {};
  try {
    parsed = JSON.parse(ctx.value ?? '{}');
  } catch {
    parsed = {};
  }
  const note = typeof parsed.fields?.note === 'string' ? parsed.fields.note.trim().slice(0, 500) : '';
  const id = typeof parsed.value === 'string' ? parsed.value : '';
  if (!id || !note) return [noticeCard({ body: t('attendance.note.fallback'), tone: 'warning' }, t)];
  const { count } = await kit.db.checkIn.updateMany({
    where: { id, employeeId: ctx.actor.id, verdict: { in: ['FLAGGED', 'OUTSIDE_FENCE'] } },
    data: { note },
  });
  if (count === 0) return [noticeCard({ body: t('attendance.review.not_found'), tone: 'danger' }, t)];
  await kit.audit.as(ctx)({ action: 'attendance.checkin.note', subjectType: 'CheckIn', subjectId: id });
  return [noticeCard({ body: t('attendance.note.saved'), tone: 'success' }, t)];
}

export { ATTENDANCE_ACTIONS };

/** `checkin note <text>` / `签到说明 <text>`: the note for platforms without forms, on the latest check-in waiting for review. */
export async function noteCommand(
  kit: FeatureKit,
  ctx: { actor: { id: string }; event: { platform: string }; t: ActionContext['t'] },
  text: string,
): Promise<Card[]> {
  const { t } = ctx;
  const note = text.trim().slice(0, 500);
  if (!note) return [noticeCard({ body: t('attendance.note.fallback'), tone: 'warning' }, t)];
  const latest = await kit.db.checkIn.findFirst({
    where: { employeeId: ctx.actor.id, verdict: { in: ['FLAGGED', 'OUTSIDE_FENCE'] } },
    orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
    select: { id: true },
  });
  if (!latest) return [noticeCard({ body: t('attendance.review.not_found'), tone: 'warning' }, t)];
  await kit.db.checkIn.update({ where: { id: latest.id }, data: { note } });
  await kit.audit.as(ctx)({ action: 'attendance.checkin.note', subjectType: 'CheckIn', subjectId: latest.id });
  return [noticeCard({ body: t('attendance.note.saved'), tone: 'success' }, t)];
}

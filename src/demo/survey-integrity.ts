// Demo: 周强 (the engineer whose check-ins look suspicious) rated one of his own surveys from the
// phone he checks in with, so the manager's `满意度` shows a flagged answer and its evidence.
import type { Tx } from '../kit/events.js';

/** The fingerprint `deviceFingerprint` gives for 周强's phone (a fixed demo value). */
export const DEMO_ENGINEER_DEVICE = 'd3m0d3v1ce5e1fra7ed0000000000000';

export async function seedSurveyIntegrity(db: Tx, since: Date): Promise<void> {
  const employeeId = 'emp_zhouqiang';
  await db.checkIn.updateMany({ where: { employeeId }, data: { deviceHash: DEMO_ENGINEER_DEVICE } });
  const answer = await db.surveyAnswer.findFirst({
    where: { employeeId, answeredAt: { gte: since } },
    orderBy: [{ csat: 'desc' }, { answeredAt: 'desc' }],
    select: { id: true, answeredAt: true },
  });
  const checkIn = await db.checkIn.findFirst({
    where: { employeeId, at: { lte: answer?.answeredAt ?? since } },
    orderBy: { at: 'desc' },
    select: { at: true },
  });
  if (!answer || !checkIn) return;
  await db.surveyAnswer.update({
    where: { id: answer.id },
    data: {
      deviceHash: DEMO_ENGINEER_DEVICE,
      flags: JSON.stringify([{ code: 'engineer_device', checkInAt: checkIn.at.toISOString() }]),
    },
  });
}

// The answers and invitations behind a survey metric (the KPI "why").
import type { Db } from '../db/client.js';
import { type WhyRow, whyExcerpt } from '../kpi/index.js';

export async function surveyAnswerWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.surveyAnswer.findMany({
      where: { id: { in: [...ids] } },
      select: {
        csat: true,
        nps: true,
        comment: true,
        answeredAt: true,
        id: true,
        workOrder: { select: { externalId: true } },
      },
    })
  ).map((r) => ({
    ref: r.workOrder?.externalId ?? r.id,
    at: r.answeredAt,
    rank: r.csat * 100 + (r.nps ?? 0),
    score: `CSAT ${r.csat}${r.nps === null ? '' : ` · NPS ${r.nps}`}`,
    detail: whyExcerpt(r.comment),
    flags: {},
  }));
}

export async function surveyInvitationWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.surveyInvitation.findMany({
      where: { id: { in: [...ids] } },
      select: { sentAt: true, usedAt: true, workOrder: { select: { externalId: true } } },
    })
  ).map((r) => ({
    ref: r.workOrder.externalId,
    at: r.sentAt,
    rank: r.usedAt ? 1 : 0,
    score: r.usedAt ? '✓' : '✗',
    detail: '',
    flags: {},
  }));
}

/** Survey answers counted as complaints (the customer ticked "complaint"). */
export async function surveyComplaintWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (await surveyAnswerWhyRows(db, ids)).map((r) => ({ ...r, flags: { complaint: true } }));
}

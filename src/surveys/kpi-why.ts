// The answers and invitations behind a survey metric (the KPI "why"): each answer with what it
// does to satisfaction or NPS, each invitation answered or not.
import type { Db } from '../db/client.js';
import { type WhyContext, type WhyList, whyExcerpt } from '../kpi/index.js';

export async function surveyAnswerWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  const answers = await db.surveyAnswer.findMany({
    where: { id: { in: [...ids] } },
    select: {
      csat: true,
      nps: true,
      comment: true,
      answeredAt: true,
      id: true,
      workOrder: { select: { externalId: true } },
    },
  });
  if (ctx.metric === 'nps') {
    return {
      combine: 'percent',
      rows: answers.map((r) => {
        const nps = r.nps ?? 0;
        const part = nps >= 9 ? 1 : nps <= 6 ? -1 : 0;
        return {
          ref: r.workOrder?.externalId ?? r.id,
          at: r.answeredAt,
          rank: nps,
          part,
          hurts: part < 0,
          effect: {
            key: part > 0 ? 'why.nps.promoter' : part < 0 ? 'why.nps.detractor' : 'why.nps.passive',
            params: { nps },
          },
          detail: whyExcerpt(r.comment),
        };
      }),
    };
  }
  return {
    combine: 'mean',
    rows: answers.map((r) => ({
      ref: r.workOrder?.externalId ?? r.id,
      at: r.answeredAt,
      rank: r.csat * 100 + (r.nps ?? 0),
      part: r.csat,
      hurts: r.csat <= 3,
      effect: { key: 'why.csat.answer', params: { csat: r.csat } },
      detail: whyExcerpt(r.comment),
    })),
  };
}

export async function surveyInvitationWhyRows(db: Db, ids: readonly string[]): Promise<WhyList> {
  const invitations = await db.surveyInvitation.findMany({
    where: { id: { in: [...ids] } },
    select: { sentAt: true, usedAt: true, workOrder: { select: { externalId: true, title: true } } },
  });
  return {
    combine: 'percent',
    rows: invitations.map((r) => ({
      ref: r.workOrder.externalId,
      at: r.sentAt,
      rank: r.usedAt ? 1 : 0,
      part: r.usedAt ? 1 : 0,
      hurts: !r.usedAt,
      effect: { key: r.usedAt ? 'why.survey.answered' : 'why.survey.unanswered' },
      detail: whyExcerpt(r.workOrder.title),
    })),
  };
}

/** Survey answers counted as complaints (the customer ticked "complaint"): one each. */
export async function surveyComplaintWhyRows(db: Db, ids: readonly string[]): Promise<WhyList> {
  const answers = await db.surveyAnswer.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, csat: true, comment: true, answeredAt: true, workOrder: { select: { externalId: true } } },
  });
  return {
    combine: 'sum',
    rows: answers.map((r) => ({
      ref: r.workOrder?.externalId ?? r.id,
      at: r.answeredAt,
      rank: r.csat,
      part: 1,
      hurts: true,
      effect: { key: 'why.survey.complaint', params: { csat: r.csat } },
      detail: whyExcerpt(r.comment),
    })),
  };
}

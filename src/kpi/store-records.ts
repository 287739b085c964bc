// The records behind a metric, fetched by the ids stored in KpiResult.inputs (the "why").
import type { Db } from '../db/client.js';

export interface EvidenceRow {
  ref: string;
  at: Date;
  /** Sort key: lower first (the records that pulled the score down come first). */
  rank: number;
  score: string;
  detail: string;
  flags: { complaint?: boolean; repeat?: boolean; lateMinutes?: number };
}

const excerpt = (s: string | null | undefined, n = 30) => (s ? (s.length > n ? `${s.slice(0, n)}…` : s) : '');

export async function evidence(db: Db, recordType: string, ids: string[]): Promise<EvidenceRow[]> {
  const where = { id: { in: ids } };
  switch (recordType) {
    case 'SurveyAnswer':
      return (
        await db.surveyAnswer.findMany({
          where,
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
        detail: excerpt(r.comment),
        flags: {},
      }));
    case 'SurveyInvitation':
      return (
        await db.surveyInvitation.findMany({
          where,
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
    case 'WorkOrder':
      return (
        await db.workOrder.findMany({
          where,
          select: {
            externalId: true,
            title: true,
            difficulty: true,
            openedAt: true,
            completedAt: true,
            resolved: true,
            reopenCount: true,
          },
        })
      ).map((r) => ({
        ref: r.externalId,
        at: r.completedAt ?? r.openedAt,
        rank: (r.resolved ? 10 : 0) - r.reopenCount,
        score: `★${r.difficulty}`,
        detail: excerpt(r.title),
        flags: {},
      }));
    case 'HelpdeskTicket':
      return (
        await db.helpdeskTicket.findMany({
          where,
          select: {
            externalId: true,
            openedAt: true,
            rating: true,
            isComplaint: true,
            repeatOfId: true,
            channel: true,
          },
        })
      ).map((r) => ({
        ref: r.externalId,
        at: r.openedAt,
        rank: (r.isComplaint ? 0 : 10) + (r.rating ?? 6),
        score: r.rating === null ? '—' : String(r.rating),
        detail: r.channel,
        flags: { complaint: r.isComplaint, repeat: r.repeatOfId !== null },
      }));
    case 'CheckIn':
      return (
        await db.checkIn.findMany({
          where,
          select: { id: true, at: true, kind: true, lateMinutes: true, site: { select: { name: true } } },
        })
      ).map((r) => ({
        ref: r.kind,
        at: r.at,
        rank: -r.lateMinutes,
        score: r.kind,
        detail: excerpt(r.site?.name),
        flags: { lateMinutes: r.lateMinutes },
      }));
    case 'CrmOrder':
      return (
        await db.crmOrder.findMany({
          where,
          select: { externalId: true, orderedAt: true, amountCents: true, collectedCents: true },
        })
      ).map((r) => ({
        ref: r.externalId,
        at: r.orderedAt,
        rank: r.amountCents === 0 ? 0 : r.collectedCents / r.amountCents,
        score: `¥${(r.amountCents / 100).toLocaleString('en-US')}`,
        detail: `¥${(r.collectedCents / 100).toLocaleString('en-US')}`,
        flags: {},
      }));
    case 'TrainingRecord':
      return (
        await db.trainingRecord.findMany({
          where,
          select: {
            courseCode: true,
            courseName: true,
            completedAt: true,
            enrolledAt: true,
            minutes: true,
            examScore: true,
          },
        })
      ).map((r) => ({
        ref: r.courseCode,
        at: r.completedAt ?? r.enrolledAt,
        rank: r.examScore ?? 0,
        score: r.examScore === null ? `${r.minutes}′` : String(r.examScore),
        detail: excerpt(r.courseName),
        flags: {},
      }));
    case 'QualityError':
      return (
        await db.qualityError.findMany({ where, select: { id: true, grade: true, category: true, occurredAt: true } })
      ).map((r) => ({
        ref: r.id,
        at: r.occurredAt,
        rank: r.grade === 'MAJOR' ? 0 : 1,
        score: r.grade,
        detail: excerpt(r.category),
        flags: {},
      }));
    default:
      return [];
  }
}

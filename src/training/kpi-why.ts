// The training records behind a training metric (the KPI "why"): hours per course, exam scores.
import type { Db } from '../db/client.js';
import { type WhyContext, type WhyList, whyExcerpt } from '../kpi/index.js';

export async function trainingRecordWhyRows(db: Db, ids: readonly string[], ctx: WhyContext): Promise<WhyList> {
  const records = await db.trainingRecord.findMany({
    where: { id: { in: [...ids] } },
    select: { courseCode: true, courseName: true, completedAt: true, enrolledAt: true, minutes: true, examScore: true },
  });
  const exam = ctx.metric === 'exam_score_avg';
  return {
    combine: exam ? 'mean' : 'sum',
    rows: records.map((r) => ({
      ref: r.courseCode,
      at: r.completedAt ?? r.enrolledAt,
      rank: exam ? (r.examScore ?? 0) : -r.minutes,
      part: exam ? (r.examScore ?? 0) : r.minutes / 60,
      hurts: exam && (r.examScore ?? 0) < 60,
      effect: exam
        ? { key: 'why.training.exam', params: { score: r.examScore ?? 0 } }
        : { key: 'why.training.hours', params: { tookMinutes: r.minutes } },
      detail: whyExcerpt(r.courseName),
    })),
  };
}

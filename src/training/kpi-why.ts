// The training records behind a training metric (the KPI "why").
import type { Db } from '../db/client.js';
import { type WhyRow, whyExcerpt } from '../kpi/index.js';

export async function trainingRecordWhyRows(db: Db, ids: readonly string[]): Promise<WhyRow[]> {
  return (
    await db.trainingRecord.findMany({
      where: { id: { in: [...ids] } },
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
    detail: whyExcerpt(r.courseName),
    flags: {},
  }));
}

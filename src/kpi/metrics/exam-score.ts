import { grouped, type MetricSpec } from './types.js';

// Average exam score (0-100) of the training completed in the period.
export const examScoreAvg: MetricSpec = {
  code: 'exam_score_avg',
  unit: 'score',
  recordType: 'TrainingRecord',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'TrainingRecord',
        employee: '"employeeId"',
        time: '"completedAt"',
        value: 'AVG(1.0 * "examScore")',
        where: '"examScore" IS NOT NULL',
      },
      d,
      w,
    ),
};

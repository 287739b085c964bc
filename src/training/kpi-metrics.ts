// The training feature's KPI metrics: hours trained and exam scores.
import { grouped, type MetricFamily, type MetricSpec } from '../kpi/index.js';
import { trainingRecordWhyRows } from './kpi-why.js';

// Hours of training completed in the period.
const trainingHours: MetricSpec = {
  code: 'training_hours',
  unit: 'h',
  recordType: 'TrainingRecord',
  why: trainingRecordWhyRows,
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      { table: 'TrainingRecord', employee: '"employeeId"', time: '"completedAt"', value: 'SUM("minutes") / 60.0' },
      d,
      w,
    ),
};

// Average exam score (0-100) of the training completed in the period.
const examScoreAvg: MetricSpec = {
  code: 'exam_score_avg',
  unit: 'score',
  recordType: 'TrainingRecord',
  why: trainingRecordWhyRows,
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

export const trainingMetrics: MetricFamily = {
  name: 'training',
  records: ['TrainingRecord'],
  metrics: [trainingHours, examScoreAvg],
};

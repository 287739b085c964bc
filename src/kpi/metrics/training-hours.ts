import { grouped, type MetricSpec } from './types.js';

// Hours of training completed in the period.
export const trainingHours: MetricSpec = {
  code: 'training_hours',
  unit: 'h',
  recordType: 'TrainingRecord',
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      { table: 'TrainingRecord', employee: '"employeeId"', time: '"completedAt"', value: 'SUM("minutes") / 60.0' },
      d,
      w,
    ),
};

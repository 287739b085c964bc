import { grouped, type MetricSpec } from './types.js';

// Average customer satisfaction (1-5) of the answers received in the period.
export const csatAvg: MetricSpec = {
  code: 'csat_avg',
  unit: 'score',
  recordType: 'SurveyAnswer',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      { table: 'SurveyAnswer', employee: '"employeeId"', time: '"answeredAt"', value: 'AVG(1.0 * "csat")' },
      d,
      w,
    ),
};

import { grouped, type MetricSpec } from './types.js';

// Net promoter score: promoters (9-10) % minus detractors (0-6) %, from -100 to 100.
export const nps: MetricSpec = {
  code: 'nps',
  unit: 'score',
  recordType: 'SurveyAnswer',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'SurveyAnswer',
        employee: '"employeeId"',
        time: '"answeredAt"',
        value:
          '100.0 * (SUM(CASE WHEN "nps" >= 9 THEN 1 ELSE 0 END) - SUM(CASE WHEN "nps" <= 6 THEN 1 ELSE 0 END)) / COUNT(*)',
        where: '"nps" IS NOT NULL',
      },
      d,
      w,
    ),
};

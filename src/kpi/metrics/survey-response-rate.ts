import { grouped, type MetricSpec } from './types.js';

// Share of survey invitations sent in the period that customers answered.
export const surveyResponseRate: MetricSpec = {
  code: 'survey_response_rate',
  unit: '%',
  recordType: 'SurveyInvitation',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'SurveyInvitation',
        employee: '"employeeId"',
        time: '"sentAt"',
        value: '100.0 * SUM(CASE WHEN "usedAt" IS NOT NULL THEN 1 ELSE 0 END) / COUNT(*)',
      },
      d,
      w,
    ),
};

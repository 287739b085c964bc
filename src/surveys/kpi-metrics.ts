// The surveys feature's KPI metrics: satisfaction, NPS, response rate and customer complaints
// (today complaints are helpdesk tickets marked as such, read through the helpdesk feature).
import { helpdeskTicketWhyRows } from '../helpdesk/index.js';
import { grouped, type MetricFamily, type MetricSpec, sql } from '../kpi/index.js';
import { surveyAnswerWhyRows, surveyComplaintWhyRows, surveyInvitationWhyRows } from './kpi-why.js';

// Answers HR excluded after checking an integrity flag count in no metric.
const NOT_EXCLUDED = `NOT EXISTS (SELECT 1 FROM "SurveyReview" r WHERE r."answerId" = "SurveyAnswer"."id" AND r."decision" = 'EXCLUDE')`;

// Average customer satisfaction (1-5) of the answers received in the period.
const csatAvg: MetricSpec = {
  code: 'csat_avg',
  unit: 'score',
  recordType: 'SurveyAnswer',
  why: surveyAnswerWhyRows,
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'SurveyAnswer',
        employee: '"employeeId"',
        time: '"answeredAt"',
        value: 'AVG(1.0 * "csat")',
        where: NOT_EXCLUDED,
      },
      d,
      w,
    ),
};

// Net promoter score: promoters (9-10) % minus detractors (0-6) %, from -100 to 100.
const nps: MetricSpec = {
  code: 'nps',
  unit: 'score',
  recordType: 'SurveyAnswer',
  why: surveyAnswerWhyRows,
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
        where: `"nps" IS NOT NULL AND ${NOT_EXCLUDED}`,
      },
      d,
      w,
    ),
};

// Share of survey invitations sent in the period that customers answered.
const surveyResponseRate: MetricSpec = {
  code: 'survey_response_rate',
  unit: '%',
  recordType: 'SurveyInvitation',
  why: surveyInvitationWhyRows,
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

// Customer complaints: tickets handled by the employee marked as complaints, plus survey answers
// whose customer ticked the "complaint" reason (issue 11). Ids from both tables; each "why"
// loader skips the ids that are not its own.
const complaints: MetricSpec = {
  code: 'complaints',
  unit: 'count',
  recordType: 'HelpdeskTicket',
  why: async (db, ids, ctx) => {
    const [tickets, answers] = [await helpdeskTicketWhyRows(db, ids, ctx), await surveyComplaintWhyRows(db, ids)];
    return { combine: 'sum', rows: [...tickets.rows, ...answers.rows] };
  },
  volume: false,
  empty: 'zero',
  countable: true,
  sql: (d, w) => sql`SELECT c.e AS e, SUM(c.v) AS v, ${d.ids('c.ids')} AS ids FROM (
    ${grouped(
      {
        table: 'HelpdeskTicket',
        employee: '"employeeId"',
        time: '"openedAt"',
        value: 'COUNT(*)',
        where: '"isComplaint"',
      },
      d,
      w,
    )}
    UNION ALL
    ${grouped(
      {
        table: 'SurveyAnswer',
        employee: '"employeeId"',
        time: '"answeredAt"',
        value: 'COUNT(*)',
        where: `"tags" LIKE '%"complaint"%' AND ${NOT_EXCLUDED}`,
      },
      d,
      w,
    )}
  ) c GROUP BY c.e`,
};

// Complaints about an issue already complained about: the costlier kind.
const repeatComplaints: MetricSpec = {
  code: 'repeat_complaints',
  unit: 'count',
  recordType: 'HelpdeskTicket',
  why: helpdeskTicketWhyRows,
  volume: false,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'HelpdeskTicket',
        employee: '"employeeId"',
        time: '"openedAt"',
        value: 'COUNT(*)',
        where: '"isComplaint" AND "repeatOfId" IS NOT NULL',
      },
      d,
      w,
    ),
};

export const surveyMetrics: MetricFamily = {
  name: 'surveys',
  records: ['SurveyAnswer', 'SurveyInvitation', 'HelpdeskTicket'],
  metrics: [csatAvg, nps, surveyResponseRate, complaints, repeatComplaints],
};

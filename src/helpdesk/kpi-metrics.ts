// The helpdesk feature's KPI metrics: tickets handled, resolution, first reply and ratings.
import { grouped, type MetricFamily, type MetricSpec, sql } from '../kpi/index.js';
import { helpdeskTicketWhyRows } from './kpi-why.js';

// Helpdesk tickets opened to the employee in the period.
const ticketsHandled: MetricSpec = {
  code: 'tickets_handled',
  unit: 'count',
  recordType: 'HelpdeskTicket',
  why: helpdeskTicketWhyRows,
  volume: true,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped({ table: 'HelpdeskTicket', employee: '"employeeId"', time: '"openedAt"', value: 'COUNT(*)' }, d, w),
};

// Share of the tickets of the period that are resolved.
const ticketResolutionRate: MetricSpec = {
  code: 'ticket_resolution_rate',
  unit: '%',
  recordType: 'HelpdeskTicket',
  why: helpdeskTicketWhyRows,
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'HelpdeskTicket',
        employee: '"employeeId"',
        time: '"openedAt"',
        value: '100.0 * SUM(CASE WHEN "resolvedAt" IS NOT NULL THEN 1 ELSE 0 END) / COUNT(*)',
      },
      d,
      w,
    ),
};

// Average minutes to the first reply on a ticket (lower is better).
const ticketResponseMinutes: MetricSpec = {
  code: 'ticket_response_minutes',
  unit: 'min',
  recordType: 'HelpdeskTicket',
  why: helpdeskTicketWhyRows,
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'HelpdeskTicket',
        employee: '"employeeId"',
        time: '"openedAt"',
        value: sql`AVG(${d.minutes('"openedAt"', '"firstResponseAt"')})`,
        where: '"firstResponseAt" IS NOT NULL',
      },
      d,
      w,
    ),
};

// Average customer rating (1-5) of rated tickets.
const ticketRatingAvg: MetricSpec = {
  code: 'ticket_rating_avg',
  unit: 'score',
  recordType: 'HelpdeskTicket',
  why: helpdeskTicketWhyRows,
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'HelpdeskTicket',
        employee: '"employeeId"',
        time: '"openedAt"',
        value: 'AVG(1.0 * "rating")',
        where: '"rating" IS NOT NULL',
      },
      d,
      w,
    ),
};

export const helpdeskMetrics: MetricFamily = {
  name: 'helpdesk',
  records: ['HelpdeskTicket'],
  metrics: [ticketsHandled, ticketResolutionRate, ticketResponseMinutes, ticketRatingAvg],
};

import { grouped, type MetricSpec } from './types.js';

// Average customer rating (1-5) of rated tickets.
export const ticketRatingAvg: MetricSpec = {
  code: 'ticket_rating_avg',
  unit: 'score',
  recordType: 'HelpdeskTicket',
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

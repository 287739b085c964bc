import { grouped, type MetricSpec, sql } from './types.js';

// Average minutes to the first reply on a ticket (lower is better).
export const ticketResponseMinutes: MetricSpec = {
  code: 'ticket_response_minutes',
  unit: 'min',
  recordType: 'HelpdeskTicket',
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

import { grouped, type MetricSpec } from './types.js';

// Share of the tickets of the period that are resolved.
export const ticketResolutionRate: MetricSpec = {
  code: 'ticket_resolution_rate',
  unit: '%',
  recordType: 'HelpdeskTicket',
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

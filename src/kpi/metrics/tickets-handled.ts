import { grouped, type MetricSpec } from './types.js';

// Helpdesk tickets opened to the employee in the period.
export const ticketsHandled: MetricSpec = {
  code: 'tickets_handled',
  unit: 'count',
  recordType: 'HelpdeskTicket',
  volume: true,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped({ table: 'HelpdeskTicket', employee: '"employeeId"', time: '"openedAt"', value: 'COUNT(*)' }, d, w),
};

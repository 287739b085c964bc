import { grouped, type MetricSpec } from './types.js';

// Customer complaints on tickets handled by the employee.
export const complaints: MetricSpec = {
  code: 'complaints',
  unit: 'count',
  recordType: 'HelpdeskTicket',
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
        where: '"isComplaint"',
      },
      d,
      w,
    ),
};

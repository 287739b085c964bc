import { grouped, type MetricSpec } from './types.js';

// Complaints about an issue already complained about: the costlier kind.
export const repeatComplaints: MetricSpec = {
  code: 'repeat_complaints',
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
        where: '"isComplaint" AND "repeatOfId" IS NOT NULL',
      },
      d,
      w,
    ),
};

import { grouped, type MetricSpec } from './types.js';

// Major quality errors, not counting ones overturned on appeal (seed 002).
export const errorsMajor: MetricSpec = {
  code: 'errors_major',
  unit: 'count',
  recordType: 'QualityError',
  volume: false,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'QualityError',
        employee: '"employeeId"',
        time: '"occurredAt"',
        value: 'COUNT(*)',
        where: `"grade" = 'MAJOR' AND "status" <> 'OVERTURNED'`,
      },
      d,
      w,
    ),
};

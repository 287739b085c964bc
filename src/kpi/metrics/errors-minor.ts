import { grouped, type MetricSpec } from './types.js';

// Minor quality errors, not counting ones overturned on appeal (seed 002).
export const errorsMinor: MetricSpec = {
  code: 'errors_minor',
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
        where: `"grade" = 'MINOR' AND "status" <> 'OVERTURNED'`,
      },
      d,
      w,
    ),
};

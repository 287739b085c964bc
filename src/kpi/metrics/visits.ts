import { siteFilter } from './office-sites.js';
import { grouped, type MetricSpec, sql } from './types.js';

// Customer visits: IN check-ins at customer (non-office) sites (seed 001).
export const visits: MetricSpec = {
  code: 'visits',
  unit: 'count',
  recordType: 'CheckIn',
  volume: true,
  empty: 'zero',
  countable: true,
  sql: (d, w) =>
    grouped(
      {
        table: 'CheckIn',
        employee: '"employeeId"',
        time: '"at"',
        value: 'COUNT(*)',
        where: sql`"kind" = 'IN' AND "verdict" <> 'REJECTED' ${siteFilter(w, false)}`,
      },
      d,
      w,
    ),
};

import { grouped, type MetricSpec } from './types.js';

// Collected share of the won order value of the period (collection rate).
export const collectionRate: MetricSpec = {
  code: 'collection_rate',
  unit: '%',
  recordType: 'CrmOrder',
  volume: false,
  empty: 'null',
  sql: (d, w) =>
    grouped(
      {
        table: 'CrmOrder',
        employee: '"employeeId"',
        time: '"orderedAt"',
        value: '100.0 * SUM("collectedCents") / SUM("amountCents")',
        where: `"status" = 'won' AND "amountCents" > 0`,
      },
      d,
      w,
    ),
};

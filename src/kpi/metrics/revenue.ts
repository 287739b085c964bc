import { grouped, type MetricSpec } from './types.js';

// Won order value in cents; the target usually comes from a KpiTarget row per rep.
export const revenue: MetricSpec = {
  code: 'revenue',
  unit: 'cents',
  recordType: 'CrmOrder',
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    grouped(
      {
        table: 'CrmOrder',
        employee: '"employeeId"',
        time: '"orderedAt"',
        value: 'SUM("amountCents")',
        where: `"status" = 'won'`,
      },
      d,
      w,
    ),
};

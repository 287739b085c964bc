// The CRM feature's KPI metrics: won revenue and collection.
import { grouped, type MetricFamily, type MetricSpec } from '../kpi/index.js';
import { crmOrderWhyRows } from './kpi-why.js';

// Won order value in cents; the target usually comes from a KpiTarget row per rep.
const revenue: MetricSpec = {
  code: 'revenue',
  unit: 'cents',
  recordType: 'CrmOrder',
  why: crmOrderWhyRows,
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

// Collected share of the won order value of the period (collection rate).
const collectionRate: MetricSpec = {
  code: 'collection_rate',
  unit: '%',
  recordType: 'CrmOrder',
  why: crmOrderWhyRows,
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

export const crmMetrics: MetricFamily = {
  name: 'crm',
  records: ['CrmOrder'],
  metrics: [revenue, collectionRate],
};

// The quality feature's KPI metrics: recorded errors by grade.
import { grouped, type MetricFamily, type MetricSpec } from '../kpi/index.js';
import { qualityErrorWhyRows } from './kpi-why.js';

// Major quality errors, not counting ones overturned on appeal (seed 002).
const errorsMajor: MetricSpec = {
  code: 'errors_major',
  unit: 'count',
  recordType: 'QualityError',
  why: qualityErrorWhyRows,
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

// Minor quality errors, not counting ones overturned on appeal (seed 002).
const errorsMinor: MetricSpec = {
  code: 'errors_minor',
  unit: 'count',
  recordType: 'QualityError',
  why: qualityErrorWhyRows,
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

export const qualityMetrics: MetricFamily = {
  name: 'quality',
  records: ['QualityError'],
  metrics: [errorsMajor, errorsMinor],
};

// The quality feature's KPI metrics: recorded errors by grade.
import { grouped, type MetricFamily, type MetricSpec } from '../kpi/index.js';
import { qualityErrorWhyRows } from './kpi-why.js';
import { DEDUCTING_ERROR_SQL } from './rules.js';

// Major quality errors the person is answerable for: attributed to them and not overturned on
// appeal. Process, system and training errors cost the person nothing (seed 002).
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
        where: `"grade" = 'MAJOR' AND ${DEDUCTING_ERROR_SQL}`,
      },
      d,
      w,
    ),
};

// Minor quality errors the person is answerable for (the same rule as errors_major).
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
        where: `"grade" = 'MINOR' AND ${DEDUCTING_ERROR_SQL}`,
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

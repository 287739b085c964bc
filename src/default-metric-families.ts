// Every KPI metric family, for code that checks or computes KPIs without running the app (the
// kpi:import script, the benchmark, tests). The running app does not use this list: each feature
// registers its own family through the kit (`kit.kpi.metrics`, see src/features.ts).
import { attendanceMetrics } from './attendance/index.js';
import { crmMetrics } from './crm/index.js';
import { helpdeskMetrics } from './helpdesk/index.js';
import type { MetricFamily } from './kpi/index.js';
import { qualityMetrics } from './quality/index.js';
import { surveyMetrics } from './surveys/index.js';
import { trainingMetrics } from './training/index.js';
import { workOrderMetrics } from './work-orders/index.js';

export const defaultMetricFamilies: readonly MetricFamily[] = [
  workOrderMetrics,
  surveyMetrics,
  helpdeskMetrics,
  attendanceMetrics,
  crmMetrics,
  trainingMetrics,
  qualityMetrics,
];

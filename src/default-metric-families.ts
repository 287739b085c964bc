// Which features' KPI metric families the app registers. TODO(#9): each feature registers its own
// family through the feature kit (`kit.kpi.metrics`) and this list goes away.
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

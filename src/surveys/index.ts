import type { Feature } from '../bot/feature.js';
import { surveyMetrics } from './kpi-metrics.js';

export { surveyMetrics };

/** Satisfaction surveys: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const surveys: Feature = (kit) => {
  kit.kpi.metrics(surveyMetrics);
};

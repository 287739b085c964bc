import type { Feature } from '../bot/feature.js';
import { qualityMetrics } from './kpi-metrics.js';

export { qualityMetrics };

/** Quality errors: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const quality: Feature = (kit) => {
  kit.kpi.metrics(qualityMetrics);
};

import type { Feature } from '../bot/feature.js';
import { trainingMetrics } from './kpi-metrics.js';

export { trainingMetrics };

/** Training records: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const training: Feature = (kit) => {
  kit.kpi.metrics(trainingMetrics);
};

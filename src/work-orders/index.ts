import type { Feature } from '../bot/feature.js';
import { workOrderMetrics } from './kpi-metrics.js';

export { workOrderMetrics };

/** Work orders: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const workOrders: Feature = (kit) => {
  kit.kpi.metrics(workOrderMetrics);
};

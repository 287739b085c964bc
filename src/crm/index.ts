import type { Feature } from '../bot/feature.js';
import { crmMetrics } from './kpi-metrics.js';

export { crmMetrics };

/** CRM orders: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const crm: Feature = (kit) => {
  kit.kpi.metrics(crmMetrics);
};

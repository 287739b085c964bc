import type { Feature } from '../bot/feature.js';
import { helpdeskMetrics } from './kpi-metrics.js';

export { helpdeskMetrics };

/** Helpdesk tickets: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const helpdesk: Feature = (kit) => {
  kit.kpi.metrics(helpdeskMetrics);
};
export { helpdeskTicketWhyRows } from './kpi-why.js';

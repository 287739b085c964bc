export { workOrderMetrics } from './kpi-metrics.js';

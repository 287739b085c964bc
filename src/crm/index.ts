export { crmMetrics } from './kpi-metrics.js';

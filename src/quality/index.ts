export { qualityMetrics } from './kpi-metrics.js';

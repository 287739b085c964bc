export { trainingMetrics } from './kpi-metrics.js';

export { surveyMetrics } from './kpi-metrics.js';

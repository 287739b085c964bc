export { attendanceMetrics } from './kpi-metrics.js';

import type { Feature } from '../bot/feature.js';
import { attendanceMetrics } from './kpi-metrics.js';

export { attendanceMetrics };

/** Field attendance: so far the KPI metrics over its own tables; the rest of the feature lands here. */
export const attendance: Feature = (kit) => {
  kit.kpi.metrics(attendanceMetrics);
};

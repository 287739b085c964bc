export { helpdeskMetrics } from './kpi-metrics.js';
export { helpdeskTicketWhyRows } from './kpi-why.js';

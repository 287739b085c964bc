export type { MetricCatalogue, MetricFamily, MetricRegistry } from './registry.js';
export { createMetricRegistry } from './registry.js';
export type {
  Dialect,
  GroupedQuery,
  MetricSpec,
  MetricWindow,
  WhyContext,
  WhyEffect,
  WhyList,
  WhyQuery,
  WhyRow,
} from './types.js';
export { combineWhy, dialectFor, empty, grouped, join, only, raw, sql } from './types.js';
export { whyExcerpt } from './why.js';

// The features this build runs, in registration order. A new feature is one line here and one
// folder under src/; src/app.ts never changes for it.
import type { Feature } from './bot/feature.js';
import { help } from './help/index.js';
import { kpi } from './kpi/index.js';
import { payroll } from './payroll/index.js';
import { reports } from './reports/index.js';

export const FEATURES: readonly Feature[] = [help, kpi, reports, payroll];

// The features this build runs, in registration order. A new feature is one line here and one
// folder under src/; src/app.ts never changes for it.

import { alerts } from './alerts/index.js';
import { api } from './api/index.js';
import { attendance } from './attendance/index.js';
import type { Feature } from './bot/feature.js';
import { connectors } from './connectors/index.js';
import { crm } from './crm/index.js';
import { directory } from './directory/index.js';
import { help } from './help/index.js';
import { helpdesk } from './helpdesk/index.js';
import { identities } from './identities/index.js';
import { kpi } from './kpi/index.js';
import { payroll } from './payroll/index.js';
import { people } from './people/index.js';
import { quality } from './quality/index.js';
import { reports } from './reports/index.js';
import { surveys } from './surveys/index.js';
import { training } from './training/index.js';
import { workOrders } from './work-orders/index.js';

export const FEATURES: readonly Feature[] = [
  help,
  identities,
  kpi,
  reports,
  payroll,
  directory,
  // Each registers the KPI metric family over its own tables (kit.kpi.metrics).
  workOrders,
  surveys,
  helpdesk,
  attendance,
  crm,
  training,
  quality,
  people,
  // The inbound HR API (/api/v1): pushes through kit.records, reads KPI results and payroll.
  api,
  // Subscribes to the events the features above emit (issue 15).
  alerts,
  // Scheduled pulls from other systems, written through the shared record functions.
  connectors,
];

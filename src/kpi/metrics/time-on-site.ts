import { checkInPairs } from './check-in-pairs.js';
import { type MetricSpec, sql } from './types.js';

// Hours on customer sites: arrive/leave punches paired per site (no platform tracks in the background).
export const timeOnSiteHours: MetricSpec = {
  code: 'time_on_site_hours',
  unit: 'h',
  recordType: 'CheckIn',
  volume: true,
  empty: 'zero',
  sql: (d, w) =>
    sql`SELECT q.e AS e, SUM(q.mins) / 60.0 AS v, ${d.ids('q.id')} AS ids
      FROM (${checkInPairs(d, w, false)}) q GROUP BY q.e`,
};

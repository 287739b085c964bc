import { checkInPairs } from './check-in-pairs.js';
import { type MetricSpec, raw, sql } from './types.js';

// Overtime: office IN→OUT spans longer than the standard day (params.standardHours, default 9 incl. lunch).
export const overtimeHours: MetricSpec = {
  code: 'overtime_hours',
  unit: 'h',
  recordType: 'CheckIn',
  volume: false,
  empty: 'zero',
  sql: (d, w) => {
    const std = typeof w.params.standardHours === 'number' ? w.params.standardHours * 60 : 540;
    const limit = raw(String(Math.round(std)));
    return sql`SELECT q.e AS e, SUM(CASE WHEN q.mins > ${limit} THEN q.mins - ${limit} ELSE 0 END) / 60.0 AS v,
        ${d.ids('q.id')} AS ids
      FROM (${checkInPairs(d, w, true)}) q WHERE q.mins > ${limit} GROUP BY q.e`;
  },
};

import type { Prisma } from '../../db/generated/sqlite/client.js';
import { siteFilter } from './office-sites.js';
import { type Dialect, type MetricWindow, only, raw, sql } from './types.js';

/**
 * Each IN check-in paired with the employee's next check-in when that is an OUT at the same
 * site (LEAD over the period, in the database): rows `e`, `id` (IN and OUT ids), `mins`.
 */
export function checkInPairs(d: Dialect, w: MetricWindow, office: boolean): Prisma.Sql {
  const over = raw('OVER (PARTITION BY "employeeId" ORDER BY "at", "id")');
  return sql`SELECT p."e" AS e, p."id" || ',' || p."nid" AS id, ${d.minutes('p."at"', 'p."nat"')} AS mins
    FROM (
      SELECT "employeeId" AS "e", "id", "kind", "siteId", "at",
        LEAD("kind") ${over} AS "nk", LEAD("siteId") ${over} AS "ns",
        LEAD("at") ${over} AS "nat", LEAD("id") ${over} AS "nid"
      FROM "CheckIn"
      WHERE "at" >= ${w.start} AND "at" < ${w.end} AND "verdict" <> 'REJECTED'
        ${siteFilter(w, office)} ${only('"employeeId"', w)}
    ) p
    WHERE p."kind" = 'IN' AND p."nk" = 'OUT' AND p."ns" = p."siteId"`;
}

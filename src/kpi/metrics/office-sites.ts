import type { Prisma } from '../../db/generated/sqlite/client.js';
import { empty, join, type MetricWindow, raw, sql } from './types.js';

/**
 * Check-ins at these site codes are office attendance, not customer visits. The schema has no
 * "office" flag on Site, so the model names them (`params.officeSites`).
 */
export function officeSiteCodes(w: MetricWindow): string[] {
  const codes = w.params.officeSites;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

/** `AND "siteId" [NOT] IN (office sites)`; with no office sites every site is a customer site. */
export function siteFilter(w: MetricWindow, office: boolean, col = '"siteId"'): Prisma.Sql {
  const codes = officeSiteCodes(w);
  if (codes.length === 0) return office ? sql`AND 1 = 0` : empty;
  const list = sql`(SELECT "id" FROM "Site" WHERE "code" IN (${join(codes)}))`;
  const c = raw(col);
  return office ? sql`AND ${c} IN ${list}` : sql`AND ${c} IS NOT NULL AND ${c} NOT IN ${list}`;
}

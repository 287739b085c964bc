// Which model version applies to whom: pure, so the same data always picks the same version.
import type { VersionRef } from './store.js';

/**
 * The version for a period: the latest version of the latest period at or before it. A period
 * older than every version uses the model's first version, so editing November (a new November
 * version) can never change what October resolves to.
 */
export function resolveVersion(versions: readonly VersionRef[], period: string): VersionRef | null {
  const byAge = [...versions].sort((a, b) =>
    a.period === b.period ? a.version - b.version : a.period < b.period ? -1 : 1,
  );
  const upTo = byAge.filter((v) => v.period <= period);
  return upTo.at(-1) ?? byAge[0] ?? null;
}

export interface Placement {
  departmentId: string | null;
  positionId: string | null;
}

/** A position model beats a department model; ties go to the lower model code (stable). */
export function modelFor(employee: Placement, versions: readonly VersionRef[], period: string): VersionRef | null {
  const byModel = new Map<string, VersionRef[]>();
  for (const v of versions) byModel.set(v.modelCode, [...(byModel.get(v.modelCode) ?? []), v]);
  const models = [...byModel.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const fits = (v: VersionRef) =>
    (!v.positionId || v.positionId === employee.positionId) &&
    (!v.departmentId || v.departmentId === employee.departmentId);
  const rank = (v: VersionRef) => (v.positionId ? 2 : 0) + (v.departmentId ? 1 : 0);
  let best: VersionRef | null = null;
  for (const [, vs] of models) {
    const first = vs[0] as VersionRef;
    if (!fits(first)) continue;
    const resolved = resolveVersion(vs, period);
    if (resolved && (!best || rank(resolved) > rank(best))) best = resolved;
  }
  return best;
}

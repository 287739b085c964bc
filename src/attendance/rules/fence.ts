// The geofence: inside only when the whole accuracy circle is inside the radius.
export type FenceResult = 'inside' | 'straddles' | 'outside';

/**
 * `inside`: the fix and its accuracy circle lie within the radius; `straddles`: the fix is inside
 * but its accuracy circle crosses the fence (or the fix is outside by less than its accuracy),
 * which needs a human; `outside`: even the accuracy circle's nearest point is beyond the fence.
 * A missing accuracy counts as straddling when the fix is inside (we cannot tell).
 */
export function geofence(distanceM: number, radiusM: number, accuracyM: number | null | undefined): FenceResult {
  const acc = accuracyM != null && Number.isFinite(accuracyM) && accuracyM >= 0 ? accuracyM : null;
  if (acc === null) return distanceM <= radiusM ? 'straddles' : 'outside';
  if (distanceM + acc <= radiusM) return 'inside';
  if (distanceM - acc <= radiusM) return 'straddles';
  return 'outside';
}

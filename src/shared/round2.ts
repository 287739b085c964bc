// The one rounding rule for scores, weights and values: half up to two decimals, the precision
// scores are stored, hashed and shown with. EPSILON keeps 1.005 → 1.01 (binary 1.00499…).
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

import { round2 } from '../shared/index.js';
import type { Curve } from './schemas.js';

/**
 * Scores a raw value on a curve (0..cap, 2 decimals). Linear: value/target×100 up to cap.
 * Bands: the score of the highest band whose `from` the value reaches (0 below all).
 * Inverse ("lower is better"): 100 at or better than `best`, 0 at or worse than `worst`.
 * Null when the value is missing or a linear curve has no target.
 */
export function curveScore(curve: Curve, value: number | null, target: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (curve.type) {
    case 'linear': {
      if (target === null || target <= 0) return null;
      return round2(Math.max(0, Math.min(curve.cap, (value / target) * 100)));
    }
    case 'bands': {
      let score = 0;
      for (const b of curve.bands) if (value >= b.from) score = b.score;
      return round2(score);
    }
    case 'inverse': {
      const { best, worst } = curve;
      // Works whichever way round best and worst are (best < worst for minutes, best > worst never needed but safe).
      const t = (value - best) / (worst - best);
      return round2(100 * Math.max(0, Math.min(1, 1 - t)));
    }
  }
}

/** The score a curve gives when the metric fully meets its target: 100 except for bands. */
export function fullScore(curve: Curve): number {
  if (curve.type === 'bands') return Math.max(...curve.bands.map((b) => b.score));
  return curve.type === 'linear' ? Math.max(100, curve.cap) : 100;
}

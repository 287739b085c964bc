// Pure readings of a stored result for the cards: what is short of target, what moves the score.
import type { KpiInputs, ScoredMetric } from './rules.js';

/** A metric is short of target when its score is under 100 (every curve gives 100 at target). */
export function isBelowTarget(m: Pick<ScoredMetric, 'score'>): boolean {
  return m.score !== null && m.score < 100;
}

export function progressRatio(m: Pick<ScoredMetric, 'score'>): number {
  return m.score === null ? 0 : Math.max(0, Math.min(1, m.score / 100));
}

/**
 * The metrics whose improvement would add the most points: weight × headroom to 100, largest
 * first. Uses the configured weights, so it names the same metrics HR weighted most.
 */
export function topMovers(inputs: Pick<KpiInputs, 'metrics'>, count = 2): { code: string; points: number }[] {
  return inputs.metrics
    .filter((m) => m.score !== null && m.score < 100)
    .map((m) => ({ code: m.metric, points: Math.round((((100 - (m.score as number)) * m.weight) / 100) * 100) / 100 }))
    .filter((m) => m.points >= 0.5)
    .sort((a, b) => b.points - a.points || (a.code < b.code ? -1 : 1))
    .slice(0, count);
}

/** Change in total score; null when either side has no score. */
export function scoreDelta(now: number | null, before: number | null | undefined): number | null {
  if (now === null || before === null || before === undefined) return null;
  return Math.round((now - before) * 100) / 100;
}

// The verdict of a check-in from the fence and the flags: valid only when inside with no flag;
// outside the fence or flagged needs a human. Nothing is refused silently: REJECTED is a reviewer's.
import type { FenceResult } from './fence.js';
import type { Flag } from './flags.js';

export type Verdict = 'ACCEPTED' | 'OUTSIDE_FENCE' | 'FLAGGED' | 'REJECTED';

/** How a verdict is shown: valid / needs review / refused. */
export type VerdictShown = 'valid' | 'needs_review' | 'refused';

export function verdictOf(fence: FenceResult | null, flags: readonly Flag[]): Verdict {
  if (fence === null || fence === 'outside') return 'OUTSIDE_FENCE';
  if (fence === 'straddles' || flags.length > 0) return 'FLAGGED';
  return 'ACCEPTED';
}

export function shown(verdict: Verdict): VerdictShown {
  return verdict === 'ACCEPTED' ? 'valid' : verdict === 'REJECTED' ? 'refused' : 'needs_review';
}

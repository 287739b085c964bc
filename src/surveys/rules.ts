// The survey's fixed rules: scales, reason tags, limits and the interim low-score threshold.
// The alerts feature's low-rating rule takes the threshold over later; until then it lives here.

export const SURVEY_LINK = 'survey';

export const CSAT = { min: 1, max: 5 } as const;
export const NPS = { min: 0, max: 10 } as const;

/** Reason tags a customer may tick; `complaint` counts as a complaint in the KPI. */
export const SURVEY_TAGS = ['punctual', 'skilled', 'friendly', 'clean', 'slow', 'unresolved', 'complaint'] as const;
export type SurveyTag = (typeof SURVEY_TAGS)[number];

export const COMMENT_MAX = 500;

/** CSAT at or below this, or NPS at or below `npsAtMost`, tells the engineer's manager. */
export const LOW_SCORE = { csatAtMost: 2, npsAtMost: 6 } as const;

/** An answer this soon after the link was issued was hardly typed by a customer. */
export const TOO_FAST_SECONDS = 60;

/** An answer within this distance of the engineer's own check-in, and this far from the site. */
export const NEAR_ENGINEER_M = 50;
export const AWAY_FROM_SITE_M = 300;

/**
 * Submissions one address may make in the window before it is told to wait. Generous on purpose:
 * mobile carriers put many phones behind one address (CGNAT).
 */
export const SUBMIT_LIMIT = { max: 20, windowMs: 60_000 } as const;

/** Below this many answers a percentage is shown as counts ("3 of 4"). */
export const SMALL_SAMPLE = 5;

export type IntegrityFlag = 'engineer_device' | 'engineer_position' | 'too_fast';

export function isLow(answer: { csat: number; nps: number | null }): boolean {
  return answer.csat <= LOW_SCORE.csatAtMost || (answer.nps !== null && answer.nps <= LOW_SCORE.npsAtMost);
}

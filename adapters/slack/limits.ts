// Block Kit and Web API limits we render and send within. Slack rejects a message that breaks
// any of them (invalid_blocks), so render.ts truncates to these instead.
// https://docs.slack.dev/reference/block-kit/blocks  (per-block and per-surface limits)
// https://docs.slack.dev/reference/block-kit/block-elements/button-element
// https://docs.slack.dev/reference/methods/chat.postMessage (text, 40,000 hard / ~4,000 advised)
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  imageUrl: 3000,
  imageAlt: 2000,
  // https://docs.slack.dev/reference/views/modal-views  https://docs.slack.dev/reference/block-kit/blocks/input-block
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  privateMetadata: 3000,
  /** chat.postMessage truncates `text` at 40,000; Slack advises ≤ 4,000 for notifications. */
  fallbackText: 4000,
} as const;

// Web API rate limits, per method per workspace. chat.postMessage is "special": about one
// message per second per channel (https://docs.slack.dev/apis/web-api/rate-limits).
export const SLACK_RATES = {
  perChannelMinTimeMs: 1000,
  /** Requests per minute by method tier: Tier 3 = 50+/min, Tier 4 = 100+/min. */
  perMinute: {
    'chat.postMessage': 600,
    'chat.update': 50,
    'conversations.open': 50,
    // Tier 3 for apps installed by the workspace itself; read only to recover after a crash.
    'conversations.history': 50,
    'conversations.replies': 50,
    'views.publish': 100,
    'views.open': 100,
    // Tier 4: an unknown sender's e-mail, to match them to an employee.
    'users.info': 100,
  },
} as const;

export type SlackMethod = keyof typeof SLACK_RATES.perMinute;

/** Seconds a signed request may be old (or early) before it is refused as a replay. */
export const SLACK_MAX_REQUEST_AGE_S = 300;

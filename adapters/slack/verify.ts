import { createHmac, timingSafeEqual } from 'node:crypto';
import { SLACK_MAX_REQUEST_AGE_S } from './limits.js';

export interface SlackSignedRequest {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`: Unix seconds as a string. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`: `v0=` + hex HMAC-SHA256. */
  signature: string | undefined;
  /** The body exactly as received: the signature covers these bytes. */
  rawBody: Buffer | string | undefined;
  /** Current time in ms; a parameter so fixtures with fixed timestamps can be verified. */
  nowMs: number;
}

export type SlackVerifyResult = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/**
 * Verifies a Slack request signature (v0) and refuses timestamps more than 5 minutes away
 * from `nowMs`, so a captured request cannot be replayed.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function verifySlackRequest(request: SlackSignedRequest): SlackVerifyResult {
  const { signingSecret, timestamp, signature, rawBody, nowMs } = request;
  if (!signingSecret || !timestamp || !signature || rawBody === undefined) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > SLACK_MAX_REQUEST_AGE_S) {
    return { ok: false, reason: 'stale' };
  }
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  const expected = Buffer.from(`v0=${hmac.digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}

/** Signs a body the way Slack does (tests and the bench use it to build requests). */
export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

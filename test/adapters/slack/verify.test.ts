// Slack's published signing example and the negatives from its official SDK tests
// (../shared/reference/vectors.json, section "slack").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackRequest } from '../../../adapters/slack/verify.js';

const vectors = JSON.parse(readFileSync('/work/shared/reference/vectors.json', 'utf8')) as {
  slack: { vectors: { id: string; inputs: Record<string, string | number>; expected: { signature: string } }[] };
};
const doc = vectors.slack.vectors.find((v) => v.id === 'slack-doc-example');
if (!doc) throw new Error('slack-doc-example vector missing');
const secret = String(doc.inputs.signing_secret);
const timestamp = String(doc.inputs.timestamp);
const body = String(doc.inputs.body);
const docNowMs = Number(doc.inputs.now_for_freshness) * 1000;
const signature = doc.expected.signature;

const check = (over: Partial<Parameters<typeof verifySlackRequest>[0]>) =>
  verifySlackRequest({
    signingSecret: secret,
    timestamp,
    signature,
    rawBody: Buffer.from(body),
    nowMs: docNowMs,
    ...over,
  });

describe('Slack request signature', () => {
  it('signs the documented example to the published signature', () => {
    expect(signSlackRequest(secret, timestamp, body)).toBe(signature);
  });

  it('accepts the documented example at its own time', () => {
    expect(check({})).toEqual({ ok: true });
  });

  it('refuses the example once its body is modified', () => {
    expect(check({ rawBody: Buffer.from(`${body}------`) })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses the example against the real clock as stale', () => {
    expect(check({ nowMs: Date.now() })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a correctly signed request ten minutes old as stale', () => {
    const old = String(Math.floor(docNowMs / 1000) - 600);
    expect(check({ timestamp: old, signature: signSlackRequest(secret, old, body) })).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('refuses a request whose body, timestamp or signature is missing', () => {
    expect(check({ rawBody: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a signature made with another secret or of another length', () => {
    expect(check({ signature: signSlackRequest('another-secret', timestamp, body) })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(check({ signature: 'v0=abc' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp that is not a number', () => {
    expect(check({ timestamp: '1531420618abc' })).toEqual({ ok: false, reason: 'missing' });
  });
});

import { describe, expect, it } from 'vitest';
import { robotSign, signWebhookUrl, verifyCallback } from '../../../adapters/dingtalk/verify.js';
import { catchzeng, francistm, timestampOnly } from '../../fixtures/dingtalk/vectors.js';

const at = (timestamp: string, offsetMs = 0) => new Date(Number(timestamp) + offsetMs);

describe('DingTalk robot signatures', () => {
  it('reproduces the CatchZeng vector as the url-encoded webhook sign', () => {
    expect(encodeURIComponent(robotSign(catchzeng.timestamp, catchzeng.secret))).toBe(catchzeng.signUrlencoded);
  });

  it('reproduces the francistm vector in base64 and url-encoded form', () => {
    expect(robotSign(francistm.timestamp, francistm.secret)).toBe(francistm.signBase64);
    expect(encodeURIComponent(robotSign(francistm.timestamp, francistm.secret))).toBe(francistm.signUrlencoded);
  });

  it('accepts a callback carrying the francistm base64 sign at its own time', () => {
    const result = verifyCallback({
      timestamp: francistm.timestamp,
      sign: francistm.signBase64,
      secret: francistm.secret,
      now: at(francistm.timestamp),
    });
    expect(result).toBe('ok');
  });

  it('refuses the url-encoded form in the callback header, which DingTalk sends as plain base64', () => {
    const result = verifyCallback({
      timestamp: francistm.timestamp,
      sign: francistm.signUrlencoded,
      secret: francistm.secret,
      now: at(francistm.timestamp),
    });
    expect(result).toBe('forged');
  });

  it('never accepts the timestamp-only OpenAPI scheme as a robot signature', () => {
    const sign = decodeURIComponent(timestampOnly.signUrlencoded);
    expect(robotSign(timestampOnly.timestamp, timestampOnly.secret)).not.toBe(sign);
    const result = verifyCallback({
      timestamp: timestampOnly.timestamp,
      sign,
      secret: timestampOnly.secret,
      now: at(timestampOnly.timestamp),
    });
    expect(result).toBe('forged');
  });

  it('accepts a timestamp just inside the one-hour window and refuses 3601 s either way', () => {
    const base = { timestamp: francistm.timestamp, sign: francistm.signBase64, secret: francistm.secret };
    expect(verifyCallback({ ...base, now: at(francistm.timestamp, 3_599_000) })).toBe('ok');
    expect(verifyCallback({ ...base, now: at(francistm.timestamp, 3_601_000) })).toBe('stale');
    expect(verifyCallback({ ...base, now: at(francistm.timestamp, -3_601_000) })).toBe('stale');
  });

  it('refuses a sign made with another secret, a missing header and a non-numeric timestamp', () => {
    const now = at(francistm.timestamp);
    const other = robotSign(francistm.timestamp, 'another secret');
    expect(verifyCallback({ timestamp: francistm.timestamp, sign: other, secret: francistm.secret, now })).toBe(
      'forged',
    );
    expect(verifyCallback({ timestamp: francistm.timestamp, sign: undefined, secret: francistm.secret, now })).toBe(
      'missing',
    );
    expect(verifyCallback({ timestamp: 'soon', sign: francistm.signBase64, secret: francistm.secret, now })).toBe(
      'forged',
    );
  });

  it('signs a custom robot webhook URL with the CatchZeng timestamp and sign parameters', () => {
    const url = new URL(
      signWebhookUrl(
        `https://oapi.dingtalk.com/robot/send?access_token=${catchzeng.accessToken}`,
        catchzeng.secret,
        at(catchzeng.timestamp),
      ),
    );
    expect(url.searchParams.get('access_token')).toBe(catchzeng.accessToken);
    expect(url.searchParams.get('timestamp')).toBe(catchzeng.timestamp);
    expect(url.search).toContain(`sign=${catchzeng.signUrlencoded}`);
  });
});

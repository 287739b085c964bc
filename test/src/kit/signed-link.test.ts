import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from '../../../src/kit/signed-link.js';

describe('signed links', () => {
  const secret = 'a'.repeat(32);
  const now = new Date('2026-11-18T04:00:00Z');
  const exp = new Date('2026-11-21T04:00:00Z');

  it('keeps tokens short enough for a URL path parameter', () => {
    expect(signLink(secret, 'file', 'c'.repeat(25), exp).length).toBeLessThan(80);
  });

  it('accepts its own token before expiry', () => {
    expect(verifyLink(secret, 'file', signLink(secret, 'file', 'file_1', exp), now)).toEqual({
      ok: true,
      subjectId: 'file_1',
      expiresAt: exp,
    });
  });

  it('calls a token expired at and after its expiry', () => {
    expect(verifyLink(secret, 'file', signLink(secret, 'file', 'file_1', exp), exp)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('rejects a token signed with another secret or with a changed payload', () => {
    const token = signLink(secret, 'file', 'file_1', exp);
    expect(verifyLink('b'.repeat(32), 'file', token, now)).toEqual({ ok: false, reason: 'invalid' });
    const [, exp36, sig] = token.split('.');
    expect(verifyLink(secret, 'file', `file_2.${exp36}.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink(secret, 'file', `file_1.zzzzzz.${sig}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink(secret, 'file', 'garbage', now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token issued for another purpose', () => {
    const token = signLink(secret, 'file', 'inv_1', exp);
    expect(verifyLink(secret, 'survey', token, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

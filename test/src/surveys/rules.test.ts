// The survey's statistics, token and input rules, without a database.
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../src/http/page-routes.js';
import { signLink, verifyLink } from '../../../src/kit/signed-link.js';
import { submissionSchema } from '../../../src/surveys/answer.js';
import { deviceFingerprint } from '../../../src/surveys/device.js';
import { escapeHtml, pageLocale, surveyEndPage, surveyFormPage } from '../../../src/surveys/page.js';
import { createRateLimit } from '../../../src/surveys/routes.js';
import { isLow } from '../../../src/surveys/rules.js';
import { distanceM, surveyStats } from '../../../src/surveys/stats.js';

const answers = (pairs: [number, number | null][]) => pairs.map(([csat, nps]) => ({ csat, nps }));

describe('survey statistics', () => {
  it('computes NPS as % promoters minus % detractors over answers with an NPS, with the count', () => {
    const s = surveyStats(
      10,
      answers([
        [5, 10],
        [5, 9],
        [4, 8],
        [3, 7],
        [2, 6],
        [1, 0],
        [4, null],
      ]),
    );
    expect(s).toMatchObject({ npsCount: 6, promoters: 2, detractors: 2, nps: 0 });
    expect(s.csatCount).toBe(7);
    expect(s.csatAvg).toBe(3.43);
    expect(s.responseRate).toBe(70);
    expect(s.small).toBe(false);
  });

  it('gives -100 to 100 at the extremes and nothing without answers', () => {
    expect(surveyStats(2, answers([[5, 10]])).nps).toBe(100);
    expect(surveyStats(2, answers([[1, 6]])).nps).toBe(-100);
    expect(surveyStats(0, [])).toMatchObject({ responseRate: null, csatAvg: null, nps: null, small: true });
    expect(surveyStats(3, answers([[4, null]]))).toMatchObject({ nps: null, npsCount: 0, responseRate: 33.3 });
  });

  it('marks a sample under five answers as small', () => {
    expect(
      surveyStats(
        4,
        answers([
          [5, 10],
          [5, 10],
          [5, 10],
          [5, 10],
        ]),
      ).small,
    ).toBe(true);
    expect(
      surveyStats(
        5,
        answers([
          [5, 10],
          [5, 10],
          [5, 10],
          [5, 10],
          [5, 10],
        ]),
      ).small,
    ).toBe(false);
  });

  it('calls CSAT <= 2 or NPS <= 6 low', () => {
    expect(isLow({ csat: 2, nps: 10 })).toBe(true);
    expect(isLow({ csat: 5, nps: 6 })).toBe(true);
    expect(isLow({ csat: 3, nps: 7 })).toBe(false);
    expect(isLow({ csat: 3, nps: null })).toBe(false);
  });

  it('measures distances in metres', () => {
    const a = { lat: 31.2304, lng: 121.4737 };
    expect(distanceM(a, a)).toBe(0);
    expect(Math.round(distanceM(a, { lat: 31.2404, lng: 121.4737 }))).toBe(1112);
  });
});

describe('survey tokens', () => {
  const secret = 'x'.repeat(32);
  const now = new Date('2026-11-18T04:00:00Z');
  const expires = new Date(now.getTime() + 7 * 86_400_000);
  const token = signLink(secret, 'survey', 'Ab3_dE-9xYz0', expires);

  it('carries the random code, not an id, and opens only survey pages', () => {
    expect(token.startsWith('Ab3_dE-9xYz0.')).toBe(true);
    expect(token.length).toBeLessThan(50);
    expect(verifyLink(secret, 'survey', token, now)).toMatchObject({ ok: true, subjectId: 'Ab3_dE-9xYz0' });
    expect(verifyLink(secret, 'file', token, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a changed code, expiry or signature, and an expired token', () => {
    const [code, exp, mac] = token.split('.') as [string, string, string];
    expect(verifyLink(secret, 'survey', `${code}X.${exp}.${mac}`, now).ok).toBe(false);
    expect(
      verifyLink(secret, 'survey', `${code}.${(Number.parseInt(exp, 36) + 86_400).toString(36)}.${mac}`, now).ok,
    ).toBe(false);
    expect(
      verifyLink(secret, 'survey', `${code}.${exp}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, now).ok,
    ).toBe(false);
    expect(verifyLink(secret, 'survey', token, expires)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('survey input', () => {
  it('reads a form post: numbers from strings, repeated tags, blanks as absent', () => {
    const parsed = submissionSchema.parse(parseForm('csat=4&nps=&tags=slow&tags=complaint&comment=+hi+&lat=&lng='));
    expect(parsed).toEqual({ csat: 4, tags: ['slow', 'complaint'], comment: 'hi' });
    expect(submissionSchema.parse({ csat: 5, nps: 0 })).toMatchObject({ csat: 5, nps: 0, tags: [] });
  });

  it('refuses ratings out of range, unknown tags, long comments and impossible positions', () => {
    for (const bad of [
      { csat: 0 },
      { csat: 6 },
      { csat: 3.5 },
      { csat: 'five' },
      { csat: 3, nps: -1 },
      { csat: 3, nps: 11 },
      { csat: 3, tags: ['x'] },
      { csat: 3, comment: 'a'.repeat(501) },
      { csat: 3, lat: 91, lng: 0 },
      {},
    ]) {
      expect(submissionSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
  });

  it('keeps a field named __proto__ as a field', () => {
    const form = parseForm('__proto__=x&csat=3');
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(Object.entries(form)).toContainEqual(['__proto__', 'x']);
  });

  it('fingerprints a device from its headers alone', () => {
    const a = deviceFingerprint({ 'user-agent': 'Phone A', 'accept-language': 'zh-CN' });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(deviceFingerprint({ 'user-agent': 'Phone A', 'accept-language': 'zh-CN' })).toBe(a);
    expect(deviceFingerprint({ 'user-agent': 'Phone B', 'accept-language': 'zh-CN' })).not.toBe(a);
    expect(deviceFingerprint({})).toBeNull();
  });

  it('lets twenty submissions from one address through per minute, then refuses until it passes', () => {
    let now = new Date('2026-11-18T04:00:00Z');
    const allow = createRateLimit(() => now);
    const results = Array.from({ length: 21 }, () => allow('10.0.0.1'));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results[20]).toBe(false);
    expect(allow('10.0.0.2')).toBe(true);
    now = new Date(now.getTime() + 60_000 + 1);
    expect(allow('10.0.0.1')).toBe(true);
  });
});

describe('the page', () => {
  it('escapes what it shows', () => {
    expect(escapeHtml(`<script>"'&`)).toBe('&lt;script&gt;&quot;&#39;&amp;');
    const html = surveyFormPage('en', {
      path: '/s/abc',
      order: 'WO-<1>',
      engineer: '<img src=x onerror=alert(1)>',
      values: { comment: '</textarea><script>alert(1)</script>' },
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</textarea><script>alert(1)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('speaks the browser language unless the customer switched', () => {
    expect(pageLocale(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pageLocale(undefined, 'zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pageLocale(undefined, undefined)).toBe('zh-CN');
    expect(pageLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(surveyEndPage('en', 'expired')).toContain('This survey link has expired');
  });
});

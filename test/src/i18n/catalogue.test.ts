import { describe, expect, it } from 'vitest';
import { catalogue, translator } from '../../../src/i18n/index.js';

const zh = catalogue('zh-CN');
const en = catalogue('en');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('language catalogue', () => {
  it('has every key in both zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has no empty message in either language', () => {
    for (const table of [zh, en]) {
      for (const [key, text] of Object.entries(table)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages for every key', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('bot.forbidden', { role: 'employee', command: 'report' })).toBe(
      'Sorry, your role (employee) cannot use "report". Ask HR if you need access.',
    );
    expect(t('onboarding.your_id')).toBe('Your platform user id: {id}');
  });
});

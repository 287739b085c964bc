import { describe, expect, it } from 'vitest';
import { KaopuError } from '../../../src/errors.js';
import { translator } from '../../../src/i18n/index.js';
import {
  currentPeriod,
  looksLikePeriod,
  parsePeriod,
  periodArgument,
  periodRange,
  previousPeriod,
  recentPeriods,
} from '../../../src/time/period.js';

const NOW = new Date('2026-11-18T04:00:00Z');
const TZ = 'Asia/Shanghai';

describe('parsePeriod', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026/10', '2026-10'],
    ['2026.9', '2026-09'],
    ['202610', '2026-10'],
    ['2026年10月', '2026-10'],
    ['10月', '2026-10'],
    ['12月', '2025-12'],
    ['11月', '2026-11'],
    ['last', '2026-10'],
    ['上月', '2026-10'],
    ['本月', '2026-11'],
    ['THIS', '2026-11'],
  ])('reads %s as %s', (input, expected) => {
    expect(parsePeriod(input, NOW, TZ)).toBe(expected);
  });

  it('treats a missing period as the current month', () => {
    expect(parsePeriod(undefined, NOW, TZ)).toBe('2026-11');
  });

  it('uses the reader’s time zone at a month boundary', () => {
    // 20:00 UTC on 30 November is already 1 December in Shanghai
    const lateNight = new Date('2026-11-30T20:00:00Z');
    expect(parsePeriod(undefined, lateNight, 'Asia/Shanghai')).toBe('2026-12');
    expect(parsePeriod(undefined, lateNight, 'Europe/London')).toBe('2026-11');
  });

  it.each(['2026-13', '2026-00', '20261', '13月', 'yesterday', '1999-10', '2026-10-01'])('refuses %s', (input) => {
    expect(parsePeriod(input, NOW, TZ)).toBeNull();
  });
});

describe('period helpers', () => {
  it('recognises month-like words so a bad month is not mistaken for a name', () => {
    expect(looksLikePeriod('2026-13')).toBe(true);
    expect(looksLikePeriod('上月')).toBe(true);
    expect(looksLikePeriod('售后服务部')).toBe(false);
    expect(looksLikePeriod('KP005')).toBe(false);
  });

  it('lists recent months across a year boundary, oldest first', () => {
    expect(recentPeriods('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(currentPeriod(NOW, TZ)).toBe('2026-11');
  });
});

describe('periodArgument', () => {
  it('reads the same words as parsePeriod for every feature', () => {
    expect(periodArgument('上月', NOW, TZ)).toBe('2026-10');
    expect(periodArgument(undefined, NOW, TZ)).toBe('2026-11');
  });

  it('tells the user in their language how to write a month it cannot read', () => {
    const err = (() => {
      try {
        periodArgument('2026-13', NOW, TZ);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(KaopuError);
    const { code, params } = err as KaopuError;
    expect(code).toBe('period.invalid');
    expect(translator('zh-CN')(code, params)).toContain('“2026-13”不是有效的月份');
    expect(translator('en')(code, params)).toContain('"2026-13" is not a valid month');
  });
});

describe('period arithmetic', () => {
  it('steps back across a year boundary', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
  });

  it('spans a month as local midnights in the zone', () => {
    expect(periodRange('2026-02', TZ)).toEqual({
      start: new Date('2026-01-31T16:00:00Z'),
      end: new Date('2026-02-28T16:00:00Z'),
    });
  });
});

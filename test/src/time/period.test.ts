import { describe, expect, it } from 'vitest';
import { KaopuError } from '../../../src/errors.js';
import { translator } from '../../../src/i18n/index.js';
import {
  currentPeriod,
  looksLikePeriod,
  parsePeriod,
  periodArgument,
  periodRange,
  periodStarted,
  previousPeriod,
  recentPeriods,
  splitPeriod,
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
    ['last month', '2026-10'],
    ['上个月', '2026-10'],
    ['this month', '2026-11'],
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

  const problem = (input: string) => {
    try {
      periodArgument(input, NOW, TZ);
    } catch (e) {
      return e as KaopuError;
    }
    throw new Error(`${input} was read`);
  };

  it('says what was wrong with a month it cannot read, in the user’s language', () => {
    const month = problem('2099-13');
    expect(month).toBeInstanceOf(KaopuError);
    expect(translator('zh-CN')(month.code, month.params)).toContain('“2099-13”里的月份不存在：月份只能是 1 到 12');
    expect(translator('en')(month.code, month.params)).toContain(
      '"2099-13" has no such month: months run from 1 to 12',
    );
    const year = problem('1999-10');
    expect(translator('en')(year.code, year.params)).toContain('outside the years Kaopu keeps (2000 to 2100)');
    const digits = problem('20261');
    expect(translator('zh-CN')(digits.code, digits.params)).toContain('无法确定年月');
    const word = problem('yesterday');
    expect(translator('en')(word.code, word.params)).toContain('"yesterday" is not a valid month');
  });
});

describe('splitPeriod', () => {
  it.each([
    [['last', 'month'], '2026-10', []],
    [['this', 'month'], '2026-11', []],
    [['售后一组', '10月'], '2026-10', ['售后一组']],
    [['2026年9月', '售后一组'], '2026-09', ['售后一组']],
    [['dept', '售后服务部', '2026/10'], '2026-10', ['dept', '售后服务部']],
    [['李明'], '2026-11', ['李明']],
  ])('finds the month in %j', (words, period, rest) => {
    expect(splitPeriod(words, NOW, TZ)).toMatchObject({ period, rest });
  });

  it('refuses a month-like word it cannot read rather than taking it for a name', () => {
    expect(() => splitPeriod(['2026-13'], NOW, TZ)).toThrow(KaopuError);
  });

  it('knows whether a month has started', () => {
    expect(periodStarted('2026-11', NOW, TZ)).toBe(true);
    expect(periodStarted('2030-01', NOW, TZ)).toBe(false);
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

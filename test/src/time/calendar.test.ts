// China's published 2025 and 2026 holidays and make-up workdays, from the State Council notices
// (/work/shared/reference/vectors.json → holidays_cn, cross-checked against chinese-days 1.5.7).
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client.js';
import { loadCalendar, makeCalendar } from '../../../src/time/calendar.js';
import { addDays, isoWeekday } from '../../../src/time/zoned.js';
import { cloneTemplate } from '../../helpers/test-db.js';

const database = await cloneTemplate();
const db = openDb(database.target);
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const OFF: Record<string, string[]> = {
  2025: [
    ...['2025-01-01'],
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
  ],
  2026: [
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
};
const MAKEUP: Record<string, string[]> = {
  2025: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  2026: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('the published calendar', () => {
  const calendar = makeCalendar();

  it.each(['2025', '2026'])('knows every holiday and make-up workday of %s', (year) => {
    const off = new Set(OFF[year]);
    const makeup = new Set(MAKEUP[year]);
    for (const date of range(`${year}-01-01`, `${year}-12-31`)) {
      const expected = makeup.has(date) || (!off.has(date) && isoWeekday(date) <= 5);
      expect({ date, workday: calendar.isWorkday(date) }).toEqual({ date, workday: expected });
      expect({ date, holiday: calendar.isHoliday(date) }).toEqual({ date, holiday: off.has(date) });
    }
  });

  it('counts October 2026 as 18 workdays: National Day off, Saturday 10 October worked', () => {
    expect(calendar.workdaysBetween('2026-10-01', '2026-10-31')).toBe(18);
    expect(calendar.workdayDates('2026-10-08', '2026-10-12')).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
  });

  it('counts an empty range as no workdays', () => {
    expect(calendar.workdaysBetween('2026-10-02', '2026-10-01')).toBe(0);
  });
});

describe('company overrides', () => {
  it('lets HR give a day off and move a workday, ahead of the published calendar', () => {
    const calendar = makeCalendar([
      { date: '2026-11-20', kind: 'HOLIDAY' },
      { date: '2026-11-21', kind: 'MAKEUP_WORKDAY' },
      { date: '2026-10-08', kind: 'MAKEUP_WORKDAY' },
    ]);
    expect(calendar.isWorkday('2026-11-20')).toBe(false);
    expect(calendar.isHoliday('2026-11-20')).toBe(true);
    expect(calendar.isWorkday('2026-11-21')).toBe(true);
    expect(calendar.isWorkday('2026-10-08')).toBe(true);
    expect(calendar.isHoliday('2026-10-08')).toBe(false);
    expect(calendar.workdaysBetween('2026-11-16', '2026-11-22')).toBe(5);
  });

  describe('read from the Holiday table', () => {
    it('loads the rows of the range once and answers from them', async () => {
      await db.holiday.createMany({
        data: [
          { date: '2026-12-24', kind: 'HOLIDAY', name: 'Company day' },
          { date: '2026-12-26', kind: 'MAKEUP_WORKDAY', name: 'Stocktake' },
          { date: '2027-01-05', kind: 'HOLIDAY', name: 'Outside the range' },
        ],
      });
      const calendar = await loadCalendar(db, '2026-12-01', '2026-12-31');
      await db.holiday.deleteMany({});
      expect(calendar.isWorkday('2026-12-24')).toBe(false);
      expect(calendar.isWorkday('2026-12-26')).toBe(true);
      expect(calendar.isWorkday('2027-01-05')).toBe(true);
      expect(calendar.workdaysBetween('2026-12-21', '2026-12-27')).toBe(5);
    });
  });
});

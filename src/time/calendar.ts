// Which local dates are workdays: China's published holidays and make-up workdays (调休) from
// chinese-days, with the company's `Holiday` rows on top (HR overrides, and years the library
// does not know yet). Dates are local "YYYY-MM-DD"; the zone is the caller's.
import chineseDays from 'chinese-days';
import type { Db } from '../db/client.js';
import { addDays, isoWeekday } from './zoned.js';

/** A company override: a holiday on a would-be workday, or a make-up workday on a weekend. */
export interface HolidayOverride {
  date: string;
  kind: 'HOLIDAY' | 'MAKEUP_WORKDAY';
}

export interface Calendar {
  isWorkday(date: string): boolean;
  /** A statutory or company holiday, including the weekend days inside a holiday range; not an ordinary weekend. */
  isHoliday(date: string): boolean;
  /** The workdays in [from, to], in order. */
  workdayDates(from: string, to: string): string[];
  /** How many workdays [from, to] holds. */
  workdaysBetween(from: string, to: string): number;
}

interface Published {
  work: boolean;
  holiday: boolean;
}

function published(date: string): Published {
  try {
    const day = chineseDays.getDayDetail(date);
    // Ordinary days are named after their weekday; holidays and make-up days after the festival.
    return { work: day.work, holiday: !day.work && day.name.includes(',') };
  } catch {
    // Years the library cannot answer count Mon–Fri until HR adds the year's rows.
    return { work: isoWeekday(date) <= 5, holiday: false };
  }
}

/** A calendar from the published holidays plus these overrides (which win). Pure. */
export function makeCalendar(overrides: readonly HolidayOverride[] = []): Calendar {
  const byDate = new Map(overrides.map((o) => [o.date, o.kind]));
  const isWorkday = (date: string): boolean => {
    const kind = byDate.get(date);
    return kind === undefined ? published(date).work : kind === 'MAKEUP_WORKDAY';
  };
  const workdayDates = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d)) out.push(d);
    return out;
  };
  return {
    isWorkday,
    isHoliday(date) {
      const kind = byDate.get(date);
      return kind === undefined ? published(date).holiday : kind === 'HOLIDAY';
    },
    workdayDates,
    workdaysBetween: (from, to) => (to < from ? 0 : workdayDates(from, to).length),
  };
}

/** Reads the company's overrides for [from, to] in one query; the calendar answers for that range. */
export async function loadCalendar(db: Db, from: string, to: string): Promise<Calendar> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: from, lte: to } },
    select: { date: true, kind: true },
  });
  return makeCalendar(rows);
}

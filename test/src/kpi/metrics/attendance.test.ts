// Attendance metrics against hand-made check-ins. Absences follow China's 2026 calendar
// (/work/shared/reference/vectors.json → holidays_cn, from NateScarlet/holiday-cn 2026.json):
// Sun 20 Sep is a make-up workday (调休上班), Fri 25 – Sun 27 Sep the Mid-Autumn holiday.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);
const sep = { period: '2026-09' };
// Hired Thu 17 Sep: workdays 17, 18, 20 (make-up), 21–24, 28–30 = 10; 25 Sep is a holiday
const WORKDAYS = ['17', '18', '20', '21', '22', '23', '24', '28', '29', '30'];

/** An IN at 09:00 on each listed September day; returns the ids. */
async function mornings(employee: string, days: string[]): Promise<string[]> {
  await r.employee(employee, '2026-09-17');
  const ids: string[] = [];
  for (const day of days) ids.push(await r.checkIn(`${employee}-${day}`, employee, bj(`2026-09-${day} 09:00`)));
  return ids.sort();
}

describe('late_count', () => {
  beforeAll(async () => {
    await r.employee('e-lc');
    await r.employee('e-lc-other');
    await r.checkIn('lc-1', 'e-lc', bj('2026-08-03 09:05'), { lateMinutes: 5 });
    await r.checkIn('lc-2', 'e-lc', bj('2026-08-31 09:12'), { lateMinutes: 12 });
    await r.checkIn('lc-3', 'e-lc', bj('2026-08-05 08:55'));
    await r.checkIn('lc-4', 'e-lc', bj('2026-09-01 00:10'), { lateMinutes: 10 });
    await r.checkIn('lc-5', 'e-lc-other', bj('2026-08-03 09:30'), { lateMinutes: 30 });
    await r.checkIn('lc-7', 'e-lc', bj('2026-08-06 09:20'), { lateMinutes: 20, verdict: 'REJECTED' });
    await r.employee('e-lc-sunday');
    await r.checkIn('lc-6', 'e-lc-sunday', bj('2026-09-20 09:15'), { lateMinutes: 15 });
  });

  it('counts the late arrivals of the month, not on-time, rejected or a colleague’s', async () => {
    // lc-1 (5 min) and lc-2 (12 min) → 2; lc-3 on time, lc-4 on 1 Sep, lc-5 someone else's,
    // lc-7 a check-in HR rejected (it is not an arrival at all)
    expect(await r.metric('late_count', 'e-lc')).toEqual({ value: 2, recordIds: ['lc-1', 'lc-2'] });
  });

  it('counts a late arrival on the make-up workday Sunday 20 September', async () => {
    expect(await r.metric('late_count', 'e-lc-sunday', sep)).toEqual({ value: 1, recordIds: ['lc-6'] });
  });
});

describe('late_minutes', () => {
  beforeAll(async () => {
    await r.employee('e-lm');
    await r.employee('e-lm-none');
    await r.checkIn('lm-1', 'e-lm', bj('2026-08-03 09:05'), { lateMinutes: 5 });
    await r.checkIn('lm-2', 'e-lm', bj('2026-08-04 09:12'), { lateMinutes: 12 });
    await r.checkIn('lm-3', 'e-lm', bj('2026-08-04 18:30'), { kind: 'OUT' });
    await r.checkIn('lm-4', 'e-lm', bj('2026-07-31 09:40'), { lateMinutes: 40 });
  });

  it('adds the minutes late of the month', async () => {
    // 5 + 12 = 17 min; the 40 min of 31 July belong to July
    expect(await r.metric('late_minutes', 'e-lm')).toEqual({ value: 17, recordIds: ['lm-1', 'lm-2'] });
  });

  it('counts zero minutes for an employee never late', async () => {
    expect(await r.metric('late_minutes', 'e-lm-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('absent_days', () => {
  it('counts a missed make-up workday (Sunday 20 September) as an absence', async () => {
    const ids = await mornings(
      'e-ab-makeup',
      WORKDAYS.filter((d) => d !== '20'),
    );
    // 10 workdays − 9 present = 1
    expect(await r.metric('absent_days', 'e-ab-makeup', sep)).toEqual({ value: 1, recordIds: ids });
  });

  it('does not count the Mid-Autumn holiday (25 September) as an absence', async () => {
    const ids = await mornings('e-ab-holiday', WORKDAYS);
    expect(await r.metric('absent_days', 'e-ab-holiday', sep)).toEqual({ value: 0, recordIds: ids });
  });

  it('does not let a check-in on a day off make up for a missed workday', async () => {
    const ids = await mornings(
      'e-ab-weekend',
      WORKDAYS.filter((d) => d !== '21'),
    );
    await r.checkIn('ab-sat', 'e-ab-weekend', bj('2026-09-26 09:00'));
    // present on 9 workdays; Saturday 26 Sep (holiday weekend) is not a workday → 1 absence
    expect(await r.metric('absent_days', 'e-ab-weekend', sep)).toEqual({ value: 1, recordIds: ids });
  });

  it('counts a day with only a rejected check-in as absent and two check-ins on one day once', async () => {
    const ids = await mornings(
      'e-ab-rejected',
      WORKDAYS.filter((d) => d !== '21'),
    );
    await r.checkIn('ab-rej', 'e-ab-rejected', bj('2026-09-21 09:00'), { verdict: 'REJECTED' });
    await r.checkIn('ab-out', 'e-ab-rejected', bj('2026-09-21 18:00'), { kind: 'OUT' });
    const again = await r.checkIn('ab-again', 'e-ab-rejected', bj('2026-09-22 13:30'));
    // present on 9 distinct workdays (22 Sep twice) → 1 absence (21 Sep)
    expect(await r.metric('absent_days', 'e-ab-rejected', sep)).toEqual({
      value: 1,
      recordIds: [...ids, again].sort(),
    });
  });

  it('judges whole past days only, so today without a check-in yet is no absence', async () => {
    const ids = await mornings('e-ab-today', ['17', '18', '20', '21']);
    // as of Tue 22 Sep 12:00: workdays 17, 18, 20, 21 so far, all present → 0
    const asOf = bj('2026-09-22 12:00');
    expect(await r.metric('absent_days', 'e-ab-today', { ...sep, asOf })).toEqual({ value: 0, recordIds: ids });
  });

  it('counts every workday absent for an employee without check-ins (21 in August 2026)', async () => {
    await r.employee('e-ab-none');
    expect(await r.metric('absent_days', 'e-ab-none')).toEqual({ value: 21, recordIds: [] });
  });
});

describe('overtime_hours', () => {
  const params = { officeSites: ['T-HQ'] };
  beforeAll(async () => {
    await r.employee('e-ot');
    const hq = await r.site('T-HQ');
    const customer = await r.site('T-CUST-OT');
    const day = async (id: string, date: string, from: string, to: string, siteId: string) => {
      await r.checkIn(`${id}-in`, 'e-ot', bj(`${date} ${from}`), { siteId });
      await r.checkIn(`${id}-out`, 'e-ot', bj(`${date} ${to}`), { kind: 'OUT', siteId });
    };
    await day('ot-1', '2026-08-03', '09:00', '20:00', hq);
    await day('ot-2', '2026-08-04', '09:00', '18:00', hq);
    await day('ot-3', '2026-08-05', '08:30', '19:00', hq);
    await day('ot-4', '2026-08-06', '09:00', '21:00', customer);
  });

  it('adds office time beyond the 9-hour day', async () => {
    // 3 Aug 11 h → 2 h, 4 Aug exactly 9 h → 0, 5 Aug 10.5 h → 1.5 h; 6 Aug was at a customer → 3.5 h
    expect(await r.metric('overtime_hours', 'e-ot', { params })).toEqual({
      value: 3.5,
      recordIds: ['ot-1-in', 'ot-1-out', 'ot-3-in', 'ot-3-out'],
    });
  });

  it('counts no overtime when the model names no office site', async () => {
    expect(await r.metric('overtime_hours', 'e-ot')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('check-ins waiting for review', () => {
  beforeAll(async () => {
    await r.employee('e-rv');
    await r.checkIn('rv-1', 'e-rv', bj('2026-08-03 09:20'), { lateMinutes: 20 });
    await r.checkIn('rv-2', 'e-rv', bj('2026-08-04 09:30'), { lateMinutes: 30, verdict: 'FLAGGED' });
    await r.checkIn('rv-3', 'e-rv', bj('2026-08-05 09:40'), { lateMinutes: 40, verdict: 'OUTSIDE_FENCE' });
  });

  it('count only once accepted: flagged and outside-the-fence check-ins wait for the reviewer', async () => {
    expect(await r.metric('late_count', 'e-rv')).toEqual({ value: 1, recordIds: ['rv-1'] });
    await app.db.checkIn.update({ where: { id: 'rv-2' }, data: { verdict: 'ACCEPTED' } });
    expect(await r.metric('late_count', 'e-rv')).toEqual({ value: 2, recordIds: ['rv-1', 'rv-2'] });
  });
});

// absent_days under the company's own calendar: the `Holiday` table's overrides on top of China's
// 2026 calendar (Sun 20 Sep make-up workday, Fri 25 Sep Mid-Autumn holiday; November ordinary).
// Its own database, so these rows touch no other test's periods.
import { describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);

describe('absent_days with company holidays', () => {
  it('drops a company holiday on a national workday (Tue 22 Sep) from the absences of someone away that day', async () => {
    await r.employee('e-co-holiday', '2026-09-17');
    // National workdays from 17 Sep: 17, 18, 20 (make-up), 21–24, 28–30 = 10. Away on 22 and 23 Sep.
    const present = ['17', '18', '20', '21', '24', '28', '29', '30'];
    const ids: string[] = [];
    for (const day of present) {
      ids.push(await r.checkIn(`co-h-${day}`, 'e-co-holiday', bj(`2026-09-${day} 09:00`)));
    }
    ids.sort();
    // 10 workdays − 8 present = 2
    expect(await r.metric('absent_days', 'e-co-holiday', { period: '2026-09' })).toEqual({
      value: 2,
      recordIds: ids,
    });

    await app.db.holiday.create({ data: { date: '2026-09-22', kind: 'HOLIDAY', name: 'Company anniversary' } });
    // 22 Sep is no longer a workday: 9 workdays − 8 present = 1 (only 23 Sep), the same check-ins behind it
    expect(await r.metric('absent_days', 'e-co-holiday', { period: '2026-09' })).toEqual({
      value: 1,
      recordIds: ids,
    });
  });

  it('counts a missed company make-up workday (Sat 14 Nov) as an absence', async () => {
    await r.employee('e-co-makeup', '2026-11-09');
    // As of Wed 18 Nov 12:00 (the test day) the whole days are 9–17 Nov: workdays 9–13, 16, 17 = 7, all present
    const ids: string[] = [];
    for (const day of ['09', '10', '11', '12', '13', '16', '17']) {
      ids.push(await r.checkIn(`co-m-${day}`, 'e-co-makeup', bj(`2026-11-${day} 09:00`)));
    }
    ids.sort();
    expect(await r.metric('absent_days', 'e-co-makeup', { period: '2026-11' })).toEqual({ value: 0, recordIds: ids });

    await app.db.holiday.create({ data: { date: '2026-11-14', kind: 'MAKEUP_WORKDAY', name: 'Stocktake' } });
    // 8 workdays − 7 present = 1 (Saturday 14 Nov)
    expect(await r.metric('absent_days', 'e-co-makeup', { period: '2026-11' })).toEqual({ value: 1, recordIds: ids });
  });
});

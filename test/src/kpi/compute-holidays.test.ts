// A recompute reads the company's `Holiday` rows for the period and its absence deduction follows
// them. Its own database, so the row touches no other test's periods.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { computePeriod, type KpiEngine } from '../../../src/kpi/compute.js';
import { ensureDefaultModels } from '../../../src/kpi/models.js';
import { bj, kpiRecords } from '../../helpers/kpi-records.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY, TEST_TZ } from '../../helpers/test-db.js';

const app = await startTestApp();
const r = kpiRecords(app);
const engine: KpiEngine = {
  db: app.db,
  provider: app.target.provider,
  logger: pino({ level: 'silent' }),
  now: () => TEST_TODAY,
  metrics: app.kpi.metrics,
};

describe('computePeriod with company holidays', () => {
  it('deducts one absence less for a company holiday on a national workday the rep was away', async () => {
    await ensureDefaultModels(app.db, '2026-09', app.kpi.metrics);
    const department = await app.db.department.findUniqueOrThrow({ where: { code: 'SALES' } });
    const position = await app.db.position.findUniqueOrThrow({ where: { code: 'sales_rep' } });
    const id = 'e-co-rep';
    await app.db.employee.create({
      data: {
        id,
        employeeNo: id,
        name: id,
        hireDate: '2026-09-17',
        timeZone: TEST_TZ,
        departmentId: department.id,
        positionId: position.id,
      },
    });
    // National workdays from 17 Sep: 17, 18, 20 (make-up), 21–24, 28–30 = 10. Away on 22 and 23 Sep.
    for (const day of ['17', '18', '20', '21', '24', '28', '29', '30']) {
      await r.checkIn(`co-rep-${day}`, id, bj(`2026-09-${day} 09:00`));
    }
    const absence = async () => {
      const { results } = await computePeriod(engine, '2026-09', { employeeIds: [id], write: false });
      expect(results.map((c) => c.scored.inputs.modelCode)).toEqual(['field_sales']);
      return results[0]?.scored.inputs.deductions.find((d) => d.rule === 'absence');
    };
    // field_sales: { per: absence, points: 3, max: 9 }; 10 workdays − 8 present = 2 → 6 points
    expect(await absence()).toMatchObject({ count: 2, points: 6 });

    await app.db.holiday.create({ data: { date: '2026-09-22', kind: 'HOLIDAY', name: 'Company anniversary' } });
    // 9 workdays − 8 present = 1 (23 Sep) → 3 points
    expect(await absence()).toMatchObject({ count: 1, points: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { insertKpiResult, makeMetric } from '../../fixtures/kpi-results.js';
import { startTestApp } from '../../helpers/test-app.js';

// September 2026 holds no demo records, so the only late record is the one written here.
const app = await startTestApp();
const NIGHT = new Date('2026-11-18T19:15:00Z'); // 03:15 in Shanghai

describe('nightly late-record sweep', () => {
  it('turns a record that arrives for a closed month into a post-close adjustment, scores untouched', async () => {
    const metric = makeMetric({ metric: 'work_orders_completed', recordType: 'WorkOrder', recordIds: [] });
    await insertKpiResult(app.db, {
      employeeId: 'emp_zhangwei',
      period: '2026-09',
      totalScore: 80,
      band: 'B',
      inputs: { metrics: [metric] },
    });
    // every close asks first; the confirmation closes
    const closed = await app.server.inject({
      method: 'POST',
      url: '/console/api/actions',
      payload: { userId: 'emp_malin', actionId: 'payroll.close.confirm', value: '2026-09' },
    });
    expect(closed.statusCode).toBe(200);
    expect((await app.db.kpiPeriod.findUniqueOrThrow({ where: { period: '2026-09' } })).status).toBe('CLOSED');
    const frozen = await app.db.kpiResult.findMany({ where: { period: '2026-09' } });

    // A connector delivers a September work order after the close.
    await app.db.workOrder.create({
      data: {
        id: 'wo_sep_after_close',
        externalId: 'WO-SEP-AFTER',
        title: 'late sync',
        assigneeId: 'emp_zhangwei',
        status: 'COMPLETED',
        openedAt: new Date('2026-09-28T01:00:00Z'),
        completedAt: new Date('2026-09-28T05:00:00Z'),
      },
    });

    expect(await app.scheduler.runNow('payroll.late-records', NIGHT)).toBe('ran');
    const adjustments = await app.db.kpiAdjustment.findMany({ where: { period: '2026-09' } });
    expect(adjustments.map((a) => [a.employeeId, a.recordType, a.recordId])).toEqual([
      ['emp_zhangwei', 'WorkOrder', 'wo_sep_after_close'],
    ]);
    expect(await app.db.kpiResult.findMany({ where: { period: '2026-09' } })).toEqual(frozen);
  });
});

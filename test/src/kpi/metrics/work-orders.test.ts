// Work-order metrics against hand-counted records in 2026-08, a month the demo company has no data.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);
const done = bj('2026-08-05 16:00');

describe('wo_completed', () => {
  beforeAll(async () => {
    await r.employee('e-wc');
    await r.employee('e-wc-other');
    await r.employee('e-wc-none');
    await r.workOrder('wc-1', 'e-wc', { status: 'COMPLETED', completedAt: bj('2026-08-01 00:00') });
    await r.workOrder('wc-2', 'e-wc', { status: 'CLOSED', completedAt: bj('2026-08-31 23:59') });
    await r.workOrder('wc-3', 'e-wc', { status: 'COMPLETED', completedAt: bj('2026-07-31 23:59') });
    await r.workOrder('wc-4', 'e-wc', { status: 'COMPLETED', completedAt: bj('2026-09-01 00:00') });
    await r.workOrder('wc-5', 'e-wc', { status: 'CANCELLED' });
    await r.workOrder('wc-6', 'e-wc', { status: 'IN_PROGRESS' });
    await r.workOrder('wc-7', 'e-wc-other', { status: 'COMPLETED', completedAt: done });
  });

  it('counts orders completed or closed from local midnight 1 August to local midnight 1 September', async () => {
    // wc-1 (00:00 on the 1st) and wc-2 (23:59 on the 31st) → 2; 31 Jul 23:59 and 1 Sep 00:00 fall outside
    expect(await r.metric('wo_completed', 'e-wc')).toEqual({ value: 2, recordIds: ['wc-1', 'wc-2'] });
  });

  it('counts zero with no records for an employee who completed nothing', async () => {
    expect(await r.metric('wo_completed', 'e-wc-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('wo_completion_rate', () => {
  beforeAll(async () => {
    await r.employee('e-wr');
    await r.employee('e-wr-cancelled');
    await r.workOrder('wr-1', 'e-wr', { status: 'COMPLETED', completedAt: done });
    await r.workOrder('wr-2', 'e-wr', { status: 'CLOSED', completedAt: done });
    await r.workOrder('wr-3', 'e-wr', { status: 'IN_PROGRESS' });
    await r.workOrder('wr-4', 'e-wr', { status: 'ASSIGNED' });
    await r.workOrder('wr-5', 'e-wr', { status: 'CANCELLED' });
    await r.workOrder('wr-6', 'e-wr', { status: 'COMPLETED', openedAt: bj('2026-07-31 23:59'), completedAt: done });
    await r.workOrder('wr-7', 'e-wr-cancelled', { status: 'CANCELLED' });
  });

  it('divides completed by opened orders, leaving cancelled ones out of both', async () => {
    // opened in August and not cancelled: wr-1..4; done: wr-1, wr-2 → 2/4 = 50 %
    expect(await r.metric('wo_completion_rate', 'e-wr')).toEqual({
      value: 50,
      recordIds: ['wr-1', 'wr-2', 'wr-3', 'wr-4'],
    });
  });

  it('is unknown (null) when every order of the month was cancelled', async () => {
    expect(await r.metric('wo_completion_rate', 'e-wr-cancelled')).toEqual({ value: null, recordIds: [] });
  });
});

describe('wo_points', () => {
  beforeAll(async () => {
    await r.employee('e-wp');
    await r.workOrder('wp-1', 'e-wp', { status: 'COMPLETED', completedAt: done, difficulty: 5 });
    await r.workOrder('wp-2', 'e-wp', { status: 'CLOSED', completedAt: done, difficulty: 3 });
    await r.workOrder('wp-3', 'e-wp', { status: 'COMPLETED', completedAt: done, difficulty: 1 });
    await r.workOrder('wp-4', 'e-wp', { status: 'COMPLETED', completedAt: bj('2026-09-01 00:00'), difficulty: 4 });
    await r.workOrder('wp-5', 'e-wp', { status: 'IN_PROGRESS', difficulty: 2 });
  });

  it('adds the difficulty of the orders completed in the month', async () => {
    // 5 + 3 + 1 = 9; the level-4 order completed on 1 September and the open level-2 one do not count
    expect(await r.metric('wo_points', 'e-wp')).toEqual({ value: 9, recordIds: ['wp-1', 'wp-2', 'wp-3'] });
  });
});

describe('wo_response_sla', () => {
  beforeAll(async () => {
    await r.employee('e-rs');
    const assigned = { openedAt: bj('2026-08-03 08:40'), assignedAt: bj('2026-08-03 09:00'), slaResponseMinutes: 30 };
    await r.workOrder('rs-1', 'e-rs', { ...assigned, firstResponseAt: bj('2026-08-03 09:30') });
    await r.workOrder('rs-2', 'e-rs', { ...assigned, firstResponseAt: bj('2026-08-03 09:31') });
    await r.workOrder('rs-3', 'e-rs', {
      openedAt: bj('2026-08-04 10:00'),
      firstResponseAt: bj('2026-08-04 10:20'),
      slaResponseMinutes: 30,
    });
    await r.workOrder('rs-4', 'e-rs', {
      ...assigned,
      firstResponseAt: bj('2026-08-03 09:10'),
      slaResponseMinutes: null,
    });
    await r.employee('e-rs-ignored');
    await r.workOrder('ri-1', 'e-rs-ignored', { ...assigned, firstResponseAt: bj('2026-08-03 09:20') });
    // never answered: its deadline (09:30) passed long before the month ended
    await r.workOrder('ri-2', 'e-rs-ignored', assigned);
    // never answered, but its deadline (1 Sep 00:20) is after the window's end
    await r.workOrder('ri-3', 'e-rs-ignored', {
      openedAt: bj('2026-08-31 23:50'),
      assignedAt: bj('2026-08-31 23:50'),
      slaResponseMinutes: 30,
    });
    await r.workOrder('ri-4', 'e-rs-ignored', { ...assigned, status: 'CANCELLED' });
  });

  it('counts a response exactly at the SLA as within it, timed from assignment or else opening', async () => {
    // rs-1 30 min ≤ 30 ✓, rs-2 31 min ✗, rs-3 20 min from opening ✓ → 2/3 = 66.67 %; rs-4 has no SLA
    const v = await r.metric('wo_response_sla', 'e-rs');
    expect(v.recordIds).toEqual(['rs-1', 'rs-2', 'rs-3']);
    expect(v.value).toBeCloseTo(66.667, 3);
  });

  it('counts an order left unanswered past its deadline as a breach, not one still within it', async () => {
    // ri-1 20 min ✓, ri-2 unanswered past 09:30 ✗ → 1/2 = 50 %; ri-3's deadline is after the
    // window, ri-4 was cancelled
    expect(await r.metric('wo_response_sla', 'e-rs-ignored')).toEqual({ value: 50, recordIds: ['ri-1', 'ri-2'] });
  });
});

describe('wo_response_minutes', () => {
  beforeAll(async () => {
    await r.employee('e-rm');
    await r.employee('e-rm-silent');
    const assigned = { openedAt: bj('2026-08-06 08:00'), assignedAt: bj('2026-08-06 09:00') };
    await r.workOrder('rm-1', 'e-rm', { ...assigned, firstResponseAt: bj('2026-08-06 09:15') });
    await r.workOrder('rm-2', 'e-rm', { ...assigned, firstResponseAt: bj('2026-08-06 09:45') });
    await r.workOrder('rm-3', 'e-rm', { openedAt: bj('2026-08-07 10:00'), firstResponseAt: bj('2026-08-07 11:30') });
    await r.workOrder('rm-4', 'e-rm', assigned);
    await r.workOrder('rm-5', 'e-rm-silent', assigned);
  });

  it('averages the minutes to first response of the answered orders', async () => {
    // 15, 45 from assignment and 90 from opening → 150 / 3 = 50 min; rm-4 has no response yet
    expect(await r.metric('wo_response_minutes', 'e-rm')).toEqual({ value: 50, recordIds: ['rm-1', 'rm-2', 'rm-3'] });
  });

  it('is unknown (null) when no order has been answered', async () => {
    expect(await r.metric('wo_response_minutes', 'e-rm-silent')).toEqual({ value: null, recordIds: [] });
  });
});

describe('wo_arrival_sla', () => {
  beforeAll(async () => {
    await r.employee('e-ra');
    const assigned = { openedAt: bj('2026-08-10 08:30'), assignedAt: bj('2026-08-10 09:00') };
    await r.workOrder('ra-1', 'e-ra', { ...assigned, arrivedAt: bj('2026-08-10 10:00'), slaArrivalMinutes: 60 });
    await r.workOrder('ra-2', 'e-ra', { ...assigned, arrivedAt: bj('2026-08-10 11:01'), slaArrivalMinutes: 120 });
    await r.workOrder('ra-3', 'e-ra', { ...assigned, arrivedAt: bj('2026-09-01 00:10'), slaArrivalMinutes: 60 });
    await r.workOrder('ra-4', 'e-ra', {
      openedAt: bj('2026-09-01 00:00'),
      arrivedAt: bj('2026-09-01 00:30'),
      slaArrivalMinutes: 60,
    });
  });

  it('counts an open order nobody reached by its deadline as a breach, not one fixed remotely', async () => {
    await r.employee('e-ra-open');
    const assigned = { openedAt: bj('2026-08-12 08:30'), assignedAt: bj('2026-08-12 09:00'), slaArrivalMinutes: 60 };
    await r.workOrder('ro-1', 'e-ra-open', { ...assigned, arrivedAt: bj('2026-08-12 09:40') });
    await r.workOrder('ro-2', 'e-ra-open', { ...assigned, status: 'IN_PROGRESS' });
    await r.workOrder('ro-3', 'e-ra-open', { ...assigned, status: 'COMPLETED', completedAt: bj('2026-08-12 09:30') });
    // ro-1 40 min ✓, ro-2 still not reached ✗ → 1/2 = 50 %; ro-3 was fixed without a visit
    expect(await r.metric('wo_arrival_sla', 'e-ra-open')).toEqual({ value: 50, recordIds: ['ro-1', 'ro-2'] });
  });

  it('counts arrivals within the SLA among orders opened in the month', async () => {
    // ra-1 60 ≤ 60 ✓, ra-2 121 > 120 ✗, ra-3 arrived weeks late ✗ → 1/3 = 33.33 %; ra-4 opened in September
    const v = await r.metric('wo_arrival_sla', 'e-ra');
    expect(v.recordIds).toEqual(['ra-1', 'ra-2', 'ra-3']);
    expect(v.value).toBeCloseTo(33.333, 3);
  });
});

describe('wo_resolution_rate', () => {
  beforeAll(async () => {
    await r.employee('e-rr');
    await r.workOrder('rr-1', 'e-rr', { status: 'COMPLETED', completedAt: done, resolved: true });
    await r.workOrder('rr-2', 'e-rr', { status: 'COMPLETED', completedAt: done, resolved: true, reopenCount: 1 });
    await r.workOrder('rr-3', 'e-rr', { status: 'COMPLETED', completedAt: done, resolved: false });
    await r.workOrder('rr-4', 'e-rr', { status: 'CLOSED', completedAt: done, resolved: true });
    await r.workOrder('rr-5', 'e-rr', { status: 'IN_PROGRESS', resolved: true });
  });

  it('counts completed orders resolved and never reopened as first-time fixes', async () => {
    // completed: rr-1..4; fixed first time: rr-1, rr-4 → 2/4 = 50 % (reopened rr-2, unresolved rr-3)
    expect(await r.metric('wo_resolution_rate', 'e-rr')).toEqual({
      value: 50,
      recordIds: ['rr-1', 'rr-2', 'rr-3', 'rr-4'],
    });
  });
});

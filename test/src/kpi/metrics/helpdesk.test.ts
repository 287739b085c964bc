// Helpdesk metrics against hand-counted tickets in 2026-08, a month the demo company has no data.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);
const opened = bj('2026-08-04 10:00');

describe('tickets_handled', () => {
  beforeAll(async () => {
    await r.employee('e-th');
    await r.employee('e-th-other');
    await r.employee('e-th-none');
    await r.ticket('th-1', 'e-th', { openedAt: bj('2026-08-01 00:00') });
    await r.ticket('th-2', 'e-th');
    await r.ticket('th-3', 'e-th', { openedAt: bj('2026-08-31 23:59') });
    await r.ticket('th-4', 'e-th', { openedAt: bj('2026-09-01 00:00') });
    await r.ticket('th-5', 'e-th-other');
  });

  it('counts the tickets opened to the employee between the local midnights of the month', async () => {
    // th-1 (1 Aug 00:00), th-2, th-3 (31 Aug 23:59) → 3; th-4 opened 1 Sep 00:00, th-5 a colleague's
    expect(await r.metric('tickets_handled', 'e-th')).toEqual({ value: 3, recordIds: ['th-1', 'th-2', 'th-3'] });
  });

  it('counts zero for an employee with no tickets', async () => {
    expect(await r.metric('tickets_handled', 'e-th-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('ticket_resolution_rate', () => {
  beforeAll(async () => {
    await r.employee('e-tr');
    await r.ticket('tr-1', 'e-tr', { resolvedAt: bj('2026-08-04 11:00') });
    await r.ticket('tr-2', 'e-tr', { resolvedAt: bj('2026-08-05 11:00') });
    await r.ticket('tr-3', 'e-tr', { resolvedAt: bj('2026-09-03 11:00') });
    await r.ticket('tr-4', 'e-tr');
  });

  it('divides resolved by opened tickets, an unresolved one counting against', async () => {
    // resolved: tr-1, tr-2, tr-3 (in September, still resolved) of 4 → 75 %
    expect(await r.metric('ticket_resolution_rate', 'e-tr')).toEqual({
      value: 75,
      recordIds: ['tr-1', 'tr-2', 'tr-3', 'tr-4'],
    });
  });
});

describe('ticket_response_minutes', () => {
  beforeAll(async () => {
    await r.employee('e-tm');
    await r.employee('e-tm-silent');
    await r.ticket('tm-1', 'e-tm', { openedAt: opened, firstResponseAt: bj('2026-08-04 10:10') });
    await r.ticket('tm-2', 'e-tm', { openedAt: opened, firstResponseAt: bj('2026-08-04 10:20') });
    await r.ticket('tm-3', 'e-tm', { openedAt: opened, firstResponseAt: bj('2026-08-04 11:00') });
    await r.ticket('tm-4', 'e-tm', { openedAt: opened });
    await r.ticket('tm-5', 'e-tm-silent', { openedAt: opened });
  });

  it('averages the minutes to the first reply of answered tickets', async () => {
    // 10, 20, 60 → 90 / 3 = 30 min; tm-4 has no reply yet
    expect(await r.metric('ticket_response_minutes', 'e-tm')).toEqual({
      value: 30,
      recordIds: ['tm-1', 'tm-2', 'tm-3'],
    });
  });

  it('is unknown (null) when no ticket has a reply', async () => {
    expect(await r.metric('ticket_response_minutes', 'e-tm-silent')).toEqual({ value: null, recordIds: [] });
  });
});

describe('ticket_rating_avg', () => {
  beforeAll(async () => {
    await r.employee('e-tg');
    await r.ticket('tg-1', 'e-tg', { rating: 5 });
    await r.ticket('tg-2', 'e-tg', { rating: 3 });
    await r.ticket('tg-3', 'e-tg', { rating: null });
    await r.ticket('tg-4', 'e-tg', { rating: 1, openedAt: bj('2026-07-31 23:59') });
  });

  it('averages the ratings of rated tickets only', async () => {
    // 5 and 3 → 4; tg-3 is unrated, tg-4 was opened in July
    expect(await r.metric('ticket_rating_avg', 'e-tg')).toEqual({ value: 4, recordIds: ['tg-1', 'tg-2'] });
  });
});

describe('complaints', () => {
  beforeAll(async () => {
    await r.employee('e-cp');
    await r.employee('e-cp-none');
    await r.ticket('cp-1', 'e-cp', { isComplaint: true });
    await r.ticket('cp-2', 'e-cp', { isComplaint: true, repeatOfId: 'cp-1' });
    await r.ticket('cp-3', 'e-cp', { isComplaint: true, openedAt: bj('2026-08-31 23:59') });
    await r.ticket('cp-4', 'e-cp', { isComplaint: true, openedAt: bj('2026-09-01 00:00') });
    await r.ticket('cp-5', 'e-cp', { isComplaint: false });
  });

  it('counts the complaints opened in the month, repeats included', async () => {
    // cp-1, cp-2 (a repeat), cp-3 (31 Aug 23:59) → 3; cp-4 was opened 1 Sep 00:00, cp-5 is no complaint
    expect(await r.metric('complaints', 'e-cp')).toEqual({ value: 3, recordIds: ['cp-1', 'cp-2', 'cp-3'] });
  });

  it('counts zero complaints for an employee without any', async () => {
    expect(await r.metric('complaints', 'e-cp-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('repeat_complaints', () => {
  beforeAll(async () => {
    await r.employee('e-rc');
    await r.ticket('rc-1', 'e-rc', { isComplaint: true });
    await r.ticket('rc-2', 'e-rc', { isComplaint: true, repeatOfId: 'rc-1' });
    await r.ticket('rc-3', 'e-rc', { isComplaint: false });
    await r.ticket('rc-4', 'e-rc', { isComplaint: false, repeatOfId: 'rc-3' });
  });

  it('counts only complaints that repeat an earlier one', async () => {
    // rc-2 repeats rc-1 → 1; rc-4 follows up rc-3 but is not a complaint
    expect(await r.metric('repeat_complaints', 'e-rc')).toEqual({ value: 1, recordIds: ['rc-2'] });
  });
});

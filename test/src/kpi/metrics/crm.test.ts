// Field-sales metrics (visits, time on site, revenue, collection) against hand-made records in 2026-08.
import { beforeAll, describe, expect, it } from 'vitest';
import { bj, kpiRecords } from '../../../helpers/kpi-records.js';
import { startTestApp } from '../../../helpers/test-app.js';

const app = await startTestApp();
const r = kpiRecords(app);
const params = { officeSites: ['T-OFFICE'] };
const sites: Record<string, string> = {};

beforeAll(async () => {
  for (const code of ['T-OFFICE', 'T-ACME', 'T-BETA']) sites[code] = await r.site(code);
});
const at = (code: string) => sites[code] as string;

describe('visits', () => {
  beforeAll(async () => {
    await r.employee('e-vi');
    await r.checkIn('vi-1', 'e-vi', bj('2026-08-03 10:00'), { siteId: at('T-ACME') });
    await r.checkIn('vi-2', 'e-vi', bj('2026-08-03 11:00'), { siteId: at('T-ACME'), kind: 'OUT' });
    await r.checkIn('vi-3', 'e-vi', bj('2026-08-04 14:00'), { siteId: at('T-BETA') });
    await r.checkIn('vi-4', 'e-vi', bj('2026-08-05 14:00'), { siteId: at('T-BETA'), verdict: 'REJECTED' });
    await r.checkIn('vi-5', 'e-vi', bj('2026-08-06 09:00'), { siteId: at('T-OFFICE') });
    await r.checkIn('vi-6', 'e-vi', bj('2026-07-31 23:59'), { siteId: at('T-ACME') });
  });

  it('counts accepted arrivals at customer sites, not the office', async () => {
    // vi-1 (ACME), vi-3 (BETA) → 2; vi-2 is a departure, vi-4 rejected, vi-5 the office, vi-6 in July
    expect(await r.metric('visits', 'e-vi', { params })).toEqual({ value: 2, recordIds: ['vi-1', 'vi-3'] });
  });
});

describe('time_on_site_hours', () => {
  beforeAll(async () => {
    await r.employee('e-ts');
    await r.employee('e-ts-none');
    const stay = async (id: string, site: string, from: string, to: string, outSite = site) => {
      await r.checkIn(`${id}-in`, 'e-ts', bj(from), { siteId: at(site) });
      await r.checkIn(`${id}-out`, 'e-ts', bj(to), { siteId: at(outSite), kind: 'OUT' });
    };
    await stay('ts-1', 'T-ACME', '2026-08-03 10:00', '2026-08-03 11:30');
    await stay('ts-2', 'T-BETA', '2026-08-03 14:00', '2026-08-03 14:45');
    await stay('ts-3', 'T-ACME', '2026-08-04 10:00', '2026-08-04 12:00', 'T-BETA');
    await stay('ts-4', 'T-OFFICE', '2026-08-05 09:00', '2026-08-05 18:00');
  });

  it('adds the time between arriving and leaving the same customer site', async () => {
    // 1.5 h at ACME + 0.75 h at BETA = 2.25 h; ts-3 left from another site, ts-4 is the office
    expect(await r.metric('time_on_site_hours', 'e-ts', { params })).toEqual({
      value: 2.25,
      recordIds: ['ts-1-in', 'ts-1-out', 'ts-2-in', 'ts-2-out'],
    });
  });

  it('counts zero hours for an employee without visits', async () => {
    expect(await r.metric('time_on_site_hours', 'e-ts-none', { params })).toEqual({ value: 0, recordIds: [] });
  });
});

describe('revenue', () => {
  beforeAll(async () => {
    await r.employee('e-rv');
    await r.employee('e-rv-other');
    await r.employee('e-rv-none');
    await r.crmOrder('rv-1', 'e-rv', { amountCents: 12_000_00, orderedAt: bj('2026-08-01 00:00') });
    await r.crmOrder('rv-2', 'e-rv', { amountCents: 8_000_00 });
    await r.crmOrder('rv-3', 'e-rv', { amountCents: 5_000_00, status: 'lost' });
    await r.crmOrder('rv-4', 'e-rv', { amountCents: 9_000_00, orderedAt: bj('2026-09-01 00:00') });
    await r.crmOrder('rv-5', 'e-rv-other', { amountCents: 7_000_00 });
  });

  it('adds the value of the orders won in the month, in cents', async () => {
    // ¥12,000 + ¥8,000 = 2,000,000 cents; lost rv-3, September rv-4 and a colleague's rv-5 stay out
    expect(await r.metric('revenue', 'e-rv')).toEqual({ value: 2_000_000, recordIds: ['rv-1', 'rv-2'] });
  });

  it('counts zero revenue for a rep who won nothing', async () => {
    expect(await r.metric('revenue', 'e-rv-none')).toEqual({ value: 0, recordIds: [] });
  });
});

describe('collection_rate', () => {
  beforeAll(async () => {
    await r.employee('e-co');
    await r.employee('e-co-lost');
    await r.crmOrder('co-1', 'e-co', { amountCents: 100_000, collectedCents: 100_000 });
    await r.crmOrder('co-2', 'e-co', { amountCents: 300_000, collectedCents: 60_000 });
    await r.crmOrder('co-3', 'e-co', { amountCents: 500_000, status: 'lost' });
    await r.crmOrder('co-4', 'e-co-lost', { amountCents: 200_000, status: 'lost' });
  });

  it('divides the collected by the won value of the month', async () => {
    // (100,000 + 60,000) / (100,000 + 300,000) = 40 %; the lost order does not count
    expect(await r.metric('collection_rate', 'e-co')).toEqual({ value: 40, recordIds: ['co-1', 'co-2'] });
  });

  it('is unknown (null) for a rep with no won order', async () => {
    expect(await r.metric('collection_rate', 'e-co-lost')).toEqual({ value: null, recordIds: [] });
  });
});

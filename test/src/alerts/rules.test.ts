// Each alert rule at its boundaries, and the delivery plan (quiet hours, the chat's limit, digests).
import { describe, expect, it } from 'vitest';
import {
  csatTrend,
  DELIVERY_PARAMS,
  helpdeskSla,
  inQuietHours,
  kpiPacing,
  lateStreak,
  planDelivery,
  RULE_PARAMS,
  surveyComplaint,
  surveyLow,
  syncFailed,
  welchT,
  workOrderSla,
} from '../../../src/alerts/rules.js';

const defaults = <R extends keyof typeof RULE_PARAMS>(rule: R) => RULE_PARAMS[rule].parse({}) as never;

describe('survey rules', () => {
  it('a low answer is 2 or less by default; 3 is not', () => {
    expect(surveyLow({ answerId: 'a', csat: 2 }, defaults('survey.low'))?.severity).toBe('warning');
    expect(surveyLow({ answerId: 'a', csat: 3 }, defaults('survey.low'))).toBeNull();
    expect(surveyLow({ answerId: 'a', csat: 3 }, { maxCsat: 3 })).not.toBeNull();
  });
  it('a complaint is a 1 and critical, keyed like the low answer it inhibits', () => {
    const complaint = surveyComplaint({ answerId: 'a', csat: 1 }, defaults('survey.complaint'));
    expect(complaint?.severity).toBe('critical');
    expect(complaint?.key).toBe(surveyLow({ answerId: 'a', csat: 1 }, defaults('survey.low'))?.key);
    expect(surveyComplaint({ answerId: 'a', csat: 2 }, defaults('survey.complaint'))).toBeNull();
  });
  it('rejects an override outside the scale', () => {
    expect(RULE_PARAMS['survey.low'].safeParse({ maxCsat: 5 }).success).toBe(false);
  });
});

describe('late streak', () => {
  const days = (lates: number[]) =>
    lates.map((lateMinutes, i) => ({ date: `2026-11-${String(10 + i).padStart(2, '0')}`, lateMinutes }));
  it('needs 3 late days in a row ending with the latest', () => {
    expect(lateStreak('e', days([0, 5, 5]), defaults('attendance.lateStreak'))).toBeNull();
    const d = lateStreak('e', days([0, 5, 5, 5]), defaults('attendance.lateStreak'));
    expect(d).toMatchObject({ key: 'e:2026-11-11', severity: 'warning', evidence: { streak: 3, since: '2026-11-11' } });
    expect(lateStreak('e', days([5, 5, 5, 0]), defaults('attendance.lateStreak'))).toBeNull();
  });
  it('becomes critical at 5 under the same key (an escalation, not a new alert)', () => {
    const d = lateStreak('e', days([0, 1, 1, 1, 1, 1]), defaults('attendance.lateStreak'));
    expect(d).toMatchObject({ key: 'e:2026-11-11', severity: 'critical' });
  });
});

describe('SLA rules', () => {
  const opened = new Date('2026-11-20T02:00:00Z');
  const order = {
    id: 'wo',
    openedAt: opened,
    firstResponseAt: null,
    arrivedAt: null,
    slaResponseMinutes: 30,
    slaArrivalMinutes: 240,
  };
  const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);
  it('breaches the response SLA one minute after it, not at it', () => {
    expect(workOrderSla(order, at(30), defaults('workOrder.sla'))).toBeNull();
    expect(workOrderSla(order, at(31), defaults('workOrder.sla'))?.evidence).toMatchObject({
      kind: 'response',
      minutesOver: 1,
    });
  });
  it('then the arrival SLA once responded', () => {
    const responded = { ...order, firstResponseAt: at(10) };
    expect(workOrderSla(responded, at(240), defaults('workOrder.sla'))).toBeNull();
    expect(workOrderSla(responded, at(250), defaults('workOrder.sla'))?.key).toBe('wo:arrival');
    expect(workOrderSla({ ...responded, arrivedAt: at(200) }, at(250), defaults('workOrder.sla'))).toBeNull();
  });
  it('a ticket waits 60 minutes by default; complaints are critical', () => {
    const ticket = { id: 't', openedAt: opened, firstResponseAt: null, isComplaint: false };
    expect(helpdeskSla(ticket, at(60), defaults('helpdesk.sla'))).toBeNull();
    expect(helpdeskSla(ticket, at(61), defaults('helpdesk.sla'))?.severity).toBe('warning');
    expect(helpdeskSla({ ...ticket, isComplaint: true }, at(61), defaults('helpdesk.sla'))?.severity).toBe('critical');
  });
});

describe('KPI pacing', () => {
  const r = { employeeId: 'e', period: '2026-11', totalScore: 59.9 };
  it('from day 10, a projection under 60', () => {
    expect(kpiPacing(r, 9, defaults('kpi.pacing'))).toBeNull();
    expect(kpiPacing(r, 10, defaults('kpi.pacing'))?.evidence).toMatchObject({ projected: 59.9, minScore: 60 });
    expect(kpiPacing({ ...r, totalScore: 60 }, 20, defaults('kpi.pacing'))).toBeNull();
    expect(kpiPacing({ ...r, totalScore: null }, 20, defaults('kpi.pacing'))).toBeNull();
  });
});

describe('falling CSAT trend', () => {
  const baseline = [5, 5, 4, 5, 5, 4, 5, 5, 4, 5];
  it('needs 5 recent and 10 earlier answers', () => {
    expect(csatTrend('e', [3, 3, 2, 3], baseline, '2026-11', defaults('csat.trend'))).toBeNull();
    expect(csatTrend('e', [3, 3, 2, 3, 3], baseline.slice(1), '2026-11', defaults('csat.trend'))).toBeNull();
    const d = csatTrend('e', [3, 3, 2, 3, 3], baseline, '2026-11', defaults('csat.trend'));
    expect(d?.evidence).toMatchObject({ recentN: 5, baselineN: 10, recentMean: 2.8, baselineMean: 4.7 });
  });
  it('ignores noise: a small or insignificant drop', () => {
    expect(csatTrend('e', [5, 4, 5, 4, 4], baseline, '2026-11', defaults('csat.trend'))).toBeNull();
    expect(csatTrend('e', [1, 5, 5, 5, 5], baseline, '2026-11', defaults('csat.trend'))).toBeNull();
  });
  it("Welch's t is negative when recent is lower", () => {
    expect(welchT([1, 2, 3], [4, 5, 6])).toBeCloseTo(-3.674, 3);
    expect(welchT([4, 4], [4, 4])).toBe(0);
  });
});

describe('sync failures', () => {
  it('alert from the third failure in a row', () => {
    expect(syncFailed({ sourceId: 's', failures: 2 }, defaults('sync.failed'))).toBeNull();
    expect(syncFailed({ sourceId: 's', failures: 3 }, defaults('sync.failed'))?.severity).toBe('critical');
  });
});

describe('delivery plan', () => {
  const d = DELIVERY_PARAMS.parse({});
  it('quiet hours are 21:00–08:00 by default, wrapping midnight', () => {
    expect(inQuietHours(20 * 60 + 59, d)).toBe(false);
    expect(inQuietHours(21 * 60, d)).toBe(true);
    expect(inQuietHours(7 * 60 + 59, d)).toBe(true);
    expect(inQuietHours(8 * 60, d)).toBe(false);
  });
  const at = new Date('2026-11-20T02:00:00Z');
  const alert = (id: string, severity: 'warning' | 'critical') => ({ id, severity, createdAt: at });
  it('within the budget, every alert gets its own card', () => {
    expect(planDelivery([alert('a', 'warning'), alert('b', 'warning')], 20, false, false)).toEqual({
      single: ['a', 'b'],
      digest: [],
      held: [],
    });
  });
  it('over the budget, critical first on their own cards and the rest in one digest', () => {
    const pending = [alert('w1', 'warning'), alert('w2', 'warning'), alert('c1', 'critical'), alert('w3', 'warning')];
    expect(planDelivery(pending, 3, false, false)).toEqual({ single: ['c1', 'w1'], digest: ['w2', 'w3'], held: [] });
  });
  it('with no message left this minute, everything waits', () => {
    expect(planDelivery([alert('a', 'critical')], 0, false, false).held).toEqual(['a']);
  });
  it('quiet hours hold all but critical alerts; the morning digests what waited', () => {
    const pending = [alert('w1', 'warning'), alert('c1', 'critical')];
    expect(planDelivery(pending, 20, true, false)).toEqual({ single: ['c1'], digest: [], held: ['w1'] });
    expect(planDelivery([alert('w1', 'warning'), alert('w2', 'warning')], 20, false, true)).toEqual({
      single: [],
      digest: ['w1', 'w2'],
      held: [],
    });
  });
});

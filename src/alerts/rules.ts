// The alert rules: each one's parameters (zod, with the defaults a company or team may override in
// AlertRuleSetting), its severity and audience, and the pure function that decides. Nothing here
// reads the database or the clock: callers pass the facts and `now`.
import { z } from 'zod';

export type Severity = 'warning' | 'critical';
export const SEVERITY_RANK: Record<Severity, number> = { warning: 1, critical: 2 };

/** Who gets the card: the team's group chat; critical alerts also go to the team's manager directly. */
export type Audience = 'team' | 'team+manager' | 'hr';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);

export const RULE_PARAMS = {
  /** A survey answer at or below `maxCsat` (replaces the surveys feature's interim default). */
  'survey.low': z.object({ maxCsat: z.number().int().min(1).max(4).default(2) }),
  /** A survey answer at or below `maxCsat` is a complaint: critical, and inhibits survey.low for it. */
  'survey.complaint': z.object({ maxCsat: z.number().int().min(1).max(4).default(1) }),
  /** A flagged check-in (outside the fence, spoofing signs). */
  'checkIn.flagged': z.object({}),
  /** A missing check-in (the attendance feature's event, which excludes holidays and leave). */
  'attendance.missing': z.object({}),
  /** Late on `streak` consecutive worked days; critical from `criticalStreak`. */
  'attendance.lateStreak': z.object({
    streak: z.number().int().min(2).max(30).default(3),
    criticalStreak: z.number().int().min(2).max(60).default(5),
  }),
  /** A work order without a first response / arrival past its own SLA minutes. */
  'workOrder.sla': z.object({ graceMinutes: z.number().int().min(0).max(1440).default(0) }),
  /** A helpdesk ticket without a first response after `responseMinutes` (complaints are critical). */
  'helpdesk.sla': z.object({ responseMinutes: minutes.default(60) }),
  /**
   * KPI pacing, from `afterDay` of the month: the projected month-end score below `minScore`.
   * Projection: the month-to-date score stored by the KPI engine (rates and averages keep their
   * current value) — see `projectScore`.
   */
  'kpi.pacing': z.object({
    afterDay: z.number().int().min(1).max(28).default(10),
    minScore: z.number().min(0).max(100).default(60),
  }),
  /**
   * Falling CSAT against the person's own history: Welch's t of the last `recentDays` against the
   * `baselineDays` before them, at most `maxT`, with a drop of at least `minDrop` points and at
   * least `minRecent` / `minBaseline` answers in each window.
   */
  'csat.trend': z.object({
    recentDays: z.number().int().min(3).max(60).default(14),
    baselineDays: z.number().int().min(14).max(365).default(60),
    minRecent: z.number().int().min(3).max(100).default(5),
    minBaseline: z.number().int().min(5).max(500).default(10),
    minDrop: z.number().min(0).max(4).default(0.5),
    maxT: z.number().max(0).default(-2),
  }),
  /** A data source failing `failures` times in a row. */
  'sync.failed': z.object({ failures: z.number().int().min(1).max(100).default(3) }),
  /** Probation ends soon with a hiring condition missed (the people feature's probation.atRisk). */
  'probation.atRisk': z.object({}),
} as const;

export type RuleId = keyof typeof RULE_PARAMS;
export type RuleParams<R extends RuleId> = z.infer<(typeof RULE_PARAMS)[R]>;
export const RULE_IDS = Object.keys(RULE_PARAMS) as RuleId[];

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULE_PARAMS, value);
}

/** Severity and audience per rule (a decision may raise the severity, never lower it). */
export const RULE_META: Record<RuleId, { severity: Severity; audience: Audience; inhibits?: RuleId }> = {
  'survey.low': { severity: 'warning', audience: 'team' },
  'survey.complaint': { severity: 'critical', audience: 'team+manager', inhibits: 'survey.low' },
  'checkIn.flagged': { severity: 'warning', audience: 'team' },
  'attendance.missing': { severity: 'warning', audience: 'team' },
  'attendance.lateStreak': { severity: 'warning', audience: 'team' },
  'workOrder.sla': { severity: 'critical', audience: 'team+manager' },
  'helpdesk.sla': { severity: 'warning', audience: 'team' },
  'kpi.pacing': { severity: 'warning', audience: 'team' },
  'csat.trend': { severity: 'warning', audience: 'team' },
  'sync.failed': { severity: 'critical', audience: 'hr' },
  'probation.atRisk': { severity: 'warning', audience: 'team+manager' },
};

/** Delivery settings per team (the pseudo-rule "delivery" in AlertRuleSetting). */
export const DELIVERY_PARAMS = z.object({
  /** Local minutes after midnight; non-critical alerts wait from quietStart to quietEnd. */
  quietStart: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(21 * 60),
  quietEnd: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(8 * 60),
  /** Messages per minute the team's chat takes (group robots: about 20). */
  perMinute: z.number().int().min(1).max(100).default(20),
  /** An unacknowledged critical alert goes to the next manager up after this long. */
  escalateAfterMinutes: minutes.default(30),
});
export type DeliveryParams = z.infer<typeof DELIVERY_PARAMS>;

/** What a rule decided: alert (with its dedupe key, severity and evidence) or not. */
export interface Decision {
  key: string;
  severity: Severity;
  evidence: Record<string, string | number>;
}

// ─── the decisions ───

export function surveyLow(answer: { answerId: string; csat: number }, p: RuleParams<'survey.low'>): Decision | null {
  if (answer.csat > p.maxCsat) return null;
  return { key: `survey:${answer.answerId}`, severity: 'warning', evidence: { csat: answer.csat } };
}

export function surveyComplaint(
  answer: { answerId: string; csat: number },
  p: RuleParams<'survey.complaint'>,
): Decision | null {
  if (answer.csat > p.maxCsat) return null;
  return { key: `survey:${answer.answerId}`, severity: 'critical', evidence: { csat: answer.csat } };
}

/** Consecutive late days ending with the latest worked day; `days` is one entry per worked day. */
export function lateStreak(
  employeeId: string,
  days: readonly { date: string; lateMinutes: number }[],
  p: RuleParams<'attendance.lateStreak'>,
): Decision | null {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : -1));
  let streak = 0;
  for (const day of sorted) {
    if (day.lateMinutes <= 0) break;
    streak++;
  }
  if (streak < p.streak) return null;
  const first = sorted[streak - 1] as { date: string };
  const latest = sorted[0] as { date: string; lateMinutes: number };
  // Keyed by where the streak began: a streak that goes on is the same alert (escalated at criticalStreak).
  return {
    key: `${employeeId}:${first.date}`,
    severity: streak >= p.criticalStreak ? 'critical' : 'warning',
    evidence: { streak, since: first.date, latestMinutes: latest.lateMinutes },
  };
}

/** Minutes past the SLA a work order's first response (or arrival) is, if it has none yet. */
export function workOrderSla(
  order: {
    id: string;
    openedAt: Date;
    firstResponseAt: Date | null;
    arrivedAt: Date | null;
    slaResponseMinutes: number | null;
    slaArrivalMinutes: number | null;
  },
  now: Date,
  p: RuleParams<'workOrder.sla'>,
): Decision | null {
  const over = (sla: number | null, done: Date | null) =>
    sla === null || done ? null : Math.floor((now.getTime() - order.openedAt.getTime()) / 60_000) - sla;
  const response = over(order.slaResponseMinutes, order.firstResponseAt);
  if (response !== null && response > p.graceMinutes) {
    return { key: `${order.id}:response`, severity: 'critical', evidence: { kind: 'response', minutesOver: response } };
  }
  const arrival = over(order.slaArrivalMinutes, order.arrivedAt);
  if (arrival !== null && arrival > p.graceMinutes) {
    return { key: `${order.id}:arrival`, severity: 'critical', evidence: { kind: 'arrival', minutesOver: arrival } };
  }
  return null;
}

export function helpdeskSla(
  ticket: { id: string; openedAt: Date; firstResponseAt: Date | null; isComplaint: boolean },
  now: Date,
  p: RuleParams<'helpdesk.sla'>,
): Decision | null {
  if (ticket.firstResponseAt) return null;
  const waited = Math.floor((now.getTime() - ticket.openedAt.getTime()) / 60_000);
  if (waited <= p.responseMinutes) return null;
  return {
    key: ticket.id,
    severity: ticket.isComplaint ? 'critical' : 'warning',
    evidence: { minutesOver: waited - p.responseMinutes },
  };
}

/**
 * The projected month-end score. The KPI engine scores the month to date against the month's
 * targets with rates and averages as they stand, so the month-to-date score is the projection
 * for those; it is used as is (no extrapolation of counts).
 */
export function projectScore(monthToDate: number): number {
  return monthToDate;
}

export function kpiPacing(
  result: { employeeId: string; period: string; totalScore: number | null },
  dayOfMonth: number,
  p: RuleParams<'kpi.pacing'>,
): Decision | null {
  if (dayOfMonth < p.afterDay || result.totalScore === null) return null;
  const projected = projectScore(result.totalScore);
  if (projected >= p.minScore) return null;
  return {
    key: `${result.employeeId}:${result.period}`,
    severity: 'warning',
    evidence: { projected: Math.round(projected * 10) / 10, minScore: p.minScore },
  };
}

function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.length > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) : 0;
  return { mean, variance };
}

/**
 * Welch's t statistic of `recent` against `baseline` (negative: recent is lower). Both variances
 * zero: ±Infinity when the means differ, 0 when they do not.
 */
export function welchT(recent: readonly number[], baseline: readonly number[]): number {
  const r = meanVar(recent);
  const b = meanVar(baseline);
  const se = Math.sqrt(r.variance / recent.length + b.variance / baseline.length);
  const diff = r.mean - b.mean;
  if (se === 0) return diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return diff / se;
}

export function csatTrend(
  employeeId: string,
  recent: readonly number[],
  baseline: readonly number[],
  windowKey: string,
  p: RuleParams<'csat.trend'>,
): Decision | null {
  if (recent.length < p.minRecent || baseline.length < p.minBaseline) return null;
  const drop = meanVar(baseline).mean - meanVar(recent).mean;
  const t = welchT(recent, baseline);
  if (drop < p.minDrop || t > p.maxT) return null;
  return {
    key: `${employeeId}:${windowKey}`,
    severity: 'warning',
    evidence: {
      recentMean: Math.round(meanVar(recent).mean * 100) / 100,
      baselineMean: Math.round(meanVar(baseline).mean * 100) / 100,
      recentN: recent.length,
      baselineN: baseline.length,
      t: Number.isFinite(t) ? Math.round(t * 100) / 100 : -99,
    },
  };
}

export function syncFailed(
  source: { sourceId: string; failures: number },
  p: RuleParams<'sync.failed'>,
): Decision | null {
  if (source.failures < p.failures) return null;
  return { key: source.sourceId, severity: 'critical', evidence: { failures: source.failures } };
}

// ─── delivery decisions ───

/** Whether a local minute of the day falls in quiet hours (a window may wrap past midnight). */
export function inQuietHours(minuteOfDay: number, d: Pick<DeliveryParams, 'quietStart' | 'quietEnd'>): boolean {
  if (d.quietStart === d.quietEnd) return false;
  if (d.quietStart < d.quietEnd) return minuteOfDay >= d.quietStart && minuteOfDay < d.quietEnd;
  return minuteOfDay >= d.quietStart || minuteOfDay < d.quietEnd;
}

export interface Pending {
  id: string;
  severity: Severity;
  createdAt: Date;
}

export interface Plan {
  /** Alerts sent on a card of their own, critical first. */
  single: string[];
  /** Alerts grouped into one digest card (empty: no digest). */
  digest: string[];
  /** Alerts left for a later minute (quiet hours, or no message left this minute). */
  held: string[];
}

/**
 * Alertmanager-style grouping under a chat's limit: `budget` messages are left this minute.
 * Quiet hours hold everything but critical alerts. When more alerts wait than messages are left,
 * the critical ones go first on their own cards and the rest share one digest (so one message is
 * kept for it); `morning` (the first run after quiet hours) digests whatever waited overnight.
 */
export function planDelivery(pending: readonly Pending[], budget: number, quiet: boolean, morning: boolean): Plan {
  const ordered = [...pending].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const eligible = quiet ? ordered.filter((a) => a.severity === 'critical') : ordered;
  const held = quiet ? ordered.filter((a) => a.severity !== 'critical').map((a) => a.id) : [];
  if (budget <= 0) return { single: [], digest: [], held: ordered.map((a) => a.id) };
  if (eligible.length <= budget && !(morning && eligible.length > 1)) {
    return { single: eligible.map((a) => a.id), digest: [], held };
  }
  if (morning) {
    const critical = eligible.filter((a) => a.severity === 'critical').slice(0, Math.max(0, budget - 1));
    const rest = eligible.filter((a) => !critical.includes(a)).map((a) => a.id);
    return { single: critical.map((a) => a.id), digest: rest, held };
  }
  const single = eligible.slice(0, budget - 1).map((a) => a.id);
  return { single, digest: eligible.slice(budget - 1).map((a) => a.id), held };
}

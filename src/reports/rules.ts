// Who may see which report, and the numbers a report shows. Pure: plain values in and out.
import { formatScore } from '../../cards/kpi-format.js';
import type { Role } from '../bot/actor.js';
import { round2 } from '../shared/index.js';

export type ReportKind = 'dept' | 'person' | 'payroll';

export interface Requester {
  id: string;
  role: Role;
  /** Teams in this person's charge (kit access: managed directly or through the reporting line). */
  managedTeamIds: readonly string[];
  /** People whose managerId chain leads to this person (kit access). */
  reportIds?: ReadonlySet<string>;
}

export type Refusal = 'reports.refused.role' | 'reports.refused.scope' | 'reports.refused.payroll';

export type Access =
  | { allowed: true /** null = everyone; otherwise only members of these teams. */; teamIds: string[] | null }
  | { allowed: false; reason: Refusal };

export type ReportTarget =
  | { kind: 'dept'; teamIds: readonly string[] }
  | { kind: 'person'; personId: string; teamId: string | null }
  | { kind: 'payroll' };

/**
 * HR and admins see every report. A manager sees the department and person reports of the
 * teams they manage and nothing else (no payroll). Employees use their own `kpi` card instead.
 */
export function reportAccess(requester: Requester, target: ReportTarget): Access {
  if (requester.role === 'HR' || requester.role === 'ADMIN') return { allowed: true, teamIds: null };
  if (requester.role !== 'MANAGER') return { allowed: false, reason: 'reports.refused.role' };
  const managed = new Set(requester.managedTeamIds);
  switch (target.kind) {
    case 'payroll':
      return { allowed: false, reason: 'reports.refused.payroll' };
    case 'dept': {
      const teamIds = target.teamIds.filter((id) => managed.has(id));
      return teamIds.length ? { allowed: true, teamIds } : { allowed: false, reason: 'reports.refused.scope' };
    }
    case 'person': {
      const inScope =
        target.personId === requester.id ||
        requester.reportIds?.has(target.personId) === true ||
        (target.teamId !== null && managed.has(target.teamId));
      return inScope ? { allowed: true, teamIds: [...managed] } : { allowed: false, reason: 'reports.refused.scope' };
    }
  }
}

export interface ScoreSummary {
  people: number;
  scored: number;
  noData: number;
  prorated: number;
  average: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

/** Summary over a report's rows; people without a score count as "no data", never as zero. */
export function summarize(rows: readonly { totalScore: number | null; prorated: boolean }[]): ScoreSummary {
  const scores = rows
    .map((r) => r.totalScore)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  const n = scores.length;
  const mid = Math.floor(n / 2);
  const median =
    n === 0 ? null : n % 2 ? (scores[mid] as number) : ((scores[mid - 1] as number) + (scores[mid] as number)) / 2;
  return {
    people: rows.length,
    scored: n,
    noData: rows.length - n,
    prorated: rows.filter((r) => r.prorated).length,
    average: n === 0 ? null : round2(scores.reduce((a, b) => a + b, 0) / n),
    median: median === null ? null : round2(median),
    min: scores[0] ?? null,
    max: scores[n - 1] ?? null,
  };
}

/** Distribution buckets shown on the chart: below 60, the tens from 60 to 89, and 90 and above. */
export const SCORE_BUCKETS = ['<60', '60–69', '70–79', '80–89', '≥90'] as const;

export function scoreBuckets(scores: readonly (number | null)[]): number[] {
  const counts = SCORE_BUCKETS.map(() => 0);
  for (const s of scores) {
    if (s === null) continue;
    const i = s < 60 ? 0 : s >= 90 ? 4 : Math.floor(s / 10) - 5;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

/** A score as report cards show it (the cards' one display rule); null stays the caller's "no data". */
export function scoreText(score: number | null): string | null {
  return score === null ? null : formatScore(score);
}

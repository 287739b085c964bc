// The quality loop's decisions as pure functions: what an error costs the person, which words
// name a grade or an attribution, and how an appeal decision changes the error. Seed 002: losses
// split 50/50 whatever the cause drove people away, so only the person's own errors cost them.
import type { AppealStatus, ErrorAttribution, ErrorGrade, ErrorStatus } from '../db/generated/sqlite/enums.js';

export type { AppealStatus, ErrorAttribution, ErrorGrade, ErrorStatus };

export interface Consequence {
  /** Counted in the person's errors_major / errors_minor KPI metrics (their deduction). */
  deducts: boolean;
  /** Listed on the manager's process-improvement list instead. */
  processImprovement: boolean;
}

/**
 * What an error leads to. Attributed to the person: a KPI deduction by grade. To a process, a
 * system limitation or missing training: nothing for the person; the manager's list gets it.
 * An overturned error leads to nothing at all.
 */
export function consequenceOf(error: { attribution: ErrorAttribution; status: ErrorStatus }): Consequence {
  if (error.status === 'OVERTURNED') return { deducts: false, processImprovement: false };
  const person = error.attribution === 'PERSON';
  return { deducts: person, processImprovement: !person };
}

/** The SQL condition the KPI metrics use: the same rule as consequenceOf, for the engine's queries. */
export const DEDUCTING_ERROR_SQL = `"attribution" = 'PERSON' AND "status" <> 'OVERTURNED'`;

const GRADE_WORDS: Record<string, ErrorGrade> = {
  major: 'MAJOR',
  严重: 'MAJOR',
  重大: 'MAJOR',
  minor: 'MINOR',
  一般: 'MINOR',
  轻微: 'MINOR',
};

const ATTRIBUTION_WORDS: Record<string, ErrorAttribution> = {
  person: 'PERSON',
  个人: 'PERSON',
  process: 'PROCESS',
  流程: 'PROCESS',
  system: 'SYSTEM',
  系统: 'SYSTEM',
  training: 'TRAINING',
  培训: 'TRAINING',
};

export function parseGrade(word: string | undefined): ErrorGrade | null {
  return word ? (GRADE_WORDS[word.toLowerCase()] ?? null) : null;
}

export function parseAttribution(word: string | undefined): ErrorAttribution | null {
  return word ? (ATTRIBUTION_WORDS[word.toLowerCase()] ?? null) : null;
}

/** What a reviewer may decide on an appeal. */
export type AppealDecision =
  | { kind: 'uphold' }
  | { kind: 'reduce' }
  | { kind: 'reattribute'; attribution: Exclude<ErrorAttribution, 'PERSON'> }
  | { kind: 'withdraw' };

export const DECISION_KINDS = ['uphold', 'reduce', 'process', 'system', 'training', 'withdraw'] as const;
export type DecisionWord = (typeof DECISION_KINDS)[number];

export function decisionOf(word: string): AppealDecision | null {
  switch (word) {
    case 'uphold':
      return { kind: 'uphold' };
    case 'reduce':
      return { kind: 'reduce' };
    case 'withdraw':
      return { kind: 'withdraw' };
    case 'process':
      return { kind: 'reattribute', attribution: 'PROCESS' };
    case 'system':
      return { kind: 'reattribute', attribution: 'SYSTEM' };
    case 'training':
      return { kind: 'reattribute', attribution: 'TRAINING' };
    default:
      return null;
  }
}

export interface ErrorState {
  grade: ErrorGrade;
  attribution: ErrorAttribution;
  status: ErrorStatus;
}

/**
 * The error after a decision, and the appeal's own status. Upholding keeps everything; reducing a
 * major error makes it minor (a minor one cannot be reduced); re-attributing moves the cost off the
 * person; withdrawing overturns it. Every outcome but "uphold" accepts the appeal.
 */
export function applyDecision(
  error: ErrorState,
  decision: AppealDecision,
): { error: ErrorState; appeal: AppealStatus } | { refused: 'already_minor' } {
  switch (decision.kind) {
    case 'uphold':
      return { error: { ...error, status: 'UPHELD' }, appeal: 'REJECTED' };
    case 'reduce':
      if (error.grade === 'MINOR') return { refused: 'already_minor' };
      return { error: { ...error, grade: 'MINOR', status: 'UPHELD' }, appeal: 'ACCEPTED' };
    case 'reattribute':
      return { error: { ...error, attribution: decision.attribution, status: 'UPHELD' }, appeal: 'ACCEPTED' };
    case 'withdraw':
      return { error: { ...error, status: 'OVERTURNED' }, appeal: 'ACCEPTED' };
  }
}

/** An error can be appealed once, while it stands as recorded. */
export function canAppeal(status: ErrorStatus): boolean {
  return status === 'RECORDED';
}

/** The short reference people type (`appeal <ref> …`): the last six characters of the id. */
export function errorRef(id: string): string {
  return id.slice(-6).toLowerCase();
}

/** Repeat errors that enrol someone in retraining: this many of one kind within the window. */
export const RETRAINING_RULE = { count: 2, windowDays: 60 } as const;

/** Days to appeal an error, and days a reviewer has before the appeal goes to HR. */
export const APPEAL_DEADLINES = { appealDays: 7, decideDays: 5 } as const;

/** Whether the person's errors of one kind (their own fault or missing training) call for retraining. */
export function needsRetraining(
  errors: readonly { attribution: ErrorAttribution; status: ErrorStatus; occurredAt: Date }[],
  now: Date,
  rule: { count: number; windowDays: number } = RETRAINING_RULE,
): boolean {
  const since = now.getTime() - rule.windowDays * 86_400_000;
  const counted = errors.filter(
    (e) =>
      e.occurredAt.getTime() >= since &&
      e.status !== 'OVERTURNED' &&
      (e.attribution === 'PERSON' || e.attribution === 'TRAINING'),
  );
  return counted.length >= rule.count;
}

/** Appeals close a fixed number of days after the error was recorded. */
export function appealOpen(recordedAt: Date, now: Date, days: number = APPEAL_DEADLINES.appealDays): boolean {
  return now.getTime() <= recordedAt.getTime() + days * 86_400_000;
}

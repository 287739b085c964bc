// Labour Contract Law checks before a probation contract is ended (劳动合同法). Pure functions
// over plain dates (YYYY-MM-DD, calendar days, inclusive ends), each result naming its article.
// Kaopu never decides a termination: these say what is proven and what is missing.

export type ContractTerm = 'FIXED' | 'OPEN_ENDED' | 'TASK';

export interface ContractFacts {
  term: ContractTerm;
  startsOn: string;
  /** Last day of a fixed-term contract. */
  endsOn: string | null;
  probationStartsOn: string | null;
  /** Last day of probation. */
  probationEndsOn: string | null;
  /** The employee already had a probation with this employer (第十九条: once only). */
  earlierProbation: boolean;
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Whether the span from `start` through `lastDay` (inclusive) lasts at least `months` months. */
function lastsAtLeast(start: string, lastDay: string, months: number): boolean {
  return nextDay(lastDay) >= addMonths(start, months);
}

/** Whether the span from `start` through `lastDay` (inclusive) lasts at most `months` months. */
function lastsAtMost(start: string, lastDay: string, months: number): boolean {
  return nextDay(lastDay) <= addMonths(start, months);
}

/**
 * 第十九条: the longest lawful probation for a contract, in months — 0 for a task-based contract
 * or a fixed term under three months, 1 for three months to under a year, 2 for one year to
 * under three ("以上" includes the bound, so exactly one year allows two months), 6 for three
 * years or more and for open-ended contracts.
 */
export function maxProbationMonths(contract: Pick<ContractFacts, 'term' | 'startsOn' | 'endsOn'>): number {
  if (contract.term === 'TASK') return 0;
  if (contract.term === 'OPEN_ENDED') return 6;
  if (!contract.endsOn) return 0;
  if (lastsAtLeast(contract.startsOn, contract.endsOn, 36)) return 6;
  if (lastsAtLeast(contract.startsOn, contract.endsOn, 12)) return 2;
  if (lastsAtLeast(contract.startsOn, contract.endsOn, 3)) return 1;
  return 0;
}

export type ProbationVerdict =
  | { lawful: true; maxMonths: number }
  | {
      lawful: false;
      maxMonths: number;
      reason: 'no_probation_allowed' | 'too_long' | 'second_probation' | 'missing_dates';
    };

/** 第十九条: is this contract's probation lawful (length for the term, once only)? */
export function probationLawful(contract: ContractFacts): ProbationVerdict {
  const maxMonths = maxProbationMonths(contract);
  if (!contract.probationStartsOn || !contract.probationEndsOn)
    return { lawful: false, maxMonths, reason: 'missing_dates' };
  if (contract.earlierProbation) return { lawful: false, maxMonths, reason: 'second_probation' };
  if (maxMonths === 0) return { lawful: false, maxMonths, reason: 'no_probation_allowed' };
  if (!lastsAtMost(contract.probationStartsOn, contract.probationEndsOn, maxMonths)) {
    return { lawful: false, maxMonths, reason: 'too_long' };
  }
  return { lawful: true, maxMonths };
}

/** The decision to end the contract during probation must fall within it (第二十一条 with 第三十九条). */
export function withinProbation(
  contract: Pick<ContractFacts, 'probationStartsOn' | 'probationEndsOn'>,
  decisionOn: string,
): boolean {
  return Boolean(
    contract.probationStartsOn &&
      contract.probationEndsOn &&
      decisionOn >= contract.probationStartsOn &&
      decisionOn <= contract.probationEndsOn,
  );
}

export interface AssessmentFact {
  id: string;
  assessedOn: string;
  signedBy: string | null;
  result: string;
  notes: string | null;
}

export interface PrecheckInput {
  contract: ContractFacts | null;
  decisionOn: string;
  acknowledgement: { id: string; acknowledgedOn: string; document: string } | null;
  assessments: readonly AssessmentFact[];
}

export type CheckItem =
  | 'contract_recorded'
  | 'probation_length'
  | 'conditions_acknowledged'
  | 'assessments_signed'
  | 'within_probation'
  | 'reasons_recorded';

export interface CheckResult {
  item: CheckItem;
  pass: boolean;
  /** The article the item comes from. */
  article: string;
  /** What proves it (record ids) or what is missing, as message parameters. */
  evidence: string[];
  detail: Record<string, string | number>;
}

/** Assessments that count as probation evidence: signed off, within probation and before the decision. */
function countedAssessments(input: PrecheckInput): AssessmentFact[] {
  const c = input.contract;
  if (!c?.probationStartsOn || !c.probationEndsOn) return [];
  // The earlier of the decision and the probation's last day (ISO dates sort as strings).
  const until = [input.decisionOn, c.probationEndsOn].sort()[0] as string;
  return input.assessments.filter(
    (a) => a.signedBy && a.assessedOn >= (c.probationStartsOn as string) && a.assessedOn <= until,
  );
}

/** Results that record a failed criterion: the reason a termination would rest on. */
const FAILED = new Set(['not_met', 'fail', 'failed', '未达标', '不合格']);

/** The checklist, item by item; the card shows each with its evidence and article. */
export function terminationPrecheck(input: PrecheckInput): CheckResult[] {
  const { contract } = input;
  if (!contract) {
    return [{ item: 'contract_recorded', pass: false, article: '第十九条', evidence: [], detail: {} }];
  }
  const verdict = probationLawful(contract);
  const counted = countedAssessments(input);
  const reasons = counted.filter((a) => FAILED.has(a.result.toLowerCase()) && (a.notes ?? '').trim().length > 0);
  const ack = input.acknowledgement;
  return [
    {
      item: 'probation_length',
      pass: verdict.lawful,
      article: '第十九条',
      evidence: [],
      detail: { max: verdict.maxMonths, reason: verdict.lawful ? 'ok' : verdict.reason },
    },
    {
      item: 'conditions_acknowledged',
      pass: Boolean(ack && ack.acknowledgedOn <= input.decisionOn),
      article: '第二十一条、第三十九条第一项',
      evidence: ack ? [ack.id] : [],
      detail: ack ? { on: ack.acknowledgedOn, document: ack.document } : {},
    },
    {
      item: 'assessments_signed',
      pass: counted.length >= 2,
      article: '第二十一条',
      evidence: counted.map((a) => a.id),
      detail: { count: counted.length },
    },
    {
      item: 'within_probation',
      pass: withinProbation(contract, input.decisionOn),
      article: '第二十一条',
      evidence: [],
      detail: { decision: input.decisionOn, end: contract.probationEndsOn ?? '—' },
    },
    {
      item: 'reasons_recorded',
      pass: reasons.length > 0,
      article: '第二十一条、第三十九条第一项',
      evidence: reasons.map((a) => a.id),
      detail: { count: reasons.length },
    },
  ];
}

// 劳动合同法 第十九条 and the pre-check items, case by case at their boundaries (issue 20's list).
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  type ContractFacts,
  maxProbationMonths,
  probationLawful,
  terminationPrecheck,
  withinProbation,
} from '../../../src/people/labour-law.js';

const fixed = (
  startsOn: string,
  endsOn: string,
  probationEndsOn: string,
  extra: Partial<ContractFacts> = {},
): ContractFacts => ({
  term: 'FIXED',
  startsOn,
  endsOn,
  probationStartsOn: startsOn,
  probationEndsOn,
  earlierProbation: false,
  ...extra,
});

describe('第十九条: probation length for the contract term', () => {
  it('refuses any probation in a two-month contract', () => {
    expect(probationLawful(fixed('2026-01-01', '2026-02-28', '2026-01-07'))).toEqual({
      lawful: false,
      maxMonths: 0,
      reason: 'no_probation_allowed',
    });
  });

  it('allows two months in a contract of exactly one year ("以上" includes one year)', () => {
    expect(probationLawful(fixed('2026-01-01', '2026-12-31', '2026-02-28'))).toEqual({ lawful: true, maxMonths: 2 });
    // One day short of a year: one month at most.
    expect(maxProbationMonths(fixed('2026-01-01', '2026-12-30', '2026-01-31'))).toBe(1);
    expect(probationLawful(fixed('2026-01-01', '2026-12-30', '2026-02-28'))).toMatchObject({
      lawful: false,
      reason: 'too_long',
    });
  });

  it('allows six months in a three-year contract, and not a day more', () => {
    expect(probationLawful(fixed('2026-01-01', '2028-12-31', '2026-06-30'))).toEqual({ lawful: true, maxMonths: 6 });
    expect(probationLawful(fixed('2026-01-01', '2028-12-31', '2026-07-01'))).toMatchObject({
      lawful: false,
      reason: 'too_long',
    });
  });

  it('refuses a seven-month probation in an open-ended contract', () => {
    const open: ContractFacts = {
      ...fixed('2026-01-01', '2026-01-01', '2026-07-31'),
      term: 'OPEN_ENDED',
      endsOn: null,
    };
    expect(probationLawful(open)).toEqual({ lawful: false, maxMonths: 6, reason: 'too_long' });
  });

  it('refuses a second probation with the same employer', () => {
    expect(probationLawful(fixed('2026-01-01', '2028-12-31', '2026-03-31', { earlierProbation: true }))).toMatchObject({
      lawful: false,
      reason: 'second_probation',
    });
  });

  it('refuses any probation in a task-based contract', () => {
    const task: ContractFacts = { ...fixed('2026-01-01', '2026-01-01', '2026-01-15'), term: 'TASK', endsOn: null };
    expect(probationLawful(task)).toMatchObject({ lawful: false, maxMonths: 0, reason: 'no_probation_allowed' });
  });

  it('counts months on the calendar, clamping to the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('the pre-check items', () => {
  const contract = fixed('2026-09-01', '2029-08-31', '2026-11-30');
  const signed = (id: string, assessedOn: string, result = 'met', notes: string | null = null) => ({
    id,
    assessedOn,
    signedBy: 'emp_manager',
    result,
    notes,
  });

  it('fails "within the probation period" for a decision one day after it ended', () => {
    expect(withinProbation(contract, '2026-11-30')).toBe(true);
    expect(withinProbation(contract, '2026-12-01')).toBe(false);
    const items = terminationPrecheck({ contract, decisionOn: '2026-12-01', acknowledgement: null, assessments: [] });
    expect(items.find((i) => i.item === 'within_probation')?.pass).toBe(false);
  });

  it('passes every item when the records prove it, naming the records', () => {
    const items = terminationPrecheck({
      contract,
      decisionOn: '2026-11-20',
      acknowledgement: { id: 'ack1', acknowledgedOn: '2026-09-01', document: '录用条件 v3' },
      assessments: [
        signed('a1', '2026-10-01'),
        signed('a2', '2026-11-01', 'not_met', '客户满意度 3.6，低于录用条件 4.2'),
        { id: 'a3', assessedOn: '2026-11-05', signedBy: null, result: 'not_met', notes: '未签字' },
      ],
    });
    expect(items.map((i) => [i.item, i.pass])).toEqual([
      ['probation_length', true],
      ['conditions_acknowledged', true],
      ['assessments_signed', true],
      ['within_probation', true],
      ['reasons_recorded', true],
    ]);
    expect(items.find((i) => i.item === 'assessments_signed')?.evidence).toEqual(['a1', 'a2']);
    expect(items.find((i) => i.item === 'reasons_recorded')?.evidence).toEqual(['a2']);
  });

  it('says what is missing: one signed assessment, no acknowledgement, no reason, no contract', () => {
    const items = terminationPrecheck({
      contract,
      decisionOn: '2026-11-20',
      acknowledgement: null,
      assessments: [signed('a1', '2026-10-01'), signed('a9', '2026-11-25', 'not_met', '决定之后才写的')],
    });
    expect(items.filter((i) => !i.pass).map((i) => i.item)).toEqual([
      'conditions_acknowledged',
      'assessments_signed',
      'reasons_recorded',
    ]);
    expect(
      terminationPrecheck({ contract: null, decisionOn: '2026-11-20', acknowledgement: null, assessments: [] }),
    ).toEqual([{ item: 'contract_recorded', pass: false, article: '第十九条', evidence: [], detail: {} }]);
  });
});

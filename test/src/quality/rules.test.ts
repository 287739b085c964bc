// The quality loop's rules at their edges: who pays for an error, what each appeal decision does.
import { describe, expect, it } from 'vitest';
import {
  applyDecision,
  canAppeal,
  consequenceOf,
  decisionOf,
  errorRef,
  parseAttribution,
  parseGrade,
} from '../../../src/quality/rules.js';

describe('what an error costs the person', () => {
  it('deducts only errors attributed to the person and not overturned', () => {
    expect(consequenceOf({ attribution: 'PERSON', status: 'RECORDED' })).toEqual({
      deducts: true,
      processImprovement: false,
    });
    expect(consequenceOf({ attribution: 'PERSON', status: 'APPEALED' })).toEqual({
      deducts: true,
      processImprovement: false,
    });
    expect(consequenceOf({ attribution: 'PERSON', status: 'OVERTURNED' })).toEqual({
      deducts: false,
      processImprovement: false,
    });
  });

  it('sends process, system and training errors to the manager instead of the person', () => {
    for (const attribution of ['PROCESS', 'SYSTEM', 'TRAINING'] as const) {
      expect(consequenceOf({ attribution, status: 'UPHELD' })).toEqual({ deducts: false, processImprovement: true });
      expect(consequenceOf({ attribution, status: 'OVERTURNED' }).processImprovement).toBe(false);
    }
  });
});

describe('reading grades and causes in either language', () => {
  it('knows the English and Chinese words and nothing else', () => {
    expect([parseGrade('Major'), parseGrade('严重'), parseGrade('一般'), parseGrade('big')]).toEqual([
      'MAJOR',
      'MAJOR',
      'MINOR',
      null,
    ]);
    expect([
      parseAttribution('流程'),
      parseAttribution('SYSTEM'),
      parseAttribution('培训'),
      parseAttribution(''),
    ]).toEqual(['PROCESS', 'SYSTEM', 'TRAINING', null]);
  });
});

describe('appeal decisions', () => {
  const major = { grade: 'MAJOR', attribution: 'PERSON', status: 'APPEALED' } as const;

  it('upholds without changing the error, rejecting the appeal', () => {
    expect(applyDecision(major, { kind: 'uphold' })).toEqual({
      error: { ...major, status: 'UPHELD' },
      appeal: 'REJECTED',
    });
  });

  it('reduces a major error to minor and refuses to reduce a minor one', () => {
    expect(applyDecision(major, { kind: 'reduce' })).toEqual({
      error: { grade: 'MINOR', attribution: 'PERSON', status: 'UPHELD' },
      appeal: 'ACCEPTED',
    });
    expect(applyDecision({ ...major, grade: 'MINOR' }, { kind: 'reduce' })).toEqual({ refused: 'already_minor' });
  });

  it('moves the cause off the person, or withdraws the error', () => {
    const moved = applyDecision(major, decisionOf('process') ?? { kind: 'uphold' });
    expect(moved).toEqual({ error: { grade: 'MAJOR', attribution: 'PROCESS', status: 'UPHELD' }, appeal: 'ACCEPTED' });
    expect(applyDecision(major, { kind: 'withdraw' })).toEqual({
      error: { ...major, status: 'OVERTURNED' },
      appeal: 'ACCEPTED',
    });
    expect(decisionOf('fire')).toBeNull();
  });

  it('lets an error be appealed once, while it stands as recorded', () => {
    expect(['RECORDED', 'APPEALED', 'UPHELD', 'OVERTURNED'].map((s) => canAppeal(s as 'RECORDED'))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(errorRef('cmabc123XYZ789')).toBe('xyz789');
  });
});

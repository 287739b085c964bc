// The quality loop's rules at their edges: who pays for an error, what each appeal decision does.
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../../src/quality/anonymise.js';
import {
  appealOpen,
  applyDecision,
  canAppeal,
  consequenceOf,
  decisionOf,
  errorRef,
  needsRetraining,
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

describe('anonymising a case', () => {
  const p = { person: '某人', id: '[编号]' };
  it('removes names (longest first), phone numbers, e-mails and record ids', () => {
    const text =
      '高敏 答应客户张伟伟回电（13812345678，zw@example.com）但没回，工单 WO-2026-0012，记录 cm3k9a0b1c2d3e4f5g6h7i8j9。';
    const out = anonymise(text, ['高敏', '张伟', '张伟伟'], p);
    expect(out).toBe('某人 答应客户某人回电（***，***）但没回，工单 [编号]，记录 [编号]。');
  });
  it('leaves text without personal data alone and ignores one-character names', () => {
    expect(anonymise('退款流程少了一步审批', ['李', ''], p)).toBe('退款流程少了一步审批');
  });
});

describe('retraining after repeat errors', () => {
  const now = new Date('2026-11-18T04:00:00Z');
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
  it('enrols at the second error of one kind within 60 days that is the person’s or a training gap', () => {
    const one = [{ attribution: 'PERSON', status: 'RECORDED', occurredAt: day(1) }] as const;
    expect(needsRetraining(one, now)).toBe(false);
    expect(needsRetraining([...one, { attribution: 'TRAINING', status: 'UPHELD', occurredAt: day(59) }], now)).toBe(
      true,
    );
  });
  it('does not count process errors, withdrawn ones, or ones older than the window', () => {
    const errors = [
      { attribution: 'PERSON', status: 'RECORDED', occurredAt: day(1) },
      { attribution: 'PROCESS', status: 'UPHELD', occurredAt: day(2) },
      { attribution: 'PERSON', status: 'OVERTURNED', occurredAt: day(3) },
      { attribution: 'PERSON', status: 'RECORDED', occurredAt: day(61) },
    ] as const;
    expect(needsRetraining(errors, now)).toBe(false);
  });
  it('closes appeals seven days after the error was recorded', () => {
    expect(appealOpen(day(7), now)).toBe(true);
    expect(appealOpen(new Date(day(7).getTime() - 1), now)).toBe(false);
  });
});

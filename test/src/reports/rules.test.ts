import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/files/csv.js';
import { safeFileName } from '../../../src/files/safe-file-name.js';
import { reportAccess, scoreBuckets, summarize } from '../../../src/reports/rules.js';
import { contentHashOf } from '../../../src/shared/content-hash.js';
import { formatLocalTime } from '../../../src/time/format-local-time.js';

const hr = { id: 'emp_malin', role: 'HR' as const, managedTeamIds: [] };
const manager = { id: 'emp_wangjianguo', role: 'MANAGER' as const, managedTeamIds: ['team_aftersales'] };
const employee = { id: 'emp_liming', role: 'EMPLOYEE' as const, managedTeamIds: [] };

describe('reportAccess', () => {
  it('lets HR see every report with no scope limit', () => {
    expect(reportAccess(hr, { kind: 'payroll' })).toEqual({ allowed: true, teamIds: null });
    expect(reportAccess(hr, { kind: 'dept', teamIds: ['team_sales'] })).toEqual({ allowed: true, teamIds: null });
  });

  it('limits a manager’s department report to the teams they manage', () => {
    expect(reportAccess(manager, { kind: 'dept', teamIds: ['team_aftersales', 'team_other'] })).toEqual({
      allowed: true,
      teamIds: ['team_aftersales'],
    });
  });

  it('refuses a manager another department, another team’s person and payroll', () => {
    expect(reportAccess(manager, { kind: 'dept', teamIds: ['team_sales'] })).toEqual({
      allowed: false,
      reason: 'reports.refused.scope',
    });
    expect(reportAccess(manager, { kind: 'person', personId: 'emp_qiantao', teamId: 'team_sales' })).toMatchObject({
      allowed: false,
      reason: 'reports.refused.scope',
    });
    expect(reportAccess(manager, { kind: 'payroll' })).toMatchObject({
      allowed: false,
      reason: 'reports.refused.payroll',
    });
  });

  it('lets a manager see their own team members and themselves', () => {
    expect(reportAccess(manager, { kind: 'person', personId: 'emp_liming', teamId: 'team_aftersales' }).allowed).toBe(
      true,
    );
    expect(reportAccess(manager, { kind: 'person', personId: 'emp_wangjianguo', teamId: null }).allowed).toBe(true);
  });

  it('refuses employees every report', () => {
    expect(reportAccess(employee, { kind: 'person', personId: 'emp_liming', teamId: 'team_aftersales' })).toEqual({
      allowed: false,
      reason: 'reports.refused.role',
    });
  });
});

describe('summaries and buckets', () => {
  it('counts people without a score as no data, never as zero', () => {
    const s = summarize([
      { totalScore: 90, prorated: false },
      { totalScore: null, prorated: false },
      { totalScore: 70.5, prorated: true },
    ]);
    expect(s).toEqual({
      people: 3,
      scored: 2,
      noData: 1,
      prorated: 1,
      average: 80.25,
      median: 80.25,
      min: 70.5,
      max: 90,
    });
  });

  it('has no average or median when nobody has a score', () => {
    expect(summarize([{ totalScore: null, prorated: false }])).toMatchObject({
      average: null,
      median: null,
      min: null,
    });
  });

  it('puts each score in one bucket with 60, 90 and scores over 100 on the right side', () => {
    expect(scoreBuckets([59.99, 60, 69.99, 75, 89.99, 90, 104, null])).toEqual([1, 2, 1, 1, 2]);
  });
});

describe('content hash', () => {
  it('does not depend on the order of results', () => {
    const a = { employeeId: 'a', contentHash: 'h1' };
    const b = { employeeId: 'b', contentHash: 'h2' };
    expect(contentHashOf([a, b])).toBe(contentHashOf([b, a]));
    expect(contentHashOf([a, b])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any result changes', () => {
    expect(contentHashOf([{ employeeId: 'a', contentHash: 'h1' }])).not.toBe(
      contentHashOf([{ employeeId: 'a', contentHash: 'h9' }]),
    );
  });
});

describe('csv', () => {
  it('writes a BOM, CRLF lines, quotes and blanks for missing values', () => {
    const csv = toCsv({
      name: 's',
      columns: ['姓名', '总分'],
      rows: [
        ['李明, "明哥"', 91.5],
        ['张伟', null],
      ],
    });
    expect(csv).toBe('\uFEFF姓名,总分\r\n"李明, ""明哥""",91.5\r\n张伟,\r\n');
  });

  it('defuses text that Excel would run as a formula', () => {
    expect(toCsv({ name: 's', columns: ['a'], rows: [['=HYPERLINK("x")'], [-5]] })).toBe(
      '\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n',
    );
  });
});

describe('names and times', () => {
  it('keeps Chinese in file names and replaces path and control characters', () => {
    expect(safeFileName('售后/服务部:10月\u0007')).toBe('售后_服务部_10月_');
  });

  it('formats an instant in the reader’s zone', () => {
    expect(formatLocalTime(new Date('2026-11-18T04:05:00Z'), 'Asia/Shanghai')).toBe('2026-11-18 12:05');
  });
});

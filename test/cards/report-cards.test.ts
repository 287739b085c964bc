import { describe, expect, it } from 'vitest';
import { cardButtons } from '../../cards/card.js';
import { periodCloseCard } from '../../cards/period-close-card.js';
import { reportDeptCard } from '../../cards/report-dept-card.js';
import { reportPayrollCard } from '../../cards/report-payroll-card.js';
import { reportPersonCard } from '../../cards/report-person-card.js';
import { translator } from '../../src/i18n/index.js';
import { deptView, payrollView, personView, reportCardSamples } from '../fixtures/report-card-samples.js';

const zh = translator('zh-CN');
const en = translator('en');

describe('report cards', () => {
  it('match their snapshots in both languages', () => {
    for (const t of [zh, en]) {
      for (const { name, card } of reportCardSamples(t)) expect(card.text).toMatchSnapshot(name);
    }
  });

  it('give every card a download button for Excel and CSV, or an action id', () => {
    for (const { card } of reportCardSamples(zh)) {
      for (const b of cardButtons(card)) expect('url' in b ? b.url : b.actionId).toMatch(/^(https:\/\/|payroll\.)/);
    }
  });

  it('show "no data" instead of a zero for a person without a score', () => {
    const card = reportDeptCard(deptView(), zh);
    expect(card.text).toContain('刘洋 | KP007 | 无数据');
    expect(card.text).not.toMatch(/刘洋 \| KP007 \| 0/);
  });

  it('tell a manager the department report covers only their teams', () => {
    expect(reportDeptCard(deptView({ partialScope: true }), en).text).toContain(
      'Only the members of teams you manage are included.',
    );
  });

  it('say no data when a person has no result for the month', () => {
    const card = reportPersonCard(personView({ result: null, lines: [] }), en);
    expect(card.text).toContain('No KPI result for this employee in 2026-10 yet (no data).');
    expect(card.text).toContain('Total score: no data');
  });

  it('mark an open month’s payroll export as provisional', () => {
    const card = reportPayrollCard(
      payrollView({ final: false, closedAt: null, adjustmentCount: 0, adjustments: [] }),
      en,
    );
    expect(card.title).toBe('Payroll export 2026-09 · provisional');
    expect(card.tone).toBe('warning');
  });

  it('count post-close adjustments on the close card', () => {
    const card = periodCloseCard(
      {
        period: '2026-09',
        already: true,
        count: 2,
        hash: 'h',
        closedAt: '2026-11-18 12:00',
        adjustments: [{ employeeNo: 'KP005', name: '李明', recordType: 'WorkOrder', recordId: 'wo_1' }],
        adjustmentCount: 3,
        links: { xlsxUrl: 'https://x/files/a', csvUrl: 'https://x/files/b', ttlHours: 72 },
      },
      en,
    );
    expect(card.text).toContain('3 post-close adjustments');
    expect(card.text).toContain('2026-09 was already closed at 2026-11-18 12:00; nothing to do.');
  });
});

import { describe, expect, it } from 'vitest';
import { cardButtons } from '../../cards/card.js';
import { kpiCard } from '../../cards/kpi-card.js';
import { teamBoardCard } from '../../cards/team-board-card.js';
import { translator } from '../../src/i18n/index.js';
import { sampleKpiView } from '../fixtures/sample-cards.js';

const zh = translator('zh-CN');
const en = translator('en');

describe('kpi card', () => {
  it('shows total, band, each metric with target and weight, and marks the partial month', () => {
    const card = kpiCard(sampleKpiView, zh);
    expect(card.text).toContain('总分: 86.50\n');
    expect(card.text).toContain('等级: B');
    expect(card.text).toContain('较上周 +3.25 分');
    expect(card.text).toContain('非整月在岗（在岗 60%）');
    expect(card.text).toContain('! 客户满意度 █████████░ 4.2 / 目标 4.5 · 权重 40% · 得分 90.00');
    expect(card.text).toContain('净推荐值 NPS ░░░░░░░░░░ 暂无数据 · 权重 20%（不计入）');
    expect(card.text).toContain('扣分：迟到 ×2 = 2');
    expect(card.text).toContain('最能提分：客户满意度（最多 +4.00 分）');
  });

  it('has a why button per metric with data, carrying the result and metric', () => {
    const buttons = cardButtons(kpiCard(sampleKpiView, en));
    expect(buttons).toEqual([
      { actionId: 'kpi.why', label: 'Why: Difficulty-weighted points', value: 'res_1|wo_points' },
      { actionId: 'kpi.why', label: 'Why: Customer satisfaction', value: 'res_1|csat_avg' },
    ]);
  });

  it('says "no data" instead of showing a zero score', () => {
    const card = kpiCard({ ...sampleKpiView, state: 'no_data', totalScore: null }, en);
    expect(card.text).toContain('No data for this period yet');
    expect(card.text).not.toContain('Total');
    expect(cardButtons(card)).toEqual([]);
  });

  it('says a result not computed yet is on its way, in both languages, with no score or buttons', () => {
    const view = { ...sampleKpiView, state: 'pending' as const, totalScore: null };
    expect(kpiCard(view, en).text).toContain('This period has not been scored yet. Scoring has started');
    const card = kpiCard(view, zh);
    expect(card.text).toContain('本期绩效还没有算出来，已经开始计算');
    expect(card.text).not.toContain('总分');
    expect(cardButtons(card)).toEqual([]);
  });
});

describe('team board card', () => {
  it('lists members with score, trend and the metrics below target', () => {
    const card = teamBoardCard(
      {
        team: 'T',
        period: '2026-11',
        rows: [{ name: '吴昊', score: 54.44, band: 'D', trend: -8.1, below: ['csat_avg'] }],
      },
      zh,
    );
    expect(card.text).toContain('吴昊 | 54.44 | D | -8.10 | ⚠客户满意度');
    expect(card.tone).toBe('warning');
  });

  it('counts the members still being scored, or says only that when nobody is scored yet', () => {
    const row = { name: '吴昊', score: 54.44, band: 'D', trend: null, below: [] };
    expect(teamBoardCard({ team: 'T', period: '2026-11', rows: [row], pending: 2 }, en).text).toContain(
      '2 more members are being scored for this period',
    );
    const none = teamBoardCard({ team: 'T', period: '2026-11', rows: [], pending: 3 }, zh);
    expect(none.text).toContain('还有 3 位成员的本期绩效正在计算');
    expect(none.text).not.toContain('还没有绩效结果');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultMetricFamilies } from '../../../src/default-metric-families.js';
import { curveScore } from '../../../src/kpi/curves.js';
import { createMetricRegistry } from '../../../src/kpi/index.js';
import { topMovers } from '../../../src/kpi/insights.js';
import { checkModel } from '../../../src/kpi/models.js';
import { resolveVersion } from '../../../src/kpi/resolve.js';
import { canonicalJson, coverage, type MetricMeta, scoreEmployee } from '../../../src/kpi/rules.js';
import { modelSchema } from '../../../src/kpi/schemas.js';
import { ruleMetric } from '../../../src/kpi/validate-model.js';

describe('curves', () => {
  it('linear scores value over target up to the cap', () => {
    expect(curveScore({ type: 'linear', cap: 120 }, 45, 60)).toBe(75);
    expect(curveScore({ type: 'linear', cap: 120 }, 90, 60)).toBe(120);
    expect(curveScore({ type: 'linear', cap: 100 }, 1, 3)).toBe(33.33);
  });
  it('linear without a target gives no score rather than zero', () => {
    expect(curveScore({ type: 'linear', cap: 100 }, 5, null)).toBeNull();
  });
  it('bands give the score of the highest band reached', () => {
    const curve = {
      type: 'bands' as const,
      bands: [
        { from: 3, score: 60 },
        { from: 4, score: 90 },
        { from: 4.5, score: 100 },
      ],
    };
    expect(curveScore(curve, 2.9, null)).toBe(0);
    expect(curveScore(curve, 4.2, null)).toBe(90);
    expect(curveScore(curve, 4.5, null)).toBe(100);
  });
  it('inverse gives 100 at best, 0 at worst and a straight line between', () => {
    const curve = { type: 'inverse' as const, best: 10, worst: 30 };
    expect(curveScore(curve, 5, null)).toBe(100);
    expect(curveScore(curve, 15, null)).toBe(75);
    expect(curveScore(curve, 45, null)).toBe(0);
  });
});

const model = modelSchema.parse({
  code: 'demo',
  name: 'Demo',
  scope: { position: 'engineer' },
  metrics: [
    { metric: 'wo_points', weight: 60, target: 100, curve: { type: 'linear', cap: 120 } },
    {
      metric: 'csat_avg',
      weight: 40,
      curve: {
        type: 'bands',
        bands: [
          { from: 0, score: 0 },
          { from: 4, score: 90 },
        ],
      },
    },
  ],
  deductions: [{ per: 'complaint', points: 2, max: 3 }],
});
const meta = (code: string): MetricMeta =>
  code === 'wo_points'
    ? { unit: 'points', recordType: 'WorkOrder', volume: true }
    : { unit: 'score', recordType: 'SurveyAnswer', volume: false };
const score = (values: [string, number | null][], cov = 1) =>
  scoreEmployee({
    model,
    modelVersion: 1,
    period: '2026-11',
    coverage: cov,
    values: new Map(values.map(([k, v]) => [k, { value: v, recordIds: [`${k}_1`] }])),
    meta,
    personalTargets: new Map(),
    ruleMetric,
  });

describe('scoreEmployee', () => {
  it('weights metric scores and caps deductions (hand computed)', () => {
    // wo_points 80/100 → 80 × 0.6 = 48; csat 4.2 → 90 × 0.4 = 36; 2 complaints × 2 capped at 3
    const r = score([
      ['wo_points', 80],
      ['csat_avg', 4.2],
      ['complaints', 2],
    ]);
    expect(r.totalScore).toBe(81);
    expect(r.band).toBe('B');
    expect(r.inputs.deductions).toEqual([{ rule: 'complaint', count: 2, points: 3, recordIds: ['complaints_1'] }]);
  });
  it('drops a metric without data and renormalises the remaining weights', () => {
    const r = score([['wo_points', 80]]);
    expect(r.totalScore).toBe(80);
    expect(r.inputs.metrics[1]).toMatchObject({ metric: 'csat_avg', value: null, score: null, weighted: null });
  });
  it('gives no score at all when nothing has data', () => {
    expect(score([]).totalScore).toBeNull();
  });
  it('scales volume targets for a partial month and marks it prorated', () => {
    const r = score(
      [
        ['wo_points', 50],
        ['csat_avg', 4],
      ],
      0.5,
    );
    expect(r.inputs.prorated).toBe(true);
    expect(r.inputs.metrics[0]).toMatchObject({ target: 50, score: 100 });
    expect(r.totalScore).toBe(96);
  });
});

describe('coverage', () => {
  it('is the share of the month employed', () => {
    expect(coverage('2026-11-01', '2026-11-30', '2026-11-16', null)).toBe(0.5);
    expect(coverage('2026-11-01', '2026-11-30', '2020-01-01', '2026-11-03')).toBe(0.1);
    expect(coverage('2026-11-01', '2026-11-30', '2020-01-01', null)).toBe(1);
  });
});

describe('model validation', () => {
  it('lists every problem at once', () => {
    const check = checkModel(
      {
        code: 'bad',
        name: 'Bad',
        scope: { position: 'engineer' },
        metrics: [
          { metric: 'wo_points', weight: 50, target: 10, curve: { type: 'linear', cap: 100 } },
          { metric: 'wo_points', weight: 30, target: 10, curve: { type: 'inverse', best: 5, worst: 5 } },
          { metric: 'happiness', weight: 10, curve: { type: 'spline' } },
        ],
        deductions: [{ per: 'csat_avg', points: 1 }],
      },
      createMetricRegistry(defaultMetricFamilies),
    );
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'metrics.1.metric: duplicate metric "wo_points"',
        'metrics.2.metric: unknown metric "happiness"',
        'metrics: weights sum to 90%, not 100%',
        'metrics.1.curve: inverse curve needs best ≠ worst',
        'deductions.0.per: "csat_avg" is not a countable metric',
      ]),
    );
    expect(problems.some((p) => p.startsWith('metrics.2.curve'))).toBe(true);
  });
});

describe('versions and insights', () => {
  const v = (period: string, version: number) => ({
    id: `${period}v${version}`,
    modelId: 'm',
    modelCode: 'm',
    period,
    version,
    departmentId: null,
    positionId: null,
  });
  it('resolves the latest version at or before a period, else the first', () => {
    const versions = [v('2026-10', 1), v('2026-11', 1), v('2026-11', 2)];
    expect(resolveVersion(versions, '2026-10')?.id).toBe('2026-10v1');
    expect(resolveVersion(versions, '2026-12')?.id).toBe('2026-11v2');
    expect(resolveVersion([v('2026-11', 1), v('2026-11', 2)], '2026-09')?.id).toBe('2026-11v1');
  });
  it('names the metrics with the most weight × headroom', () => {
    const metrics = [
      { metric: 'a', weight: 50, score: 90 },
      { metric: 'b', weight: 20, score: 40 },
      { metric: 'c', weight: 30, score: 100 },
    ] as never;
    expect(topMovers({ metrics })).toEqual([
      { code: 'b', points: 12 },
      { code: 'a', points: 5 },
    ]);
  });
  it('serialises objects with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

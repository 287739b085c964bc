// Pure KPI rules: plain values in, plain values out, so a closed period rescored from its
// stored inputs gives the same number byte for byte.
import { createHash } from 'node:crypto';
import { round2 } from '../shared/index.js';
import { curveScore } from './curves.js';
import type { ModelDefinition } from './schemas.js';

export interface MetricValue {
  value: number | null;
  recordIds: string[];
}

export interface MetricMeta {
  unit: string;
  recordType: string;
  /** Volume metrics (counts, sums) have their target scaled by the employment coverage. */
  volume: boolean;
}

export interface ScoredMetric {
  metric: string;
  weight: number;
  target: number | null;
  value: number | null;
  unit: string;
  score: number | null;
  weighted: number | null;
  recordType: string;
  recordIds: string[];
}

export interface RuleApplied {
  rule: string;
  count: number;
  points: number;
  recordIds: string[];
}

/** The stored `KpiResult.inputs` contract (schema 1); the reports feature reads it as is. */
export interface KpiInputs {
  schema: 1;
  modelCode: string;
  modelVersion: number;
  period: string;
  coverage: number;
  prorated: boolean;
  metrics: ScoredMetric[];
  deductions: RuleApplied[];
  bonuses: RuleApplied[];
}

export interface ScoreInput {
  model: ModelDefinition;
  modelVersion: number;
  period: string;
  coverage: number;
  /** Metric code → value; missing means the employee has no records for it. */
  values: ReadonlyMap<string, MetricValue>;
  meta: (metric: string) => MetricMeta;
  /** Personal targets (KpiTarget rows) override the model's target. */
  personalTargets: ReadonlyMap<string, number>;
  /** Deduction/bonus rule → metric code it counts. */
  ruleMetric: (per: string) => string;
}

export interface Scored {
  inputs: KpiInputs;
  totalScore: number | null;
  band: string | null;
}

/**
 * Scores one employee for one period. Metrics without data drop out and the remaining weights
 * are renormalised, so a missing survey never counts as a zero; no data at all → null total.
 */
export function scoreEmployee(input: ScoreInput): Scored {
  const { model, coverage } = input;
  const prorated = coverage < 1;
  const raw = model.metrics.map((m) => {
    const meta = input.meta(m.metric);
    const v = input.values.get(m.metric);
    const baseTarget = input.personalTargets.get(m.metric) ?? m.target ?? null;
    const target = baseTarget !== null && meta.volume && prorated ? round2(baseTarget * coverage) : baseTarget;
    const value = v?.value ?? null;
    return {
      m,
      meta,
      target,
      value: value === null ? null : round2(value),
      score: curveScore(m.curve, value, target),
      ids: v?.recordIds ?? [],
    };
  });
  const scoredWeight = raw.reduce((s, r) => s + (r.score === null ? 0 : r.m.weight), 0);
  const metrics: ScoredMetric[] = raw.map((r) => ({
    metric: r.m.metric,
    weight: r.m.weight,
    target: r.target,
    value: r.value,
    unit: r.meta.unit,
    score: r.score,
    weighted: r.score === null || scoredWeight === 0 ? null : round2((r.score * r.m.weight) / scoredWeight),
    recordType: r.meta.recordType,
    recordIds: r.ids,
  }));
  const apply = (rules: ModelDefinition['deductions']): RuleApplied[] =>
    rules.map((rule) => {
      const v = input.values.get(input.ruleMetric(rule.per));
      const count = Math.max(0, Math.round(v?.value ?? 0));
      const points = round2(Math.min(rule.max ?? Number.POSITIVE_INFINITY, count * rule.points));
      return { rule: rule.per, count, points, recordIds: count > 0 ? (v?.recordIds ?? []) : [] };
    });
  const deductions = apply(model.deductions);
  const bonuses = apply(model.bonuses);
  const inputs: KpiInputs = {
    schema: 1,
    modelCode: model.code,
    modelVersion: input.modelVersion,
    period: input.period,
    coverage: round2(coverage),
    prorated,
    metrics,
    deductions,
    bonuses,
  };
  if (scoredWeight === 0) return { inputs, totalScore: null, band: null };
  const sum = metrics.reduce((s, m) => s + (m.weighted ?? 0), 0);
  const total = round2(
    Math.max(0, sum - deductions.reduce((s, d) => s + d.points, 0) + bonuses.reduce((s, b) => s + b.points, 0)),
  );
  return { inputs, totalScore: total, band: bandFor(model.bands, total) };
}

export function bandFor(bands: ModelDefinition['bands'], score: number): string | null {
  const sorted = [...bands].sort((a, b) => b.from - a.from);
  return sorted.find((b) => score >= b.from)?.band ?? null;
}

/** Share of a period's days an employee was employed (hire/leave inside it → below 1). */
export function coverage(first: string, last: string, hireDate: string, leftDate: string | null): number {
  const from = hireDate > first ? hireDate : first;
  const to = leftDate && leftDate < last ? leftDate : last;
  if (to < from) return 0;
  return (dayNumber(to) - dayNumber(from) + 1) / (dayNumber(last) - dayNumber(first) + 1);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** JSON with sorted keys at every level: the same value always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 over what a result says (computedAt deliberately left out), in a fixed order: the inputs
 * are serialised by JSON.stringify, whose key order is fixed by scoreEmployee building every object
 * the same way, so no canonicalisation of the (large) inputs is needed.
 */
export function resultHash(scored: Scored, inputsJson: string, modelVersionId: string): string {
  return createHash('sha256')
    .update(`${modelVersionId}\n${scored.totalScore}\n${scored.band}\n`)
    .update(inputsJson)
    .digest('hex');
}

/** sha256 over a canonical serialisation (the previous hash; kept for callers outside the engine). */
export function contentHash(scored: Scored, modelVersionId: string): string {
  const body = canonicalJson({
    inputs: scored.inputs,
    totalScore: scored.totalScore,
    band: scored.band,
    modelVersionId,
  });
  return createHash('sha256').update(body).digest('hex');
}

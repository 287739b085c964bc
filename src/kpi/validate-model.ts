import { round2 } from '../shared/index.js';
import { type ModelDefinition, modelSchema } from './schemas.js';

export type ModelCheck = { ok: true; model: ModelDefinition } | { ok: false; problems: string[] };

/** Rule names that read better in a model file than metric codes. */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  complaint: 'complaints',
  repeat_complaint: 'repeat_complaints',
  'error.MAJOR': 'errors_major',
  'error.MINOR': 'errors_minor',
  late: 'late_count',
  absence: 'absent_days',
};

export function ruleMetric(per: string): string {
  return RULE_ALIASES[per] ?? per;
}

/**
 * Parses a model definition and lists every problem: zod's structural issues plus the checks
 * that span entries (weights summing to 100, unknown or duplicate metrics, rule sources).
 */
export function validateModel(raw: unknown, known: ReadonlySet<string>, countMetrics: ReadonlySet<string>): ModelCheck {
  const problems: string[] = [];
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const obj = (raw ?? {}) as Record<string, unknown>;
  const metrics = Array.isArray(obj.metrics) ? (obj.metrics as Record<string, unknown>[]) : [];
  const seen = new Set<string>();
  let sum = 0;
  metrics.forEach((m, i) => {
    const code = typeof m?.metric === 'string' ? m.metric : undefined;
    if (code && !known.has(code)) problems.push(`metrics.${i}.metric: unknown metric "${code}"`);
    if (code && seen.has(code)) problems.push(`metrics.${i}.metric: duplicate metric "${code}"`);
    if (code) seen.add(code);
    if (typeof m?.weight === 'number') sum += m.weight;
  });
  if (metrics.length > 0 && Math.abs(sum - 100) > 1e-9) {
    problems.push(`metrics: weights sum to ${round2(sum)}%, not 100%`);
  }
  for (const key of ['deductions', 'bonuses'] as const) {
    const rules = Array.isArray(obj[key]) ? (obj[key] as Record<string, unknown>[]) : [];
    rules.forEach((r, i) => {
      if (typeof r?.per === 'string' && !countMetrics.has(ruleMetric(r.per))) {
        problems.push(`${key}.${i}.per: "${r.per}" is not a countable metric`);
      }
    });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems: [...new Set(problems)] };
  return { ok: true, model: parsed.data };
}

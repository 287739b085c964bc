// KpiResult.inputs is written by the KPI engine; it is read back through this schema so a
// malformed row shows up as "no breakdown" instead of breaking a report.
import { z } from 'zod';

const metric = z.object({
  metric: z.string(),
  weight: z.number(),
  target: z.number().nullable(),
  value: z.number().nullable(),
  unit: z.string(),
  score: z.number().nullable(),
  weighted: z.number().nullable(),
  recordType: z.string(),
  recordIds: z.array(z.string()),
});

const adjustment = z.object({
  rule: z.string(),
  count: z.number(),
  points: z.number(),
  recordIds: z.array(z.string()),
});

const kpiInputsSchema = z.object({
  schema: z.literal(1),
  modelCode: z.string(),
  modelVersion: z.number(),
  period: z.string(),
  coverage: z.number(),
  prorated: z.boolean(),
  metrics: z.array(metric),
  deductions: z.array(adjustment),
  bonuses: z.array(adjustment),
});

export type KpiInputs = z.infer<typeof kpiInputsSchema>;
export type KpiMetricInput = KpiInputs['metrics'][number];

export function parseKpiInputs(json: unknown): KpiInputs | null {
  const parsed = kpiInputsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

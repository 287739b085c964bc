// Zod at the edges of the KPI feature: model files (YAML/JSON), the stored definition and
// command arguments. Validation reports every problem at once so HR fixes a file in one pass.
import { z } from 'zod';
import { periodSchema } from '../time/period.js';

const band = z.object({ from: z.number(), score: z.number().min(0) });

export const curveSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear'), cap: z.number().positive().default(100) }),
  z.object({
    type: z.literal('bands'),
    bands: z
      .array(band)
      .min(1)
      .refine((bs) => bs.every((b, i) => i === 0 || b.from > (bs[i - 1] as { from: number }).from), {
        message: 'bands must be in ascending "from" order',
      }),
  }),
  z
    .object({ type: z.literal('inverse'), best: z.number(), worst: z.number() })
    .refine((c) => c.best !== c.worst, { message: 'inverse curve needs best ≠ worst' }),
]);

export const metricEntrySchema = z.object({
  metric: z.string().min(1),
  weight: z.number().gt(0).max(100),
  /** Null or missing: a personal KpiTarget row, else no target (bands/inverse curves). */
  target: z.number().positive().nullable().optional(),
  curve: curveSchema,
  params: z.record(z.string(), z.unknown()).optional(),
});

export const ruleSchema = z.object({
  /** A count metric code or an alias such as complaint, error.MAJOR, error.MINOR. */
  per: z.string().min(1),
  points: z.number().positive(),
  max: z.number().positive().optional(),
});

export const bandSchema = z.object({ band: z.string().min(1).max(4), from: z.number() });

export const modelSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, 'lowercase letters, digits and _'),
  name: z.string().min(1),
  scope: z
    .object({ department: z.string().optional(), position: z.string().optional() })
    .refine((s) => s.department || s.position, { message: 'scope needs a department or a position code' }),
  period: z.literal('month').default('month'),
  /** Period boundaries are local midnights in this zone. */
  timeZone: z.string().default('Asia/Shanghai'),
  metrics: z.array(metricEntrySchema).min(1),
  deductions: z.array(ruleSchema).default([]),
  bonuses: z.array(ruleSchema).default([]),
  bands: z
    .array(bandSchema)
    .min(1)
    .default([
      { band: 'A', from: 90 },
      { band: 'B', from: 75 },
      { band: 'C', from: 60 },
      { band: 'D', from: 0 },
    ]),
});

export type ModelDefinition = z.infer<typeof modelSchema>;
export type MetricEntry = z.infer<typeof metricEntrySchema>;
export type Curve = z.infer<typeof curveSchema>;
export type Rule = z.infer<typeof ruleSchema>;

/** `kpi weights <model> <period> <metric>=<pct> … reason: <text>` */
export const weightsArgsSchema = z.object({
  model: z.string().min(1).max(60),
  period: periodSchema,
  changes: z.array(z.object({ metric: z.string().min(1).max(60), weight: z.number().min(0).max(100) })).min(1),
  reason: z.string().min(2).max(500),
});
export type WeightsArgs = z.infer<typeof weightsArgsSchema>;

/** The edit form's target, carried by the button and the form: "model period". */
export const weightsFormTarget = z.string().regex(/^[a-z][a-z0-9_]{1,40} \d{4}-(0[1-9]|1[0-2])$/);

/** A submitted weights form (see `formValue` in cards/card.ts): metric codes and `reason` → text. */
export const weightsFormValue = z.object({
  value: z.string().max(100),
  fields: z.record(z.string().max(60), z.string().max(500)),
});

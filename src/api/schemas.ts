// The /api/v1 request and response shapes. Push bodies are checked in two steps: the envelope
// here, then each record by its own schema in kit.records (so one bad record does not sink the
// batch); the documented body composes the same record schemas.
import { z } from 'zod';
import { RECORD_SCHEMAS, type RecordType, sourceName } from '../records/index.js';
import { periodSchema } from '../time/period.js';

/** The most records one push may carry; more is 413. */
export const MAX_BATCH = 500;

/** What the route validates before looking at the records. */
export const pushEnvelope = z.object({
  source: sourceName.optional(),
  records: z.array(z.unknown()),
});

/** What the OpenAPI document shows for a push of `type`. */
export function documentedPush(type: RecordType) {
  return z.object({
    source: sourceName
      .optional()
      .describe("Where the records come from (upsert key with each record's id); default: the API key's name"),
    records: z.array(RECORD_SCHEMAS[type]).max(MAX_BATCH).describe(`At most ${MAX_BATCH} records`),
  });
}

const outcome = z.object({
  index: z.number().int().describe("The record's position in the batch"),
  externalId: z.string().nullable(),
  result: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  id: z.string().optional().describe("Kaopu's id of the stored record"),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const pushResponse = z.object({
  source: z.string(),
  summary: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  results: z.array(outcome),
});

export const periodQuery = z.object({
  period: periodSchema.optional().describe('YYYY-MM; default: the current month in the company time zone'),
});

const adjustment = z.object({
  rule: z.string(),
  count: z.number(),
  points: z.number(),
  recordIds: z.array(z.string()),
});

const result = z.object({
  totalScore: z.number().nullable(),
  band: z.string().nullable(),
  prorated: z.boolean(),
  modelCode: z.string(),
  modelVersion: z.number().int(),
  contentHash: z.string(),
  frozen: z.boolean(),
  computedAt: z.string(),
  metrics: z.array(
    z.object({
      metric: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      target: z.number().nullable(),
      score: z.number().nullable(),
      weight: z.number(),
      weighted: z.number().nullable(),
      recordType: z.string(),
      recordIds: z.array(z.string()).describe('The records behind this figure'),
    }),
  ),
  deductions: z.array(adjustment),
  bonuses: z.array(adjustment),
});

export const personResult = z.object({
  employeeNo: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  result: result.nullable().describe('null while the month has no computed result for this person'),
});

export const employeeResultsResponse = z.object({
  period: z.string(),
  periodStatus: z.enum(['OPEN', 'CLOSED']),
  employee: personResult,
});

export const teamResultsResponse = z.object({
  period: z.string(),
  periodStatus: z.enum(['OPEN', 'CLOSED']),
  team: z.object({ code: z.string(), name: z.string() }),
  members: z.array(personResult),
});

export const payrollResponse = z.object({
  period: z.string(),
  closedAt: z.string(),
  contentHash: z.string().describe('The hash stamped on the period at close'),
  rows: z.array(
    z.object({
      employeeNo: z.string(),
      name: z.string(),
      department: z.string().nullable(),
      totalScore: z.number().nullable(),
      band: z.string().nullable(),
      prorated: z.boolean().nullable(),
      modelCode: z.string().nullable(),
      modelVersion: z.number().int().nullable(),
      contentHash: z.string().nullable(),
    }),
  ),
  adjustments: z
    .array(
      z.object({
        employeeNo: z.string().nullable(),
        recordType: z.string(),
        recordId: z.string(),
        note: z.string().nullable(),
        foundAt: z.string(),
      }),
    )
    .describe('Records that arrived for the month after it closed; frozen scores are unchanged'),
});

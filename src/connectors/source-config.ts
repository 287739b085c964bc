// A connector's configuration: what one YAML file under `sources/` (or a DataSource row) says.
// Validated with zod at the edge, so a bad file stops at load with the file, field and reason,
// never halfway through a run. Secrets are never values here: only the names of environment
// variables, and only names starting with SOURCE_ (so a source file cannot send DATABASE_URL or
// LINK_SIGNING_SECRET to a host of its choosing).
import { z } from 'zod';

import { RECORD_TYPES, type RecordType } from '../records/index.js';

export { RECORD_TYPES, type RecordType };

const envName = z
  .string()
  .regex(/^SOURCE_[A-Z0-9_]{1,64}$/, 'expected the name of an environment variable starting with SOURCE_');
const code = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'expected a lowercase code such as "helpdesk" or "crm-east"');
/** A dotted path into a JSON record or response: `assignee.email`, `items.0.id`. */
const path = z.string().regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'expected a dotted path such as "a.b.c"');
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const queryValue = z.union([z.string().max(200), z.number(), z.boolean()]);

export const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('bearer'), tokenEnv: envName }),
  z.object({ type: z.literal('header'), header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), valueEnv: envName }),
  z.object({
    type: z.literal('basic'),
    usernameEnv: envName,
    passwordEnv: envName,
  }),
  /**
   * HMAC-SHA256 over `${timestamp}\n${method}\n${pathWithQuery}` with the secret, hex, in
   * `signatureHeader`; the Unix timestamp in seconds goes in `timestampHeader`.
   */
  z.object({
    type: z.literal('hmac'),
    secretEnv: envName,
    keyIdEnv: envName.optional(),
    keyIdHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .default('X-Key-Id'),
    signatureHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .default('X-Signature'),
    timestampHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .default('X-Timestamp'),
  }),
]);

export const pagingSchema = z.discriminatedUnion('style', [
  z.object({ style: z.literal('none') }),
  z.object({
    style: z.literal('page'),
    pageParam: z.string().default('page'),
    sizeParam: z.string().default('per_page'),
    size: z.number().int().min(1).max(1000).default(100),
    firstPage: z.number().int().min(0).default(1),
  }),
  z.object({
    style: z.literal('offset'),
    offsetParam: z.string().default('offset'),
    limitParam: z.string().default('limit'),
    size: z.number().int().min(1).max(1000).default(100),
  }),
  /** The response names the next page's cursor; the end is an empty/absent cursor or `hasMorePath` false. */
  z.object({
    style: z.literal('cursor'),
    cursorParam: z.string().default('cursor'),
    nextCursorPath: path,
    /** Continue only while this is true (e.g. meta.has_more). */
    hasMorePath: path.optional(),
    /** Stop when this is true (e.g. Zendesk's end_of_stream). */
    endPath: path.optional(),
    sizeParam: z.string().optional(),
    size: z.number().int().min(1).max(1000).default(100),
  }),
  /** The response carries the next page's full URL (same origin only); the end is an absent link. */
  z.object({
    style: z.literal('nextLink'),
    nextLinkPath: path,
    hasMorePath: path.optional(),
    endPath: path.optional(),
    sizeParam: z.string().optional(),
    size: z.number().int().min(1).max(1000).default(100),
  }),
]);

/** Turns a date in the source's format and zone into an instant. */
const dateTransform = z.object({
  transform: z.literal('date'),
  /** iso (with or without offset), epoch-s, epoch-ms, or a pattern of yyyy MM dd HH mm ss. */
  format: z.string().max(40).default('iso'),
  /** The zone of a wall-clock time without an offset. */
  zone: z.string().default('UTC').refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai'),
});
const fieldSpec = z.intersection(
  z.object({
    path: path.optional(),
    /** A constant instead of a path. */
    value: queryValue.optional(),
    /** Used when the path is absent or null. */
    default: queryValue.nullable().optional(),
    required: z.boolean().default(false),
  }),
  z.union([
    z.object({ transform: z.undefined().optional() }),
    z.object({ transform: z.enum(['string', 'number', 'integer', 'boolean', 'trim']) }),
    dateTransform,
    /** "12.34" or 12.34 units → 1234 cents; `scale` for sources that send thousandths etc. */
    z.object({ transform: z.literal('cents'), unitsPerMajor: z.number().int().min(1).default(1) }),
    /** Source value → Kaopu value; an unmapped value is an error unless `otherwise` is given. */
    z.object({
      transform: z.literal('enum'),
      map: z.record(z.string(), queryValue),
      otherwise: queryValue.optional(),
    }),
  ]),
);
export type FieldSpec = z.infer<typeof fieldSpec>;

export const mappingSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'expected a Kaopu field name'), z.union([path, fieldSpec]))
  .refine((m) => 'externalId' in m, { message: 'the mapping needs externalId (the record id at the source)' });

export const restSourceSchema = z.object({
  code,
  kind: z.literal('rest').default('rest'),
  name: z.string().max(80).optional(),
  enabled: z.boolean().default(true),
  recordType: z.enum(RECORD_TYPES),
  baseUrl: z.url().transform((v) => v.replace(/\/+$/, '')),
  /** Path under the base URL, with a fixed query. */
  request: z.object({
    path: z.string().regex(/^\/[^\s?#]*$/, 'expected a path starting with /'),
    query: z.record(z.string(), queryValue).default({}),
    /** Where the records array is in the response body; absent: the body is the array. */
    recordsPath: path.optional(),
  }),
  auth: authSchema.default({ type: 'none' }),
  paging: pagingSchema.default({ style: 'none' }),
  /**
   * Incremental pulls: the stored cursor is sent as `param`. With `field`, the cursor is the
   * largest value of that record path seen (the source must return records in that order);
   * with `fromResponse`, a value the response names (e.g. Zendesk's after_cursor or end_time).
   */
  incremental: z
    .object({
      param: z.string(),
      field: path.optional(),
      fromResponse: path.optional(),
      /** The first run's cursor. */
      initial: z.string().max(200).optional(),
      /** The first run sends `initial` under this name instead (Zendesk: start_time, then cursor). */
      initialParam: z.string().optional(),
    })
    .refine((i) => Boolean(i.field) !== Boolean(i.fromResponse), {
      message: 'name exactly one of field or fromResponse',
    })
    .optional(),
  /** Minutes between scheduled runs. */
  everyMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  rateLimit: z
    .object({
      requests: z.number().int().min(1).default(5),
      perMs: z.number().int().min(1).default(1000),
      concurrency: z.number().int().min(1).max(16).default(1),
    })
    .default({ requests: 5, perMs: 1000, concurrency: 1 }),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  retry: z
    .object({
      attempts: z.number().int().min(1).max(10).default(5),
      baseMs: z.number().int().min(1).default(500),
      maxMs: z.number().int().min(1).default(30_000),
    })
    .default({ attempts: 5, baseMs: 500, maxMs: 30_000 }),
  mapping: mappingSchema,
});
export type RestSource = z.infer<typeof restSourceSchema>;
export type RestSourceInput = z.input<typeof restSourceSchema>;

export class SourceConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`source "${source}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SourceConfigError';
  }
}

/** Validates one source; the error names the source and each bad field by its path. */
export function parseSource(input: unknown, origin: string): RestSource {
  const parsed = restSourceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SourceConfigError(
    origin,
    parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}

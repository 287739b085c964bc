// Recomputes a period: a handful of GROUP BY queries for everyone in scope, scoring in memory,
// and writes only the rows whose content hash changed.
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { periodDates } from '../time/period.js';
import { type Calendar, periodCalendar } from './calendar.js';
import { evaluateMetric } from './evaluate.js';
import type { MetricRegistry } from './metrics/index.js';
import { modelFor } from './resolve.js';
import { canonicalJson, coverage, type MetricValue, resultHash, type Scored, scoreEmployee } from './rules.js';
import { type ModelDefinition, modelSchema } from './schemas.js';
import { listVersions, periodClosed, type VersionRef, versionDefinition } from './store.js';
import {
  employeesInPeriod,
  existingResults,
  type ResultWrite,
  type ScopeEmployee,
  targetsForPeriod,
  writeResults,
} from './store-results.js';
import { ruleMetric } from './validate-model.js';

export interface KpiEngine {
  db: Db;
  provider: 'sqlite' | 'postgres';
  logger: Logger;
  now: () => Date;
  /** The metric families registered by the features. */
  metrics: MetricRegistry;
  /** The database as an absolute URL: full recomputes then run in a worker thread (off-thread.ts). */
  databaseUrl?: string | undefined;
}

export interface ComputeOptions {
  employeeIds?: string[];
  teamId?: string;
  /** Count only records up to this instant (e.g. "as of a week ago"); defaults to now. */
  asOf?: Date;
  /** false: score without storing (used for "change since last week"). */
  write?: boolean;
}

export interface Computed {
  employeeId: string;
  version: VersionRef;
  scored: Scored;
  /** `scored.inputs` serialised once: stored as is and hashed. */
  inputsJson: string;
  hash: string;
}

export interface ComputeSummary {
  closed: boolean;
  results: Computed[];
  written: number;
}

export async function computePeriod(
  engine: KpiEngine,
  period: string,
  options: ComputeOptions = {},
): Promise<ComputeSummary> {
  const { db } = engine;
  const write = options.write ?? true;
  if (write && (await periodClosed(db, period))) return { closed: true, results: [], written: 0 };
  const { first, last } = periodDates(period);
  const employees = await employeesInPeriod(db, first, last, options);
  const versions = await listVersions(db);
  const placed = employees.flatMap((e) => {
    const v = modelFor(e, versions, period);
    return v ? [{ e, v }] : [];
  });
  if (placed.length === 0) return { closed: false, results: [], written: 0 };

  const definitions = new Map<string, ModelDefinition>();
  for (const { v } of placed) {
    if (!definitions.has(v.id)) definitions.set(v.id, modelSchema.parse(await versionDefinition(db, v.id)));
  }
  const single = options.employeeIds?.length === 1 ? options.employeeIds[0] : undefined;
  // one read of the company's holidays for the period, shared by every person and metric
  const calendar = await periodCalendar(db, period);
  const asOf = options.asOf ?? engine.now();
  const values = await aggregate(engine, period, placed, definitions, { asOf, calendar, single });
  const targets = await targetsForPeriod(db, period, options.employeeIds);

  const results: Computed[] = placed.map(({ e, v }) => {
    const model = definitions.get(v.id) as ModelDefinition;
    const mine = values.get(e.id) ?? new Map<string, MetricValue>();
    const scored = scoreEmployee({
      model,
      modelVersion: v.version,
      period,
      coverage: coverage(first, last, e.hireDate, e.leftDate),
      values: byCode(model, mine),
      meta: (code) => engine.metrics.spec(code),
      personalTargets: targets.get(e.id) ?? new Map(),
      ruleMetric,
    });
    const inputsJson = JSON.stringify(scored.inputs);
    return { employeeId: e.id, version: v, scored, inputsJson, hash: resultHash(scored, inputsJson, v.id) };
  });
  if (!write) return { closed: false, results, written: 0 };
  const written = await store(engine, period, results, options.employeeIds);
  engine.logger.info({ period, employees: results.length, written }, 'kpi period recomputed');
  return { closed: false, results, written };
}

type Values = Map<string, Map<string, MetricValue>>;
const keyOf = (code: string, params: Record<string, unknown> | undefined) => `${code}|${canonicalJson(params ?? {})}`;

/** Metric values per employee under "code|params" keys, narrowed to each model's own metrics. */
function byCode(model: ModelDefinition, mine: Map<string, MetricValue>): Map<string, MetricValue> {
  const out = new Map<string, MetricValue>();
  for (const m of model.metrics) {
    const v = mine.get(keyOf(m.metric, m.params));
    if (v) out.set(m.metric, v);
  }
  for (const r of [...model.deductions, ...model.bonuses]) {
    const code = ruleMetric(r.per);
    const v = mine.get(keyOf(code, undefined));
    if (v && !out.has(code)) out.set(code, v);
  }
  return out;
}

async function aggregate(
  engine: KpiEngine,
  period: string,
  placed: { e: ScopeEmployee; v: VersionRef }[],
  definitions: Map<string, ModelDefinition>,
  { asOf, calendar, single }: { asOf: Date; calendar: Calendar; single: string | undefined },
): Promise<Values> {
  const wanted = new Map<string, { code: string; params: Record<string, unknown> }>();
  for (const model of definitions.values()) {
    for (const m of model.metrics) wanted.set(keyOf(m.metric, m.params), { code: m.metric, params: m.params ?? {} });
    for (const r of [...model.deductions, ...model.bonuses]) {
      const code = ruleMetric(r.per);
      if (engine.metrics.get(code)) wanted.set(keyOf(code, undefined), { code, params: {} });
    }
  }
  const byZone = new Map<string, ScopeEmployee[]>();
  for (const { e } of placed) {
    const zone = byZone.get(e.timeZone);
    if (zone) zone.push(e);
    else byZone.set(e.timeZone, [e]);
  }
  const out: Values = new Map();
  const zeros: Values = new Map();
  for (const [timeZone, people] of byZone) {
    for (const [key, { code, params }] of wanted) {
      const scope = { period, timeZone, asOf, people, params, calendar, ...(single ? { employeeId: single } : {}) };
      const { values, missing } = await evaluateMetric(engine, code, scope);
      for (const [id, v] of values) put(out, id, key, v);
      // Zero-when-missing metrics only count for people with some record elsewhere (see below).
      if (engine.metrics.spec(code).empty === 'zero') for (const [id, v] of missing) put(zeros, id, key, v);
    }
  }
  // A person with no record at all has no data: their zeros are dropped, the card says "no data".
  for (const [id, m] of zeros) {
    const mine = out.get(id);
    if (!mine) continue;
    for (const [key, v] of m) if (!mine.has(key)) mine.set(key, v);
  }
  return out;
}

function put(map: Values, employeeId: string, key: string, v: MetricValue) {
  const m = map.get(employeeId) ?? new Map<string, MetricValue>();
  m.set(key, v);
  map.set(employeeId, m);
}

async function store(engine: KpiEngine, period: string, results: Computed[], scope?: string[]): Promise<number> {
  const existing = await existingResults(engine.db, period, scope);
  const computedAt = engine.now();
  const creates: ResultWrite[] = [];
  const updates: (ResultWrite & { id: string })[] = [];
  for (const r of results) {
    const old = existing.get(r.employeeId);
    if (old && (old.frozen || old.contentHash === r.hash)) continue;
    const row: ResultWrite = {
      employeeId: r.employeeId,
      period,
      modelVersionId: r.version.id,
      totalScore: r.scored.totalScore,
      band: r.scored.band,
      prorated: r.scored.inputs.prorated,
      inputsJson: r.inputsJson,
      contentHash: r.hash,
      computedAt,
    };
    if (old) updates.push({ ...row, id: old.id });
    else creates.push(row);
  }
  await writeResults(engine.db, engine.provider, creates, updates);
  return creates.length + updates.length;
}

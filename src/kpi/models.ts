// Model import (file, bot) and the default models shipped in kpi-models/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Db } from '../db/client.js';
import type { MetricCatalogue } from './metrics/index.js';
import type { ModelDefinition } from './schemas.js';
import { findScopeIds, modelCount, saveModelVersion, type VersionRef } from './store.js';
import { type ModelCheck, validateModel } from './validate-model.js';

export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../kpi-models/', import.meta.url));

export function checkModel(raw: unknown, metrics: MetricCatalogue): ModelCheck {
  return validateModel(raw, metrics.codes(), metrics.countable());
}

/** YAML is a superset of JSON, so one parser reads both kinds of model file. */
export function parseModelText(text: string, metrics: MetricCatalogue): ModelCheck {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, problems: [`(file): not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`] };
  }
  return checkModel(raw, metrics);
}

export type ImportOutcome = { ok: true; version: VersionRef } | { ok: false; problems: string[] };

export async function importModel(
  db: Db,
  model: ModelDefinition,
  input: { period: string; createdById: string | null; reason: string | null },
): Promise<ImportOutcome> {
  const scope = await findScopeIds(db, model.scope);
  const missing = [
    ...(model.scope.department && !scope.departmentId
      ? [`scope.department: no department "${model.scope.department}"`]
      : []),
    ...(model.scope.position && !scope.positionId ? [`scope.position: no position "${model.scope.position}"`] : []),
  ];
  if (missing.length > 0) return { ok: false, problems: missing };
  const version = await saveModelVersion(db, { model, ...scope, ...input });
  return { ok: true, version };
}

/**
 * Imports the shipped models when a database has none (first use of the KPI feature on the
 * demo company or a fresh install). Scopes that do not exist in this company are skipped.
 */
export async function ensureDefaultModels(
  db: Db,
  period: string,
  metrics: MetricCatalogue,
  dir = DEFAULT_MODELS_DIR,
): Promise<number> {
  if ((await modelCount(db)) > 0) return 0;
  let imported = 0;
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const check = parseModelText(readFileSync(join(dir, file), 'utf8'), metrics);
    if (!check.ok) throw new Error(`default KPI model ${file} is invalid: ${check.problems.join('; ')}`);
    const outcome = await importModel(db, check.model, { period, createdById: null, reason: 'default model' });
    if (outcome.ok) imported += 1;
  }
  return imported;
}

// Where sources come from: YAML files under the sources folder (one source a file), stored as
// DataSource rows so every replica and the `sync` command see the same list; rows written by
// other means (the demo's stand-ins) are read the same way. Every config is validated on load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { type RestSource, restSourceSchema, SourceConfigError } from './source-config.js';
import { type ZendeskSource, zendeskSourceSchema } from './zendesk.js';

export type SourceConfig = RestSource | ZendeskSource;

/** Validates a source of any kind; the error names the origin (file or row) and each bad field. */
export function parseSourceConfig(input: unknown, origin: string): SourceConfig {
  const kind = (input as { kind?: unknown } | null)?.kind;
  const parsed: z.ZodSafeParseResult<SourceConfig> =
    kind === 'zendesk' ? zendeskSourceSchema.safeParse(input) : restSourceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SourceConfigError(
    origin,
    parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  );
}

/** Reads every *.yaml / *.yml file of a folder (none: no sources). */
export function readSourceFiles(dir: string): SourceConfig[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const sources = names.sort().map((name) => {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(dir, name), 'utf8'));
    } catch (err) {
      throw new SourceConfigError(name, [`not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
    }
    return parseSourceConfig(data, name);
  });
  const codes = new Set<string>();
  for (const s of sources) {
    if (codes.has(s.code)) throw new SourceConfigError(s.code, ['two files define this code']);
    codes.add(s.code);
  }
  return sources;
}

/** Marks a DataSource row as written from a file, so removing the file turns the source off. */
const FROM_FILE = 'fromFile';

/**
 * Stores each file's source as its DataSource row (the file wins over an edited row), and turns
 * off the rows whose file is gone; rows written otherwise (the demo's stand-ins) are left alone.
 */
export async function storeSources(db: Db, sources: readonly SourceConfig[]): Promise<void> {
  for (const source of sources) {
    const config = { ...JSON.parse(JSON.stringify(source)), [FROM_FILE]: true };
    await db.dataSource.upsert({
      where: { code: source.code },
      create: { code: source.code, kind: source.kind, config, enabled: source.enabled },
      update: { kind: source.kind, config, enabled: source.enabled },
    });
  }
  const codes = new Set(sources.map((s) => s.code));
  const rows = await db.dataSource.findMany({ where: { enabled: true }, select: { code: true, config: true } });
  const gone = rows
    .filter((r) => (r.config as Record<string, unknown> | null)?.[FROM_FILE] === true && !codes.has(r.code))
    .map((r) => r.code);
  if (gone.length > 0) await db.dataSource.updateMany({ where: { code: { in: gone } }, data: { enabled: false } });
}

export interface StoredSource {
  code: string;
  config: SourceConfig | null;
  /** Why the stored config is unusable. */
  problem?: string;
  enabled: boolean;
}

/** Every DataSource row, validated again (a row edited by hand is checked like a file). */
export async function loadSources(db: Db): Promise<StoredSource[]> {
  const rows = await db.dataSource.findMany({ orderBy: { code: 'asc' } });
  return rows.map((row) => {
    try {
      return { code: row.code, enabled: row.enabled, config: parseSourceConfig(row.config, `DataSource ${row.code}`) };
    } catch (err) {
      return { code: row.code, enabled: row.enabled, config: null, problem: (err as Error).message };
    }
  });
}

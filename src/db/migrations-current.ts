// A cheap "are the migrations current?" check: read `_prisma_migrations` with one plain query and
// compare it with the migrations folder (names and sha256 checksums, the way the schema engine
// records them). Loading the Wasm schema engine costs about a second and tens of MB, so start-up
// and /readyz ask this first and only fall back to the engine when the answer is not a clear yes.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseTarget } from './database-url.js';

export interface MigrationRow {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

const QUERY = 'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations';

/** The folder's migrations, name → sha256 of migration.sql. */
export async function migrationChecksums(migrationsDir: string): Promise<Map<string, string>> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const sums = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(migrationsDir, name, 'migration.sql'));
      return [name, createHash('sha256').update(sql).digest('hex')] as const;
    }),
  );
  return new Map(sums);
}

/**
 * True only when every folder migration is applied, finished and unchanged, and the database
 * knows no migration the folder lacks or one that failed; anything else is for the engine to judge.
 */
export function historyMatches(folder: ReadonlyMap<string, string>, rows: readonly MigrationRow[]): boolean {
  const live = rows.filter((r) => !r.rolledBack);
  if (live.some((r) => !r.finished || folder.get(r.name) !== r.checksum)) return false;
  const applied = new Set(live.map((r) => r.name));
  return [...folder.keys()].every((name) => applied.has(name));
}

async function readRows(target: DatabaseTarget): Promise<MigrationRow[]> {
  const toRow = (r: unknown[]): MigrationRow => ({
    name: String(r[0]),
    checksum: String(r[1]),
    finished: r[2] !== null,
    rolledBack: r[3] !== null,
  });
  if (target.provider === 'postgres') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const result = await client.query({ text: QUERY, rowMode: 'array' });
      return (result.rows as unknown[][]).map(toRow);
    } finally {
      await client.end();
    }
  }
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  const connection = await new PrismaBetterSqlite3({ url: target.file }).connect();
  try {
    const result = await connection.queryRaw({ sql: QUERY, args: [], argTypes: [] });
    return result.rows.map(toRow);
  } finally {
    await connection.dispose();
  }
}

/** Whether the database's migration history matches the folder; false on any doubt or error. */
export async function migrationsCurrent(target: DatabaseTarget, migrationsDir: string): Promise<boolean> {
  try {
    const [folder, rows] = await Promise.all([migrationChecksums(migrationsDir), readRows(target)]);
    return historyMatches(folder, rows);
  } catch {
    // No table yet (a fresh database) or unreachable: the engine decides and reports why.
    return false;
  }
}

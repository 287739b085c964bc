// Test databases: a migrated, demo-seeded template is built once per run (global setup), then
// each test file gets its own copy — a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { type DatabaseTarget, resolveDatabaseTarget } from '../../src/db/database-url.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The fixed "today" the demo company is seeded relative to in tests (a Wednesday, 12:00 Beijing). */
export const TEST_TODAY = new Date('2026-11-18T04:00:00Z');
export const TEST_TZ = 'Asia/Shanghai';

export function testProvider(): 'sqlite' | 'postgres' {
  return process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export function templateName(): string {
  return process.env.KAOPU_TEST_TEMPLATE ?? 'kaopu_template';
}

export function templateSqlitePath(): string {
  return join(tmpdir(), `kaopu-test-${process.env.KAOPU_TEST_RUN ?? 'local'}`, 'template.db');
}

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  target: DatabaseTarget;
  url: string;
  drop(): Promise<void>;
}

/** A private copy of the seeded template for one test file. */
export async function cloneTemplate(): Promise<TestDatabase> {
  return createDatabase('t', true);
}

async function createDatabase(prefix: string, fromTemplate: boolean): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (testProvider() === 'postgres') {
    const name = `kaopu_${prefix}_${suffix}`;
    const create = `CREATE DATABASE "${name}"${fromTemplate ? ` TEMPLATE "${templateName()}"` : ''}`;
    // PostgreSQL refuses to copy a template while another CREATE DATABASE is copying it, which
    // happens when test files start in parallel; the copy takes well under a second, so wait and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await adminQuery(create);
        break;
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    const url = serverUrl(name);
    return {
      target: resolveDatabaseTarget(url, ROOT),
      url,
      drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = join(tmpdir(), `kaopu-test-${process.env.KAOPU_TEST_RUN ?? 'local'}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${prefix}-${suffix}.db`);
  if (fromTemplate) copyFileSync(templateSqlitePath(), file);
  return {
    target: resolveDatabaseTarget(`file:${file}`, ROOT),
    url: `file:${file}`,
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    },
  };
}

/** An empty, unmigrated database (for migration and first-start tests). */
export function emptyDatabase(): Promise<TestDatabase> {
  return createDatabase('e', false);
}

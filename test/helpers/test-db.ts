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
  const suffix = randomBytes(6).toString('hex');
  if (testProvider() === 'postgres') {
    const name = `kaopu_t_${suffix}`;
    // A template must have no other session: parallel files cloning it at once (or the
    // migrator's pool still closing) make CREATE … TEMPLATE fail with 55006, so retry briefly.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
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
  const file = join(dir, `${suffix}.db`);
  copyFileSync(templateSqlitePath(), file);
  return {
    target: resolveDatabaseTarget(`file:${file}`, ROOT),
    url: `file:${file}`,
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    },
  };
}

/** An empty, unmigrated database (for migration and first-start tests). */
export async function emptyDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (testProvider() === 'postgres') {
    const name = `kaopu_e_${suffix}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = serverUrl(name);
    return {
      target: resolveDatabaseTarget(url, ROOT),
      url,
      drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = join(tmpdir(), `kaopu-test-${process.env.KAOPU_TEST_RUN ?? 'local'}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `empty-${suffix}.db`);
  return {
    target: resolveDatabaseTarget(`file:${file}`, ROOT),
    url: `file:${file}`,
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    },
  };
}

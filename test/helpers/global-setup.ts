import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDemo } from '../../src/demo/seed.js';
import { adminQuery, ROOT, TEST_TODAY, TEST_TZ, templateName, templateSqlitePath, testProvider } from './test-db.js';

// Builds the migrated, demo-seeded template database every test file clones.
export default async function setup(): Promise<() => Promise<void>> {
  process.env.KAOPU_TEST_RUN = randomBytes(4).toString('hex');
  const postgres = testProvider() === 'postgres';
  process.env.KAOPU_TEST_TEMPLATE = `kaopu_tpl_${process.env.KAOPU_TEST_RUN}`;
  let url: string;
  if (postgres) {
    await adminQuery(`CREATE DATABASE "${templateName()}"`);
    const u = new URL(process.env.DATABASE_URL as string);
    u.pathname = `/${templateName()}`;
    url = u.toString();
  } else {
    const file = templateSqlitePath();
    mkdirSync(dirname(file), { recursive: true });
    url = `file:${file}`;
  }
  const target = resolveDatabaseTarget(url, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  await db.$transaction((tx) => seedDemo(tx, { today: TEST_TODAY, timeZone: TEST_TZ }), { timeout: 300_000 });
  if (target.provider === 'sqlite') await db.$executeRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.$disconnect();

  return async () => {
    if (postgres) await adminQuery(`DROP DATABASE IF EXISTS "${templateName()}" WITH (FORCE)`);
    else rmSync(dirname(templateSqlitePath()), { recursive: true, force: true });
  };
}

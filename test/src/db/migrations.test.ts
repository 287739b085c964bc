import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { openDb } from '../../../src/db/client.js';
import { applyMigrations, migrationStatus } from '../../../src/db/migrations.js';
import { emptyDatabase, ROOT, type TestDatabase, testProvider } from '../../helpers/test-db.js';

const cleanup: TestDatabase[] = [];
afterEach(async () => {
  for (const db of cleanup.splice(0)) await db.drop();
});

async function fresh(): Promise<TestDatabase> {
  const db = await emptyDatabase();
  cleanup.push(db);
  return db;
}

async function readiness(url: string) {
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url }),
    logger: pino({ level: 'silent' }),
    root: ROOT,
  });
  try {
    const res = await app.server.inject({ method: 'GET', url: '/readyz' });
    const health = await app.server.inject({ method: 'GET', url: '/healthz' });
    return { ready: res.statusCode, body: res.json(), healthz: health.statusCode };
  } finally {
    await app.close();
  }
}

describe(`migrations on ${testProvider()}`, () => {
  it('reports a fresh database as behind, applies every migration, then reports it current', async () => {
    const { target } = await fresh();
    expect((await migrationStatus(ROOT, target)).current).toBe(false);
    const applied = await applyMigrations(ROOT, target);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((name) => /^\d{14}_\w+$/.test(name))).toBe(true);
    expect(await migrationStatus(ROOT, target)).toEqual({ current: true });
  });

  it('applies nothing the second time', async () => {
    const { target } = await fresh();
    await applyMigrations(ROOT, target);
    expect(await applyMigrations(ROOT, target)).toEqual([]);
  });

  it('creates every table of the data model', async () => {
    const { target } = await fresh();
    await applyMigrations(ROOT, target);
    const db = openDb(target);
    try {
      const counts = await Promise.all([
        db.employee.count(),
        db.kpiResult.count(),
        db.outboxMessage.count(),
        db.transferApplication.count(),
        db.auditLog.count(),
      ]);
      expect(counts).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('readiness', () => {
  it('is not ready while migrations are pending, though the process is up', async () => {
    const { url } = await fresh();
    const result = await readiness(url);
    expect(result.healthz).toBe(200);
    expect(result.ready).toBe(503);
    expect(result.body.checks.database).toBe('ok');
    expect(result.body.checks.migrations).not.toBe('current');
  });

  it('is ready once migrations are applied', async () => {
    const { url, target } = await fresh();
    await applyMigrations(ROOT, target);
    const result = await readiness(url);
    expect(result.ready).toBe(200);
    expect(result.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current' } });
  });

  // Each database has its own way to be broken; only the configured one is exercised.
  const sqliteIt = testProvider() === 'sqlite' ? it : () => {};
  const postgresIt = testProvider() === 'postgres' ? it : () => {};

  sqliteIt('fails readiness on a corrupt SQLite file instead of crashing', async () => {
    const { url, target } = await fresh();
    if (target.provider === 'sqlite') writeFileSync(target.file, 'this is not a database'.repeat(100));
    const result = await readiness(url);
    expect(result.healthz).toBe(200);
    expect(result.ready).toBe(503);
    expect(result.body.checks.database).toBe('unreachable');
  });

  postgresIt('fails readiness when PostgreSQL is unreachable instead of crashing', async () => {
    const result = await readiness('postgresql://postgres@127.0.0.1:1/kaopu');
    expect(result.healthz).toBe(200);
    expect(result.ready).toBe(503);
    expect(result.body.checks.database).toBe('unreachable');
  });
});

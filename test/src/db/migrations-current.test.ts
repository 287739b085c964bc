import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, migrationPaths } from '../../../src/db/migrations.js';
import {
  historyMatches,
  type MigrationRow,
  migrationChecksums,
  migrationsCurrent,
} from '../../../src/db/migrations-current.js';
import { emptyDatabase, ROOT, type TestDatabase } from '../../helpers/test-db.js';

const folder = new Map([
  ['20260101000000_init', 'aaa'],
  ['20260201000000_more', 'bbb'],
]);
const row = (name: string, checksum: string, over: Partial<MigrationRow> = {}): MigrationRow => ({
  name,
  checksum,
  finished: true,
  rolledBack: false,
  ...over,
});
const applied = [row('20260101000000_init', 'aaa'), row('20260201000000_more', 'bbb')];

describe('the cheap migration check', () => {
  it('says current when every folder migration is applied, finished and unchanged', () => {
    expect(historyMatches(folder, applied)).toBe(true);
  });

  it('says not current when a migration is pending', () => {
    expect(historyMatches(folder, applied.slice(0, 1))).toBe(false);
  });

  it('says not current when an applied migration was edited', () => {
    expect(historyMatches(folder, [applied[0] as MigrationRow, row('20260201000000_more', 'changed')])).toBe(false);
  });

  it('says not current when a migration failed part way', () => {
    expect(historyMatches(folder, [...applied, row('20260301000000_half', 'ccc', { finished: false })])).toBe(false);
  });

  it('says not current when the database knows a migration the folder lacks', () => {
    expect(historyMatches(folder, [...applied, row('20260301000000_newer', 'ccc')])).toBe(false);
  });

  it('ignores a rolled-back attempt that was applied again', () => {
    const retried = [row('20260201000000_more', 'old', { finished: false, rolledBack: true }), ...applied];
    expect(historyMatches(folder, retried)).toBe(true);
  });

  it('checksums the folder as the schema engine records it (sha256 of migration.sql)', async () => {
    const sums = await migrationChecksums(
      migrationPaths(ROOT, { provider: 'sqlite', url: '', file: '' }).migrationsDir,
    );
    expect(sums.size).toBeGreaterThan(0);
    for (const sum of sums.values()) expect(sum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the cheap migration check against a database', () => {
  const cleanup: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of cleanup.splice(0)) await db.drop();
  });

  it('answers no on a fresh database and yes once the engine has applied everything', async () => {
    const database = await emptyDatabase();
    cleanup.push(database);
    const dir = migrationPaths(ROOT, database.target).migrationsDir;
    expect(await migrationsCurrent(database.target, dir)).toBe(false);
    await applyMigrations(ROOT, database.target);
    expect(await migrationsCurrent(database.target, dir)).toBe(true);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client.js';
import { storedSecret } from '../../../src/db/stored-secret.js';
import { cloneTemplate, type TestDatabase } from '../../helpers/test-db.js';

describe('a secret generated once and kept in the database', async () => {
  const database: TestDatabase = await cloneTemplate();
  const first = openDb(database.target);
  afterAll(async () => {
    await first.$disconnect();
    await database.drop();
  });

  it('is generated on first use: 32 random bytes as hex', async () => {
    const secret = await storedSecret(first, 'test.first');
    expect(secret.created).toBe(true);
    expect(secret.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same after a restart (a new connection to the same database)', async () => {
    const before = await storedSecret(first, 'test.restart');
    const restarted = openDb(database.target);
    try {
      expect(await storedSecret(restarted, 'test.restart')).toEqual({ value: before.value, created: false });
    } finally {
      await restarted.$disconnect();
    }
  });

  it('is one secret when two replicas ask at the same moment', async () => {
    const other = openDb(database.target);
    try {
      const both = await Promise.all([storedSecret(first, 'test.race'), storedSecret(other, 'test.race')]);
      expect(both[0].value).toBe(both[1].value);
      expect(await first.setting.count({ where: { key: 'test.race' } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });
});

// `npm run apikey` has only a CLI, so it runs as a child process against a private database.
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { cloneTemplate, ROOT } from '../helpers/test-db.js';

const database = await cloneTemplate();
const db = openDb(database.target);
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

function apikey(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/apikey.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run apikey', () => {
  it('creates a key, prints it once, lists it without the secret and revokes it', async () => {
    const created = await apikey('create', '--name', 'erp', '--scopes', 'work-orders:write,kpi:read');
    expect(created.code).toBe(0);
    const secret = /key \(shown only now[^:]*\): (kp_\S+)/.exec(created.stdout)?.[1] ?? '';
    const id = /^created (\S+) \(erp, work-orders:write,kpi:read\)/.exec(created.stdout)?.[1] ?? '';
    expect(secret).toMatch(/^kp_[0-9a-f]{12}_/);

    const listed = await apikey('list');
    expect(listed.stdout).toContain(`${id}\terp\t`);
    expect(listed.stdout).toContain('work-orders:write,kpi:read\tactive');
    expect(listed.stdout).not.toContain(secret);

    expect((await apikey('revoke', id)).stdout).toBe(`revoked ${id}\n`);
    expect((await apikey('list')).stdout).toMatch(new RegExp(`${id}\\t.*\\trevoked `));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toBeInstanceOf(Date);
    // Four CLI runs, each a fresh tsx process: on a busy 2-core machine that can exceed the default.
  }, 180_000);

  it('refuses scopes that are not resource:read or resource:write, creating nothing', async () => {
    const before = await db.apiKey.count();
    const res = await apikey('create', '--name', 'x', '--scopes', 'workorders_write');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--scopes must be');
    expect(await db.apiKey.count()).toBe(before);
  });

  it('says so when revoking an id that does not exist', async () => {
    const res = await apikey('revoke', 'no-such-key');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('no API key with id no-such-key');
  });
});

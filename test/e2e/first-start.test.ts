import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { emptyDatabase, ROOT, type TestDatabase } from '../helpers/test-db.js';

// `npm start` runs the compiled bundle (prestart rebuilds it when a source is newer).
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('scripts/build.mjs failed');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return { child, output: () => out };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start on an empty database', async () => {
  const database: TestDatabase = await emptyDatabase();
  afterAll(() => database.drop());
  const port = await freePort();
  const { child, output } = start({ PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: 'info' });
  const exited = once(child, 'exit');
  await waitFor(() => output().includes('Console:'), 60_000);

  it('migrates, seeds the demo company and prints the console URL', async () => {
    expect(output()).toContain(`Console: http://localhost:${port}/console`);
    const users = (await (await fetch(`http://127.0.0.1:${port}/console/api/users`)).json()) as unknown[];
    expect(users).toHaveLength(25);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('computes the demo KPI results so an HR report has scores right away', async () => {
    await waitFor(() => output().includes('demo KPI results computed'), 30_000);
    const res = await fetch(`http://127.0.0.1:${port}/console/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'emp_malin', text: 'report dept AFTERSALES' }),
    });
    const { replies } = (await res.json()) as {
      replies: { blocks: { type: string; fields?: { label: string; value: string }[] }[] }[];
    };
    const fields = replies[0]?.blocks.flatMap((b) => b.fields ?? []) ?? [];
    const value = (label: string) => fields.find((f) => f.label === label)?.value;
    // nine people in the department: eight engineers with scores, and their manager, who has no
    // work orders of his own and so shows as "no data" rather than a zero
    expect([value('人数'), value('有分数'), value('无数据')]).toEqual(['9', '8', '1']);
  });

  it('generates a link-signing secret, keeps it in the database and never logs it', async () => {
    expect(output()).toContain('LINK_SIGNING_SECRET is not set: generated one and stored it in the database');
    const { openDb } = await import('../../src/db/client.js');
    const db = openDb(database.target);
    try {
      const row = await db.setting.findUniqueOrThrow({ where: { key: 'link.signingSecret' } });
      expect(output()).not.toContain(row.value);
    } finally {
      await db.$disconnect();
    }
  });

  it('listens on loopback only', () => {
    const ready = output()
      .split('\n')
      .find((l) => l.includes('"Kaopu is ready"'));
    expect(JSON.parse(ready ?? '{}')).toMatchObject({ host: '127.0.0.1', port });
  });

  it('writes JSON log lines without personal data', () => {
    const lines = output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(output()).not.toContain('李明');
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output()).toContain('stopped cleanly');
  });
});

describe('npm start with a bad configuration', () => {
  it('stops with one message naming each bad variable', async () => {
    const { child, output } = start({ PORT: 'abc', LOCALE_DEFAULT: 'fr' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(78);
    expect(output()).toContain('PORT: expected a port number');
    expect(output()).toContain('LOCALE_DEFAULT: expected zh-CN or en');
    expect(output()).not.toMatch(/\n\s+at /);
  });
});

describe('npm start in demo mode on a network address', () => {
  it('refuses to start without CONSOLE_TOKEN and says how to fix it', async () => {
    const { child, output } = start({ HOST: '0.0.0.0', LOCALE_DEFAULT: 'en' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(78);
    expect(output()).toContain('HOST: HOST=0.0.0.0 makes Kaopu reachable from the network');
    expect(output()).toContain('Set CONSOLE_TOKEN');
  });
});

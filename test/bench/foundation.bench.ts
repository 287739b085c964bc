// Foundation figures: start-up time to ready, idle memory, console `help` round trips per second.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/free-port.js';
import type { Report } from './figure.js';
import { round } from './figure.js';

const ROOT = resolve(import.meta.dirname, '../..');

async function startKaopu(dbFile: string): Promise<{ child: ChildProcess; port: number; readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('Kaopu exited during start-up');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, port, readyMs: performance.now() - t0 };
}

// Baseline: a bare Node HTTP server started the same way, so the ratio shows what Kaopu adds.
async function bareNodeReadyMs(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q,s)=>s.end('ok')).listen(${port})`],
    { stdio: 'ignore' },
  );
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function throughput(url: string, init: () => RequestInit, seconds: number, concurrency: number): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url, init());
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

export default async function foundation(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-'));
  const dbFile = join(dir, 'bench.db');
  try {
    const baseline = await bareNodeReadyMs();
    process.stderr.write('first start (migrate + seed demo)…\n');
    const first = await startKaopu(dbFile);
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    report({
      name: 'startup.first.ready',
      value: round(first.readyMs, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(first.readyMs / baseline),
      target: '<= 10000',
    });

    process.stderr.write('restart on the seeded database…\n');
    const warm = await startKaopu(dbFile);
    report({
      name: 'startup.ready',
      value: round(warm.readyMs, 0),
      unit: 'ms',
      baseline: round(baseline, 0),
      ratio: round(warm.readyMs / baseline),
      target: '<= 10000',
    });

    await new Promise((r) => setTimeout(r, 3000));
    report({ name: 'memory.idle.rss', value: round(rssMiB(warm.child.pid as number), 1), unit: 'MiB' });

    const base = `http://127.0.0.1:${warm.port}`;
    const users = (await (await fetch(`${base}/console/api/users`)).json()) as { id: string }[];
    const userId = users.find((u) => u.id === 'emp_liming')?.id ?? (users[0] as { id: string }).id;
    process.stderr.write('console help round trips…\n');
    const health = await throughput(`${base}/healthz`, () => ({}), 4, 8);
    const help = await throughput(
      `${base}/console/api/messages`,
      () => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text: 'help' }),
      }),
      6,
      8,
    );
    report({
      name: 'console.help.roundtrips',
      value: round(help, 0),
      unit: '/s',
      baseline: round(health, 0),
      ratio: round(help / health),
    });
    warm.child.kill('SIGTERM');
    await once(warm.child, 'exit');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Foundation figures: start-up time to ready, idle memory, console `help` round trips per second.
// `npm start` runs the compiled bundle (node dist/main.js); the same start through tsx is measured
// in the same run as the baseline, since the machine's load moves every figure between runs.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../helpers/free-port.js';
import type { Report } from './figure.js';
import { round } from './figure.js';
import { load, QUICK } from './load.js';

const ROOT = resolve(import.meta.dirname, '../..');

const COMPILED = ['dist/main.js'];
const TSX = ['--import', 'tsx', 'src/main.ts'];

async function startKaopu(
  dbFile: string,
  args: string[] = COMPILED,
): Promise<{ child: ChildProcess; port: number; readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
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

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
}

// First start (migrate + seed) and a restart on the seeded database, then idle RSS after 3 s.
async function measure(dir: string, name: string, args: string[]) {
  const dbFile = join(dir, `${name}.db`);
  process.stderr.write(`${name}: first start (migrate + seed demo)…\n`);
  const first = await startKaopu(dbFile, args);
  await stop(first.child);
  process.stderr.write(`${name}: restart on the seeded database…\n`);
  const warm = await startKaopu(dbFile, args);
  await new Promise((r) => setTimeout(r, 3000));
  const rss = rssMiB(warm.child.pid as number);
  return { firstMs: first.readyMs, readyMs: warm.readyMs, rss, warm };
}

export default async function foundation(report: Report): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('scripts/build.mjs failed');
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-'));
  try {
    const bare = await bareNodeReadyMs();
    report({ name: 'startup.bare-node.ready', value: round(bare, 0), unit: 'ms' });
    const tsx = await measure(dir, 'tsx', TSX);
    await stop(tsx.warm.child);
    const compiled = await measure(dir, 'compiled', COMPILED);
    const figure = (name: string, value: number, baseline: number, unit: string, target: string) =>
      report({
        name,
        value: round(value, unit === 'MiB' ? 1 : 0),
        unit,
        baseline: round(baseline, 1),
        ratio: round(value / baseline),
        target,
      });
    figure('startup.first.ready', compiled.firstMs, tsx.firstMs, 'ms', '<= 10000 (aim <= 2000)');
    figure('startup.ready', compiled.readyMs, tsx.readyMs, 'ms', '<= 10000 (aim <= 2000)');
    figure('memory.idle.rss', compiled.rss, tsx.rss, 'MiB', '<= 200 (aim <= 120)');

    const warm = compiled.warm;
    const base = `http://127.0.0.1:${warm.port}`;
    const users = (await (await fetch(`${base}/console/api/users`)).json()) as { id: string }[];
    const userId = users.find((u) => u.id === 'emp_liming')?.id ?? (users[0] as { id: string }).id;
    process.stderr.write('console help round trips…\n');
    // autocannon in its own process: an in-process fetch client capped /healthz at ~3k/s
    const seconds = QUICK ? 2 : 5;
    const health = (await load(`${base}/healthz`, { seconds, connections: 8 })).rps;
    const help = (
      await load(`${base}/console/api/messages`, {
        seconds,
        connections: 8,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text: 'help' }),
      })
    ).rps;
    report({
      name: 'console.help.roundtrips',
      value: round(help, 0),
      unit: '/s',
      baseline: round(health, 0),
      ratio: round(help / health),
      target: 'ratio >= 0.2',
    });
    await stop(warm.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// HTTP load from a separate process (autocannon's CLI), so the client never caps the server being
// measured, and peak memory from the kernel's high-water mark (VmHWM) rather than a sampler that
// cannot run while the event loop is blocked.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Load {
  /** Requests per second, averaged over the run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  /** How long to load; with `until`, an upper bound. */
  seconds: number;
  /** Stop (SIGINT: autocannon still prints its summary) when this settles. */
  until?: Promise<unknown>;
  connections?: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

// autocannon's API in a child process: stops early on SIGINT (the CLI ignores it), prints the summary.
const RUNNER = `
const autocannon = require('autocannon');
const o = JSON.parse(process.env.LOAD_OPTIONS);
const instance = autocannon(o, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify(r));
});
process.once('SIGINT', () => instance.stop());`;

/** Runs autocannon in its own process; resolves with its summary. */
export function load(url: string, o: LoadOptions): Promise<Load> {
  const options = {
    url,
    connections: o.connections ?? 8,
    duration: o.seconds,
    method: o.method ?? 'GET',
    ...(o.body ? { body: o.body } : {}),
    headers: o.headers ?? {},
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', RUNNER], {
      cwd: ROOT,
      env: { ...process.env, LOAD_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.on('error', fail);
    void o.until?.finally(() => child.kill('SIGINT'));
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`autocannon exited ${code}`));
      try {
        const r = JSON.parse(out) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number; max: number };
          errors: number;
          non2xx: number;
        };
        done({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          max: r.latency.max,
          total: r.requests.total,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      } catch (err) {
        fail(err);
      }
    });
  });
}

/** The kernel's peak resident set of a process, in MiB (VmHWM in /proc/<pid>/status). */
export function vmHwmMiB(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** `--quick` anywhere on the command line: small sizes so CI can run every bench on each change. */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

// HTTP load from a separate process (autocannon's CLI), so the client never caps the server being
// measured, and peak memory from the kernel's high-water mark (VmHWM) rather than a sampler that
// cannot run while the event loop is blocked.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const AUTOCANNON = resolve(ROOT, 'node_modules/autocannon/autocannon.js');

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
  seconds: number;
  connections?: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** Runs autocannon in its own process; resolves with its JSON summary. */
export function load(url: string, o: LoadOptions): Promise<Load> {
  const args = [AUTOCANNON, '-j', '-c', String(o.connections ?? 8), '-d', String(o.seconds)];
  if (o.method) args.push('-m', o.method);
  if (o.body) args.push('-b', o.body);
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.on('error', fail);
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

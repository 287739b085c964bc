// Check-ins per second through POST /api/v1/checkins on SQLite (the full path: key, zod, sites
// of the day, shift, spoofing checks, insert with its durable events), against the same run's
// raw insert rate of CheckIn rows as the baseline; then p99 latency at 300 requests/s offered.
// Load comes from autocannon in a separate process, so its work does not sit on the server's loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { convert } from '../../src/attendance/rules/index.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ROOT, TEST_TODAY, TEST_TZ } from '../helpers/test-db.js';
import type { Report } from './figure.js';
import { percentile, round } from './figure.js';

const RAW_ROWS = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Load {
  latencies: number[];
  failed: number;
  /** Failures by HTTP status or network error code. */
  statuses: Record<string, number>;
  seconds: number;
}

// The load generator runs in a worker thread with its own event loop (as the Slack ack bench
// does): closed-loop with `connections` in flight, or open-loop at `rate` requests per second.
const LOAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, key, body, seconds, connections, rate, prefix } = workerData;
let n = 0; let failed = 0; const latencies = []; const statuses = {};
async function one() {
  const id = prefix + (n++);
  const start = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + key, 'content-type': 'application/json' }, body: body.replace('[<id>]', id) });
    await res.arrayBuffer();
    if (res.status !== 201) { failed++; statuses[res.status] = (statuses[res.status] || 0) + 1; }
  } catch (e) { failed++; statuses[e.cause ? e.cause.code : 'error'] = (statuses[e.cause ? e.cause.code : 'error'] || 0) + 1; }
  latencies.push(performance.now() - start);
}
(async () => {
  const begin = performance.now();
  const until = begin + seconds * 1000;
  if (rate) {
    const inflight = [];
    for (let i = 0; performance.now() < until; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inflight.push(one());
    }
    await Promise.all(inflight);
  } else {
    await Promise.all(Array.from({ length: connections }, async () => { while (performance.now() < until) await one(); }));
  }
  parentPort.postMessage({ latencies, failed, statuses, seconds: (performance.now() - begin) / 1000 });
})();`;

function load(data: {
  url: string;
  key: string;
  body: string;
  seconds: number;
  connections: number;
  rate?: number;
  /** Client ids must differ between runs, or the second run measures the duplicate path. */
  prefix: string;
}) {
  return new Promise<Load>((resolve, reject) => {
    const worker = new Worker(LOAD, { eval: true, workerData: data });
    worker.once('message', (m: Load) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export default async function checkinBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-checkin-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const target = resolveDatabaseTarget(url, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.$executeRawUnsafe('DELETE FROM "InboundEvent"');
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await seedDemo(db, { today: TEST_TODAY, timeZone: TEST_TZ });

  // Today (the real clock) the employee is at a work order's site and has consented.
  const now = new Date();
  const site = await db.site.findUniqueOrThrow({ where: { code: 'SH-AT' } });
  const employee = await db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } });
  await db.workOrder.create({
    data: {
      externalId: 'WO-BENCH',
      title: 'bench',
      siteId: site.id,
      assigneeId: employee.id,
      status: 'IN_PROGRESS',
      openedAt: now,
      assignedAt: now,
    },
  });
  await db.consent.create({ data: { employeeId: employee.id, purpose: 'attendance.location', grantedAt: now } });

  // Baseline: raw inserts of the same rows, one at a time, in this run.
  const started = performance.now();
  for (let i = 0; i < RAW_ROWS; i++) {
    await db.checkIn.create({
      data: {
        employeeId: employee.id,
        siteId: site.id,
        kind: 'IN',
        method: 'IMPORT',
        at: now,
        lat: site.lat,
        lng: site.lng,
        datum: site.datum,
        accuracyM: 8,
        verdict: 'ACCEPTED',
        externalId: `raw-${i}`,
      },
    });
  }
  const rawRate = RAW_ROWS / ((performance.now() - started) / 1000);

  // The per-key rate limit (600/min by default) would be what is measured otherwise; 100,000/min is its maximum.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: '100000' });
  const app = await buildApp({ config, logger: pino({ level: 'silent' }), root: ROOT, db });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.server.address() as { port: number };
  const key = await app.apiKeys.create('bench', ['checkins:write']);
  const wgs = convert(site, site.datum, 'WGS84');
  const body = JSON.stringify({
    employee: employee.employeeNo,
    kind: 'IN',
    lat: wgs.lat,
    lng: wgs.lng,
    accuracyM: 8,
    at: new Date().toISOString(),
    id: '[<id>]',
  });
  const endpoint = `http://127.0.0.1:${port}/api/v1/checkins`;
  try {
    const probeStart = performance.now();
    const probe = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
      body: body.replace('[<id>]', 'probe'),
    });
    process.stderr.write(
      `checkin: probe ${probe.status} in ${round(performance.now() - probeStart)} ms ${(await probe.text()).slice(0, 200)}\n`,
    );
    process.stderr.write(`checkin: saturating for ${SECONDS} s\n`);
    const full = await load({
      url: endpoint,
      key: key.secret,
      body,
      seconds: SECONDS,
      connections: 16,
      prefix: 'sat-',
    });
    const rate = (full.latencies.length - full.failed) / full.seconds;
    if (full.failed)
      process.stderr.write(`checkin: ${full.failed} failed under saturation ${JSON.stringify(full.statuses)}\n`);
    process.stderr.write(
      `checkin: ${full.latencies.length - full.failed} check-ins stored in ${round(full.seconds)} s\n`,
    );
    report({
      name: 'checkin.http_per_second',
      value: round(rate, 0),
      unit: 'req/s',
      baseline: round(rawRate, 0),
      ratio: round(rate / rawRate, 2),
      target: '>= 1000/s (aim 2000/s, >= 0.3x raw insert)',
    });
    process.stderr.write(`checkin: 300/s offered for ${SECONDS} s\n`);
    const paced = await load({
      url: endpoint,
      key: key.secret,
      body,
      seconds: SECONDS,
      connections: 0,
      rate: 300,
      prefix: 'paced-',
    });
    if (paced.failed)
      process.stderr.write(`checkin: ${paced.failed} failed at 300/s ${JSON.stringify(paced.statuses)}\n`);
    const sorted = [...paced.latencies].sort((x, y) => x - y);
    report({ name: 'checkin.p99_at_300rps', value: round(percentile(sorted, 99)), unit: 'ms', target: '<= 25 ms' });
    report({ name: 'checkin.p50_at_300rps', value: round(percentile(sorted, 50)), unit: 'ms' });
  } finally {
    await app.close();
  }
}

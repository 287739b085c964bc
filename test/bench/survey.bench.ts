// The customer's survey page (issue 11): bytes on first load (the HTML is the whole page: CSS
// and script inline, no other request) and the latency of a submit, from a separate thread,
// one customer at a time and 20 at once, each from its own loopback address (the page
// rate-limits one address). A submit verifies the token, checks integrity, stores the answer
// and spends the link in one transaction, and emits survey.answered and record.changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { completeWorkOrder } from '../../src/demo/complete-work-order.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ROOT, TEST_TODAY, TEST_TZ } from '../helpers/test-db.js';
import { percentile, type Report, round } from './figure.js';

const SEQUENTIAL = 100;
const CONCURRENT = 20;
const ROUNDS = 5;

interface Shot {
  port: number;
  path: string;
  method: 'GET' | 'POST';
  body?: string;
  from: string;
}

const LOAD = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
function one(s) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request({ host: '127.0.0.1', port: s.port, path: s.path, method: s.method, localAddress: s.from,
      agent: false, headers: s.body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(s.body),
      'user-agent': 'Mozilla/5.0 (Linux; Android 13) Mobile', 'accept-language': 'zh-CN' } : { 'accept-language': 'zh-CN' } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => res.statusCode === 200 ? resolve({ ms: performance.now() - start, bytes }) : reject(new Error('HTTP ' + res.statusCode)));
    });
    req.on('error', reject);
    if (s.body) req.write(s.body);
    req.end();
  });
}
parentPort.on('message', async ({ shots, parallel }) => {
  try {
    const out = [];
    if (parallel) out.push(...await Promise.all(shots.map(one)));
    else for (const s of shots) out.push(await one(s));
    parentPort.postMessage({ out });
  } catch (err) { parentPort.postMessage({ error: String(err) }); }
});`;

function run(worker: Worker, shots: Shot[], parallel: boolean): Promise<{ ms: number; bytes: number }[]> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { out?: { ms: number; bytes: number }[]; error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve(m.out ?? []),
    );
    worker.postMessage({ shots, parallel });
  });
}

export default async function surveyBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-survey-'));
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
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url });
  // The links are issued "an hour ago", so no answer is flagged as too fast.
  const app = await buildApp({ config, logger: pino({ level: 'silent' }), root: ROOT, db });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.addresses()[0] as { port: number }).port;
  const worker = new Worker(LOAD, { eval: true });

  try {
    const total = SEQUENTIAL + CONCURRENT * ROUNDS + 1;
    const engineers = ['emp_liming', 'emp_zhangwei', 'emp_liuyang', 'emp_chenjie'];
    const issuedAt = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < total; i++) {
      const order = await db.workOrder.create({
        data: {
          externalId: `WO-BENCH-${i}`,
          title: '常规保养与检测',
          siteId: 'site_sh_anting',
          assigneeId: engineers[i % engineers.length] as string,
          status: 'IN_PROGRESS',
          openedAt: issuedAt,
        },
      });
      await completeWorkOrder(db, app.kit.records, order.id, issuedAt);
    }
    await app.events.drain();
    await db.surveyInvitation.updateMany({ where: { code: { not: null } }, data: { sentAt: issuedAt } });
    const invitations = await db.surveyInvitation.findMany({
      where: { code: { not: null } },
      select: { code: true, expiresAt: true },
    });
    const paths = invitations.map((inv) => `/s/${app.kit.links.sign('survey', inv.code as string, inv.expiresAt)}`);
    process.stderr.write(`${paths.length} survey links issued\n`);
    const from = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

    const [first] = await run(worker, [{ port, path: paths[0] as string, method: 'GET', from: from(0) }], false);
    const html = await app.server.inject({
      method: 'GET',
      url: paths[0] as string,
      headers: { 'accept-language': 'zh-CN' },
    });
    report({ name: 'survey.page.bytes', value: first?.bytes ?? 0, unit: 'B', target: '<= 15360 (aim), <= 30720' });
    report({ name: 'survey.page.gzip.bytes', value: gzipSync(html.rawPayload).length, unit: 'B' });
    const pages = await run(
      worker,
      paths.slice(1, 101).map((path, i) => ({ port, path, method: 'GET', from: from(i) })),
      false,
    );
    const pageMs = pages.map((p) => p.ms).sort((a, b) => a - b);
    report({ name: 'survey.page.p50', value: round(percentile(pageMs, 50)), unit: 'ms' });

    const form = (i: number) =>
      `lang=zh-CN&csat=${1 + (i % 5)}&nps=${i % 11}&tags=punctual&comment=${encodeURIComponent('师傅很专业')}`;
    const sequential = await run(
      worker,
      paths.slice(1, 1 + SEQUENTIAL).map((path, i) => ({ port, path, method: 'POST', body: form(i), from: from(i) })),
      false,
    );
    const seqMs = sequential.map((s) => s.ms).sort((a, b) => a - b);
    report({ name: 'survey.submit.p50', value: round(percentile(seqMs, 50)), unit: 'ms' });
    report({ name: 'survey.submit.p99', value: round(percentile(seqMs, 99)), unit: 'ms' });

    const concurrentMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const start = 1 + SEQUENTIAL + r * CONCURRENT;
      const shots = paths
        .slice(start, start + CONCURRENT)
        .map((path, i) => ({ port, path, method: 'POST' as const, body: form(i), from: from(start + i) }));
      concurrentMs.push(...(await run(worker, shots, true)).map((s) => s.ms));
    }
    concurrentMs.sort((a, b) => a - b);
    report({ name: `survey.submit.c${CONCURRENT}.p50`, value: round(percentile(concurrentMs, 50)), unit: 'ms' });
    report({ name: `survey.submit.c${CONCURRENT}.p99`, value: round(percentile(concurrentMs, 99)), unit: 'ms' });
    const stored = await db.surveyAnswer.count({ where: { invitation: { code: { not: null } } } });
    process.stderr.write(`answers stored: ${stored} of ${SEQUENTIAL + CONCURRENT * ROUNDS}\n`);
  } finally {
    await worker.terminate();
    await app.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

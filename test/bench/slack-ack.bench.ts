// Slack ack latency: 200 concurrent, correctly signed message events (distinct ids, so each
// is stored, acked, then run through the bot and the outbox to a local API stand-in),
// against GET /healthz under the same load as the baseline. Slack retries after 3 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { signSlackRequest } from '../../adapters/slack/verify.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { seedDemo } from '../../src/demo/seed.js';
import { eventBody, SIGNING_SECRET, slackEnv } from '../fixtures/slack/requests.js';
import { startSlackStandIn } from '../fixtures/slack/stand-in.js';
import { ROOT, TEST_TODAY, TEST_TZ } from '../helpers/test-db.js';
import { percentile, type Report, round } from './figure.js';

const CONCURRENCY = 200;
const ROUNDS = 10;

interface Shot {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

// The load generator runs in its own thread, so its fetch work does not sit on the event
// loop whose latency is being measured.
const LOAD = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async (shots) => {
  const times = await Promise.all(shots.map(async (s) => {
    const start = performance.now();
    const res = await fetch(s.url, { method: s.method, headers: s.headers, body: s.body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('unexpected HTTP ' + res.status);
    return performance.now() - start;
  }));
  parentPort.postMessage(times);
});`;

function timed(worker: Worker, shots: Shot[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    worker.once('error', fail);
    worker.once('message', (times: number[]) => {
      worker.off('error', fail);
      resolve(times);
    });
    worker.postMessage(shots);
  });
}

export default async function slackAck(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-slack-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const target = resolveDatabaseTarget(url, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  // The migrator's connection can hold the write lock a little longer than it runs; wait
  // until a write goes through, then seed (a scratch database, so no transaction needed).
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
  const identity = await db.chatIdentity.findFirstOrThrow({ where: { employeeId: 'emp_liming', platform: 'SLACK' } });

  const slack = await startSlackStandIn();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, ...slackEnv(slack.url) });
  const app = await buildApp({ config, logger: pino({ level: 'silent' }), root: ROOT, db });
  // Time inside Fastify (request parsed → response sent), to tell handler cost from queueing.
  const handler: number[] = [];
  app.server.addHook('onResponse', async (request, reply) => {
    if (request.url === '/slack/events') handler.push(reply.elapsedTime);
  });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.addresses()[0] as { port: number } | undefined;
  const base = `http://127.0.0.1:${address?.port}`;

  const worker = new Worker(LOAD, { eval: true });
  let sequence = 0;
  const slackRequest = (): Shot => {
    sequence += 1;
    const body = JSON.stringify(
      eventBody('message-im.json', `EvBENCH${sequence}`, {
        user: identity.platformUserId,
        channel: `DBENCH${sequence}`,
      }),
    );
    const timestamp = String(Math.floor(Date.now() / 1000));
    return {
      url: `${base}/slack/events`,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, timestamp, body),
      },
      body,
    };
  };
  const health = (): Shot => ({ url: `${base}/healthz`, method: 'GET' });

  try {
    await timed(worker, Array.from({ length: CONCURRENCY }, slackRequest)); // warm-up
    await timed(worker, Array.from({ length: CONCURRENCY }, health));
    const acks: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      acks.push(...(await timed(worker, Array.from({ length: CONCURRENCY }, slackRequest))));
      baseline.push(...(await timed(worker, Array.from({ length: CONCURRENCY }, health))));
      process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
    }
    acks.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    for (const p of [50, 99] as const) {
      const value = percentile(acks, p);
      report({
        name: `slack.ack.p${p}`,
        value: round(value),
        unit: 'ms',
        baseline: round(percentile(baseline, p)),
        ratio: round(value / percentile(baseline, p)),
        ...(p === 99 ? { target: '<= 100' } : {}),
      });
    }
    handler.sort((a, b) => a - b);
    report({ name: 'slack.ack.handler.p99', value: round(percentile(handler, 99)), unit: 'ms' });
    process.stderr.write(`${acks.length} acks, max ${round(acks.at(-1) ?? 0)} ms\n`);
    const sent = await db.outboxMessage.count({ where: { platform: 'SLACK', status: 'SENT' } });
    process.stderr.write(`replies sent to the stand-in before shutdown: ${sent}\n`);
  } finally {
    await worker.terminate();
    await app.close();
    await db.$disconnect();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

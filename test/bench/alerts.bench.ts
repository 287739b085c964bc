// An alert storm (issue 15): 1,000 alerts raised within one minute across 20 team group chats,
// each a WeCom group robot that takes 20 messages per minute. A local stand-in answers errcode
// 45009 whenever more than 20 messages reach one robot within any window, like WeCom
// (https://developer.work.weixin.qq.com/document/path/91770).
//
// Real time, not scaled: the storm is raised over one minute in 20 batches of 50 (one every 3 s),
// waiting alerts are looked at every 10 s as in production (and on every raise), the stand-in and
// the adapter's limiter count 20 messages per 60 s per robot. Scaling the minute down (as
// outbox-robot.bench.ts does) was tried: on this shared machine a single query takes ~9 ms, so at
// 3 s or 15 s per "minute" our own database work, not the limit, decided the figures.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createWecomAdapter } from '../../adapters/wecom/index.js';
import { createAlertEngine } from '../../src/alerts/engine.js';
import { alerts } from '../../src/alerts/index.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { FEATURES } from '../../src/features.js';
import { ROOT } from '../helpers/test-db.js';
import { type Report, round } from './figure.js';

const ALERTS = 1000;
const CHATS = 20;
const PER_WINDOW = 20;
const WINDOW_MS = 60_000;
const SCALE = 60_000 / WINDOW_MS;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function robots() {
  const arrivals = new Map<string, number[]>();
  let rejections = 0;
  let accepted = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key') ?? '';
      const now = performance.now();
      const mine = arrivals.get(key) ?? [];
      const over = mine.filter((t) => t > now - WINDOW_MS).length >= PER_WINDOW;
      mine.push(now);
      arrivals.set(key, mine);
      if (over) rejections += 1;
      else accepted += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(over ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ rejections, accepted }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-alerts-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const target = resolveDatabaseTarget(url, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  const stand = await robots();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    WECOM_CORP_ID: 'wwbench',
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 's',
    WECOM_TOKEN: 't',
    WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    WECOM_API_BASE: stand.base,
  });
  const logger = pino({ level: 'silent' });
  const wecom = config.wecom;
  if (!wecom) throw new Error('WeCom config missing');
  // Noon in Shanghai: no quiet hours. The alerts feature is driven by hand with a scaled window.
  const app = await buildApp({
    config,
    logger,
    root: ROOT,
    db,
    adapters: [
      createWecomAdapter({ config: wecom, logger, robotRate: { perWindow: PER_WINDOW, windowMs: WINDOW_MS } }),
    ],
    features: FEATURES.filter((f) => f !== alerts),
  });
  try {
    await db.department.create({ data: { id: 'dept', code: 'dept', name: 'Bench' } });
    for (let i = 0; i < CHATS; i++) {
      await db.team.create({ data: { id: `team${i}`, code: `t${i}`, name: `班组 ${i}`, departmentId: 'dept' } });
      await db.employee.create({
        data: { id: `emp${i}`, employeeNo: `B${i}`, name: `员工${i}`, teamId: `team${i}`, hireDate: '2025-01-01' },
      });
      await db.groupChat.create({
        data: {
          platform: 'WECOM',
          platformChatId: `robot${i}`,
          name: `群 ${i}`,
          teamId: `team${i}`,
          webhookUrl: `${stand.base}/cgi-bin/webhook/send?key=chat${i}`,
        },
      });
    }
    await db.alertRuleSetting.create({
      data: { scope: 'company', rule: 'delivery', params: { quietStart: 0, quietEnd: 0 } },
    });
    const engine = createAlertEngine(app.kit, { windowMs: WINDOW_MS });
    app.outbox.start(50);
    let pumping = true;
    const pumper = (async () => {
      while (pumping) {
        await engine.pump();
        await new Promise((r) => setTimeout(r, 10_000));
      }
    })();

    const t0 = performance.now();
    const raisedAt = new Map<string, number>();
    const BATCH = 50;
    for (let b = 0; b < ALERTS / BATCH; b++) {
      const due = t0 + (b * WINDOW_MS) / (ALERTS / BATCH);
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await Promise.all(
        Array.from({ length: BATCH }, async (_, j) => {
          const i = b * BATCH + j;
          // One in ten critical.
          await engine.raise({
            rule: 'checkIn.flagged',
            decision: {
              key: `storm-${i}`,
              severity: i % 10 === 0 ? 'critical' : 'warning',
              evidence: { flags: 'bench' },
            },
            employeeId: `emp${i % CHATS}`,
          });
          raisedAt.set(`checkIn.flagged:storm-${i}`, performance.now());
        }),
      );
    }
    const raisedS = (performance.now() - t0) / 1000;
    log(`raised ${ALERTS} alerts in ${round(raisedS, 2)} s (scaled minute: ${WINDOW_MS / 1000} s)`);

    // Wait until every alert is on a sent message (or a scaled 5 minutes pass).
    const deadline = performance.now() + 3 * WINDOW_MS;
    let delivered = 0;
    const sentAt = new Map<string, number>();
    while (performance.now() < deadline) {
      const rows = await db.alert.findMany({
        where: { digestKey: { not: null } },
        select: { dedupeKey: true, digestKey: true },
      });
      const sent = await db.outboxMessage.findMany({
        where: { status: 'SENT', dedupeKey: { startsWith: 'notify:alerts' } },
        select: { dedupeKey: true },
      });
      const sentKeys = new Set(sent.map((s) => s.dedupeKey?.slice('notify:'.length)));
      const now = performance.now();
      for (const r of rows)
        if (sentKeys.has(r.digestKey as string) && !sentAt.has(r.dedupeKey)) sentAt.set(r.dedupeKey, now);
      delivered = sentAt.size;
      if (delivered >= ALERTS) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    pumping = false;
    await pumper;
    await app.outbox.stop();
    const delays = [...sentAt].map(([key, at]) => (at - (raisedAt.get(key) ?? at)) * SCALE);
    const latest = Math.max(0, ...delays) / 1000;
    const messages = await db.outboxMessage.count({ where: { status: 'SENT', platform: 'WECOM' } });
    const perMessage = await db.alert.groupBy({ by: ['digestKey'], _count: true });
    const onTwo = (await db.alert.count({ where: { digestKey: null } })) + 0;
    const { rejections } = stand.stats();
    log(
      `${delivered}/${ALERTS} delivered on ${messages} messages (${perMessage.length} cards), ${rejections} rejections`,
    );
    report({ name: 'alerts.storm.rejections', value: rejections, unit: 'count', target: '0' });
    report({ name: 'alerts.storm.delivered', value: delivered, unit: `of ${ALERTS}`, target: `${ALERTS}` });
    report({ name: 'alerts.storm.undelivered', value: onTwo, unit: 'alerts', target: '0' });
    report({
      name: 'alerts.storm.messages',
      value: messages,
      unit: `to ${CHATS} chats`,
      target: `<= ${CHATS * PER_WINDOW * 5}`,
    });
    report({
      name: 'alerts.storm.latest_delay',
      value: round(latest, 1),
      unit: `s (real time; measured × ${SCALE})`,
      target: '<= 120 (aim <= 60)',
    });
  } finally {
    await app.close();
    await stand.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

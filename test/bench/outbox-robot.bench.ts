// Outbox throughput to one WeCom group robot under its limit (20 messages per minute per robot,
// https://developer.work.weixin.qq.com/document/path/91770). A local stand-in answers errcode
// 45009 whenever more than 20 messages arrive within any window, like WeCom.
//
// Scaling: a real minute would make 60 messages take 2+ minutes, so the window is 3 s in both the
// stand-in and the adapter's limiter (robotRate option): 20× faster. The limiter logic does not
// depend on the window's length, so "0 rejections" carries over; divide delivered/s by 20 for the
// real robot (20 per minute sustained). Shorter windows (600 ms) also pass with 0 rejections but
// then our per-message database work, not the limit, dominates the rate.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { createWecomAdapter } from '../../adapters/wecom/index.js';
import { makeCard } from '../../cards/card.js';
import type { Adapter } from '../../src/bot/adapter.js';
import type { PlatformName } from '../../src/bot/event.js';
import { Outbox } from '../../src/bot/outbox.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import type { Report } from './figure.js';
import { round } from './figure.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MESSAGES = 60;
const PER_WINDOW = 20;
const WINDOW_MS = 3000;

async function robotStandIn(limitWindow: boolean) {
  const arrivals: number[] = [];
  let rejections = 0;
  let accepted = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const now = performance.now();
      const recent = arrivals.filter((t) => t > now - WINDOW_MS).length;
      arrivals.push(now);
      const over = limitWindow && recent >= PER_WINDOW;
      if (over) rejections += 1;
      else accepted += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(over ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 0, errmsg: 'ok' }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=bench`;
  return {
    url,
    stats: () => ({ rejections, accepted }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-robot-'));
  const target = resolveDatabaseTarget(`file:${join(dir, 'bench.db')}`, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  const logger = pino({ level: 'silent' });
  const card = makeCard({
    title: '告警：响应超时',
    tone: 'danger',
    blocks: [{ type: 'text', text: '工单 #1024 超过 30 分钟未响应。' }],
  });
  const config = {
    corpId: 'wwbench',
    agentId: '1000002',
    secret: 's',
    token: 't',
    encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    apiBase: 'http://127.0.0.1:9',
  };
  try {
    // Baseline: the same adapter, limiter opened wide, to a stand-in that never refuses.
    const open = await robotStandIn(false);
    await db.groupChat.create({
      data: { id: 'gc_open', platform: 'WECOM', platformChatId: 'open', name: 'open', webhookUrl: open.url },
    });
    const unthrottled = createWecomAdapter({
      config,
      logger,
      robotRate: { perWindow: 1_000_000, windowMs: 1 },
    });
    const native = unthrottled.render(card, 'zh-CN');
    let t0 = performance.now();
    for (let i = 0; i < MESSAGES; i += 1)
      await unthrottled.send({ kind: 'webhook', groupChatId: 'gc_open', url: open.url }, native);
    const baseline = MESSAGES / ((performance.now() - t0) / 1000);
    await open.close();

    const limited = await robotStandIn(true);
    await db.groupChat.create({
      data: { id: 'gc_bench', platform: 'WECOM', platformChatId: 'bench', name: 'bench', webhookUrl: limited.url },
    });
    const adapter = createWecomAdapter({
      config,
      logger,
      robotRate: { perWindow: PER_WINDOW, windowMs: WINDOW_MS },
    });
    const adapters = new Map<PlatformName, Adapter>([['wecom', adapter]]);
    const outbox = new Outbox({ db, logger, adapters, now: () => new Date() });
    for (let i = 0; i < MESSAGES; i += 1) {
      await outbox.enqueue({
        platform: 'wecom',
        to: { kind: 'webhook', groupChatId: 'gc_bench', url: limited.url },
        card,
        locale: 'zh-CN',
      });
    }
    t0 = performance.now();
    for (;;) {
      await outbox.drain();
      const open = await db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
      if (open === 0 || performance.now() - t0 > 60_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - t0) / 1000;
    const sent = await db.outboxMessage.count({ where: { status: 'SENT', target: 'webhook:gc_bench' } });
    const { rejections } = limited.stats();
    await limited.close();
    process.stderr.write(`${sent}/${MESSAGES} sent in ${round(seconds, 3)} s; ${rejections} rejections\n`);
    const rate = sent / seconds;
    report({
      name: 'wecom.robot.outbox.delivered_per_s',
      value: round(rate),
      unit: '/s (window scaled 60 s → 3 s)',
      baseline: round(baseline),
      ratio: round(rate / baseline, 3),
      target: `>= ${round((0.95 * PER_WINDOW * 1000) / WINDOW_MS)} (95% of ${PER_WINDOW} per ${WINDOW_MS} ms)`,
    });
    report({ name: 'wecom.robot.outbox.rejections', value: rejections, unit: 'count', target: '0 rejections' });
    report({ name: 'wecom.robot.outbox.delivered', value: sent, unit: `of ${MESSAGES}`, target: `${MESSAGES}` });
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

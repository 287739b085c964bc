// Issue 8, finding 6: the server is killed (SIGKILL) while replies are in flight to slow platform
// stand-ins, then restarted on the same database. Every reply must arrive, and on Slack and WeCom
// exactly once; DingTalk's robot APIs have no idempotency key, so its count is reported, not required.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { callbackXml, signedPost, wecomEnv } from '../adapters/wecom/callbacks.js';
import { makeRobotMessage, signedHeaders } from '../fixtures/dingtalk/messages.js';
import { eventBody, signedRequest, slackEnv } from '../fixtures/slack/requests.js';
import { freePort } from '../helpers/free-port.js';
import { cloneTemplate, ROOT } from '../helpers/test-db.js';
import { count, startSlowDingtalk, startSlowSlack, startSlowWecom } from './slow-stand-ins.js';

const PER_PLATFORM = 17;
const DING_SECRET = 'dingtalk-app-secret-crash-test';

const slack = await startSlowSlack();
const wecom = await startSlowWecom();
const dingtalk = await startSlowDingtalk();
const database = await cloneTemplate();
const db = openDb(database.target);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db.$disconnect();
  await Promise.all([slack.close(), wecom.close(), dingtalk.close()]);
  await database.drop();
});

const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NODE_ENV: 'production',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: database.url,
  DEMO_SEED: 'never',
  LOG_LEVEL: 'warn',
  ...slackEnv(slack.url),
  ...wecomEnv(wecom.url),
  DINGTALK_CLIENT_ID: 'dingcrashclient',
  DINGTALK_CLIENT_SECRET: DING_SECRET,
  DINGTALK_ROBOT_CODE: 'dingcrashrobot',
  DINGTALK_API_BASE: dingtalk.url,
};

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await until('the server to start', () => out.includes('Kaopu is running') || child.exitCode !== null, 90_000);
  if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
  return { child, output: () => out };
}

async function identities(platform: 'SLACK' | 'WECOM' | 'DINGTALK'): Promise<string[]> {
  const rows = await db.chatIdentity.findMany({ where: { platform }, orderBy: { platformUserId: 'asc' } });
  return rows.map((r) => r.platformUserId).slice(0, PER_PLATFORM);
}

async function post(request: { url: string; headers: Record<string, string>; payload: string }) {
  const res = await fetch(`${base}${request.url}`, { method: 'POST', headers: request.headers, body: request.payload });
  if (res.status !== 200) throw new Error(`${request.url} answered ${res.status}`);
}

function slackHelp(user: string, i: number) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(i).padStart(6, '0')}`;
  return post(
    signedRequest(eventBody('message-im.json', `EvCRASH${i}`, { user, channel: `D${user}`, text: 'help', ts })),
  );
}

function wecomHelp(user: string) {
  const now = Math.floor(Date.now() / 1000);
  return post(signedPost(callbackXml('text', { from: user, content: 'help', time: String(now) }), { timestamp: now }));
}

function dingtalkHelp(staffId: string, i: number) {
  const message = makeRobotMessage({ staffId, text: 'help', msgId: `msgcrash${i}` });
  // Distinct timestamps: one (timestamp, sign) pair is accepted once.
  const headers = signedHeaders(DING_SECRET, new Date(Date.now() + i));
  return post({ url: '/dingtalk/callback', headers, payload: JSON.stringify(message) });
}

const unfinished = () => db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });

describe('a crash with sends in flight', () => {
  it('loses no reply and sends none twice on Slack and WeCom after a restart', { timeout: 240_000 }, async () => {
    const users = {
      slack: await identities('SLACK'),
      wecom: await identities('WECOM'),
      ding: await identities('DINGTALK'),
    };
    expect([users.slack.length, users.wecom.length, users.ding.length]).toEqual([17, 17, 17]);
    for (const standIn of [slack, wecom, dingtalk]) standIn.stall(true);
    const first = await startServer();
    const exited = once(first.child, 'exit');
    // Round by round, so the replies queue interleaved and every platform soon has sends in flight.
    for (let i = 0; i < PER_PLATFORM; i++) {
      await Promise.all([
        slackHelp(users.slack[i] as string, i),
        wecomHelp(users.wecom[i] as string),
        dingtalkHelp(users.ding[i] as string, i),
      ]);
    }
    const events = users.slack.length + users.wecom.length + users.ding.length;
    await until('every reply queued', async () => (await db.outboxMessage.count()) >= events, 30_000);
    await until(
      'sends in flight on every platform',
      () => [slack, wecom, dingtalk].every((p) => p.inFlight() > 0),
      30_000,
    );

    first.child.kill('SIGKILL');
    await exited;
    const interrupted = await db.outboxMessage.count({ where: { status: 'SENDING' } });
    // The restart applies migrations, which wants the SQLite file to itself for a moment.
    await db.$disconnect();

    for (const standIn of [slack, wecom, dingtalk]) standIn.stall(false);
    const second = await startServer();
    await until('the outbox to drain', async () => (await unfinished()) === 0, 60_000);
    await until(
      'the stand-ins to answer',
      () => slack.inFlight() + wecom.inFlight() + dingtalk.inFlight() === 0,
      10_000,
    );
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');

    const counts = {
      slack: count(
        slack.delivered,
        users.slack.map((u) => `D${u}`),
      ),
      wecom: { ...count(wecom.delivered, users.wecom), absorbedByWecom: wecom.dropped.length },
      dingtalk: count(dingtalk.delivered, users.ding),
    };
    process.stdout.write(
      `crash-duplicates: ${events} events, ${interrupted} sends interrupted: ${JSON.stringify(counts)}\n`,
    );

    expect(interrupted).toBeGreaterThan(0);
    expect(await db.outboxMessage.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect([counts.slack.lost, counts.slack.duplicates]).toEqual([0, 0]);
    expect([counts.wecom.lost, counts.wecom.duplicates]).toEqual([0, 0]);
    expect(counts.dingtalk.lost).toBe(0);
  });
});

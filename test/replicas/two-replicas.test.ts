// Two Kaopu processes (the compiled build, as production runs it) on one PostgreSQL and one
// Redis, behind a local stand-in for the Slack Web API that records every call. What a company
// running two replicas would notice if it went wrong: an event answered twice, a message sent
// twice, a channel flooded past Slack's one-message-a-second, a nightly job run twice.
// PostgreSQL and Redis are the ones on these machines (CI starts both), whichever database the
// rest of the suite is running on.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, eventBody, SIGNING_SECRET, signedRequest } from '../fixtures/slack/requests.js';
import { freePort } from '../helpers/free-port.js';
import { ROOT } from '../helpers/test-db.js';

const PG_URL = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgresql://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONSOLE_TOKEN = `replicas-${randomBytes(12).toString('hex')}`;
const RUN = randomBytes(4).toString('hex');
const database = `kaopu_replicas_${RUN}`;

interface SlackCall {
  method: string;
  channel?: string;
  at: number;
}

/** The Slack Web API as two replicas see it: every call recorded, chat.postMessage answered with a ts. */
function slackStandIn(calls: SlackCall[]): Server {
  let ts = 0;
  return createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(raw || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const channel = typeof body.channel === 'string' ? body.channel : undefined;
    calls.push({ method, channel, at: Date.now() });
    res.setHeader('content-type', 'application/json');
    if (method === 'chat.postMessage') {
      ts += 1;
      res.end(JSON.stringify({ ok: true, channel, ts: `1764400000.${String(ts).padStart(6, '0')}` }));
    } else if (method === 'conversations.history') {
      res.end(JSON.stringify({ ok: true, messages: [], has_more: false }));
    } else if (method === 'conversations.open') {
      res.end(JSON.stringify({ ok: true, channel: { id: `D${String(body.users ?? 'X')}` } }));
    } else if (method === 'users.info') {
      res.end(JSON.stringify({ ok: true, user: { id: body.user, profile: {} } }));
    } else {
      res.end(JSON.stringify({ ok: true }));
    }
  });
}

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  output: string[];
}

async function startReplica(name: string, slackPort: number): Promise<Replica> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl(database),
      REDIS_URL,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      CONSOLE_TOKEN,
      LINK_SIGNING_SECRET: `replicas-link-secret-${RUN}-0123456789abcdef`,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api`,
      // Every second, so both replicas try the same run key many times while the test runs.
      JOB_SCHEDULES: 'payroll.late-records=* * * * * *',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${output.join('')}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { name, port, child, output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} not ready in time:\n${output.join('')}`);
}

function dbUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl(database) });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function postEvent(replica: Replica, body: Record<string, unknown>): Promise<number> {
  const request = signedRequest(body);
  const res = await fetch(`http://127.0.0.1:${replica.port}${request.url}`, {
    method: 'POST',
    headers: request.headers,
    body: request.payload,
  });
  await res.arrayBuffer();
  return res.status;
}

async function scrape(replica: Replica, sample: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${replica.port}/metrics`, {
    headers: { authorization: `Bearer ${CONSOLE_TOKEN}` },
  });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? 0 : Number(line.slice(sample.length + 1));
}

/** Waits until `done()` holds or the time runs out; the assertions after it say what was wrong. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

const calls: SlackCall[] = [];
const slack = slackStandIn(calls);
let a: Replica;
let b: Replica;
const postsTo = (channel: string) => calls.filter((c) => c.method === 'chat.postMessage' && c.channel === channel);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'ignore' });
  await admin(`CREATE DATABASE "${database}"`);
  slack.listen(0, '127.0.0.1');
  await once(slack, 'listening');
  const slackPort = (slack.address() as { port: number }).port;
  // The first replica migrates and seeds; the second joins a database that is already current,
  // which is how a rolling deployment scales out.
  a = await startReplica('replica A', slackPort);
  b = await startReplica('replica B', slackPort);
}, 600_000);

afterAll(async () => {
  for (const r of [a, b]) if (r && r.child.exitCode === null) r.child.kill('SIGKILL');
  slack.close();
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}, 60_000);

describe('two replicas on one PostgreSQL and one Redis', () => {
  it('answers an event Slack delivered to both replicas exactly once', async () => {
    const body = eventBody('message-im.json', `EvREPL${RUN}`, {
      user: 'U0REPL0001',
      text: 'help',
      channel: 'D0REPL0001',
    });
    const statuses = await Promise.all([
      postEvent(a, body),
      postEvent(b, body),
      postEvent(a, body),
      postEvent(b, body),
    ]);
    expect(statuses).toEqual([200, 200, 200, 200]);
    await until(() => postsTo('D0REPL0001').length >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 3_000)); // time for a second, wrong answer to arrive
    expect(postsTo('D0REPL0001')).toHaveLength(1);
  }, 120_000);

  it('sends each queued message once while both replicas deliver the outbox', async () => {
    const channels = Array.from({ length: 16 }, (_, i) => `D0REPLQ${String(i).padStart(3, '0')}`);
    await Promise.all(
      channels.map((channel, i) =>
        postEvent(
          i % 2 ? a : b,
          eventBody('message-im.json', `EvREPLQ${RUN}${i}`, { user: `U0REPLQ${i}`, text: 'help', channel }),
        ),
      ),
    );
    await until(() => channels.every((c) => postsTo(c).length >= 1), 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(channels.map((c) => postsTo(c).length)).toEqual(channels.map(() => 1));
    const unsent = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status <> 'SENT' AND platform = 'SLACK'`,
    );
    expect(unsent[0]?.n).toBe(0);
  }, 120_000);

  it("holds Slack's one message a second per channel across both replicas", async () => {
    const channel = 'C0REPLRATE';
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postEvent(i % 2 ? a : b, eventBody('app-mention.json', `EvREPLR${RUN}${i}`, { user: `U0REPLR${i}`, channel })),
      ),
    );
    await until(() => postsTo(channel).length >= 6, 60_000);
    const times = postsTo(channel)
      .map((c) => c.at)
      .sort((x, y) => x - y);
    expect(times.length).toBeGreaterThanOrEqual(6);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // Bottleneck's minTime through Redis spaces the sends a second apart; what reaches the stand-in
    // carries the network's and a busy machine's jitter. Without the shared limiter both replicas
    // post within the same few milliseconds.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(700);
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThanOrEqual((times.length - 1) * 950);
  }, 120_000);

  it('runs a scheduled job once per run key though both replicas fire it every second', async () => {
    await new Promise((r) => setTimeout(r, 3_000));
    const runs = await query<{ runKey: string; status: string }>(
      `SELECT "runKey", status FROM "JobRun" WHERE job = 'payroll.late-records'`,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe('done');
    const counted = await Promise.all(
      [a, b].map((r) => scrape(r, 'kaopu_job_runs_total{job="payroll.late-records",outcome="done"}')),
    );
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(1);
  }, 60_000);

  it('stops each replica cleanly on SIGTERM', async () => {
    const exits = [a, b].map((r) => once(r.child, 'exit'));
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes).toEqual([0, 0]);
  }, 60_000);
});

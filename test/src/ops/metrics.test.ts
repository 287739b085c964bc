// GET /metrics as an operator's Prometheus sees it: guarded like the console, and each figure
// moves when the thing it counts happens (a 429 from Slack, a retried event, a job run).
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCard } from '../../../cards/card.js';
import { eventBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const API = 'https://slack-metrics.test';
const TOKEN = 'console-token-for-metrics-test-0123456789';
let clock = new Date(TEST_TODAY);
const app = await startTestApp({
  env: { ...slackEnv(`${API}/api`), CONSOLE_TOKEN: TOKEN },
  now: () => clock,
});

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function scrape(): Promise<string> {
  const res = await app.server.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  return res.body;
}

/** The value of one sample, e.g. value(text, 'kaopu_sends_total{platform="slack",outcome="ok"}'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('GET /metrics', () => {
  it('refuses a scrape without the console token', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('kaopu_');
  });

  it('counts a Slack 429 and the send that followed, and shows the queue meanwhile', async () => {
    nock(API)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '5' })
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, channel: 'C0METRIC1', ts: '1763438400.000100' });
    const card = makeCard({ title: 'Reminder', blocks: [{ type: 'text', text: 'Check in before 09:00.' }] });
    const id = await app.outbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0METRIC1' },
      card,
      locale: 'en',
    });
    await app.outbox.drain();
    // The row has waited two minutes by the database's clock, which stamps createdAt.
    await app.db.outboxMessage.update({ where: { id: id ?? '' }, data: { createdAt: new Date(Date.now() - 120_000) } });

    clock = new Date(clock.getTime() + 60_000);
    const waiting = await scrape();
    expect(value(waiting, 'kaopu_platform_429_total{platform="slack"}')).toBe(1);
    expect(value(waiting, 'kaopu_sends_total{platform="slack",outcome="rate_limited"}')).toBe(1);
    expect(value(waiting, 'kaopu_outbox_messages{platform="slack",status="PENDING"}')).toBeGreaterThanOrEqual(1);
    expect(value(waiting, 'kaopu_outbox_oldest_pending_seconds{platform="slack"}')).toBeGreaterThanOrEqual(120);

    await app.outbox.drain();
    const sent = await scrape();
    expect(value(sent, 'kaopu_sends_total{platform="slack",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(sent, 'kaopu_outbox_messages{platform="slack",status="PENDING"}')).toBeUndefined();
    expect(nock.isDone()).toBe(true);
  });

  it('counts a Slack event once as accepted and its retry as a duplicate', async () => {
    nock(API).persist().post(/.*/).reply(200, { ok: true, channel: 'D0KAOPUDM1', ts: '1763438400.000200' });
    const body = eventBody('message-im.json', 'EvMETRICS1', { user: 'U0UNKNOWN9', text: 'help' });
    for (let i = 0; i < 2; i++) {
      const res = await app.server.inject(signedRequest(body));
      expect(res.statusCode).toBe(200);
    }
    await app.pipeline.idle();
    const text = await scrape();
    expect(value(text, 'kaopu_inbound_events_total{platform="slack",result="accepted"}')).toBe(1);
    expect(value(text, 'kaopu_inbound_events_total{platform="slack",result="duplicate"}')).toBe(1);
    expect(value(text, 'kaopu_http_responses_total{guard="platform",status="2xx"}')).toBeGreaterThanOrEqual(2);
    nock.cleanAll();
  });

  it('times every job run, the KPI recompute included', async () => {
    expect(await app.scheduler.runNow('kpi.nightly')).toBe('ran');
    const text = await scrape();
    expect(value(text, 'kaopu_job_runs_total{job="kpi.nightly",outcome="done"}')).toBe(1);
    expect(value(text, 'kaopu_job_duration_seconds_count{job="kpi.nightly"}')).toBe(1);
    expect(value(text, 'kaopu_job_duration_seconds_sum{job="kpi.nightly"}')).toBeGreaterThan(0);
  });
});

// Outbound delivery against the Slack Web API (nock at the HTTP boundary): retries honour
// Retry-After, 5xx ends FAILED after the last attempt, ok:false is final at once.
import { isDeepStrictEqual } from 'node:util';
import nock from 'nock';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { renderSlackMessage } from '../../../adapters/slack/render.js';
import { makeCard } from '../../../cards/card.js';
import type { Adapter } from '../../../src/bot/adapter.js';
import type { PlatformName } from '../../../src/bot/event.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../fixtures/slack/requests.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const API = 'https://slack.test';
const app = await startTestApp();
let clock = new Date(TEST_TODAY);
const now = () => clock;
const logger = pino({ level: 'silent' });
const adapter = createSlackAdapter({
  config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: `${API}/api` },
  logger,
  now,
  locale: 'en',
  channelMinTimeMs: 0,
});
const outbox = new Outbox({
  db: app.db,
  logger,
  now,
  maxAttempts: 3,
  adapters: new Map<PlatformName, Adapter>([['slack', adapter]]),
});
const card = makeCard({ title: 'Reminder', blocks: [{ type: 'text', text: 'Please check in before 09:00.' }] });
const expected = renderSlackMessage(card, 'en');

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  await adapter.stop?.();
  nock.cleanAll();
  nock.enableNetConnect();
});

// Every post carries its outbox row id in message metadata, so a restart can find it in the history.
let sending: string | null = null;
const posted = (channel: string) => (body: Record<string, unknown>) =>
  isDeepStrictEqual(body, {
    channel,
    ...expected,
    metadata: { event_type: 'kaopu_outbox', event_payload: { id: sending } },
  });

const rowOf = (id: string | null) => app.db.outboxMessage.findUniqueOrThrow({ where: { id: id as string } });
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

describe('Slack delivery through the outbox', () => {
  it('retries after the Retry-After of a 429 and then sends the message once', async () => {
    const scope = nock(API)
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' })
      .post('/api/chat.postMessage', posted('C0RATE01'))
      .matchHeader('authorization', `Bearer ${BOT_TOKEN}`)
      .reply(200, { ok: true, channel: 'C0RATE01', ts: '1763438400.000001' });
    const id = await outbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0RATE01' },
      card,
      locale: 'en',
    });
    sending = id;
    await outbox.drain();
    const waiting = await rowOf(id);
    expect(waiting).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'slack chat.postMessage: HTTP 429 ratelimited',
    });
    expect(waiting.nextAttemptAt.getTime() - clock.getTime()).toBe(7000);
    later(6999);
    await outbox.drain();
    expect((await rowOf(id)).status).toBe('PENDING');
    later(1);
    await outbox.drain();
    expect(await rowOf(id)).toMatchObject({
      status: 'SENT',
      attempts: 2,
      platformMessageId: 'C0RATE01:1763438400.000001',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('marks a message FAILED with the last error after 5xx on every attempt', async () => {
    const scope = nock(API).post('/api/chat.postMessage').times(3).reply(503, 'upstream unavailable');
    const id = await outbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0DOWN01' },
      card,
      locale: 'en',
    });
    await outbox.drain();
    later(1000);
    await outbox.drain();
    later(2000);
    await outbox.drain();
    expect(await rowOf(id)).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      lastError: 'slack chat.postMessage: HTTP 503',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('fails at once, without retrying, when Slack answers channel_not_found', async () => {
    const scope = nock(API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const id = await outbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0GONE01' },
      card,
      locale: 'en',
    });
    await outbox.drain();
    later(60_000);
    await outbox.drain();
    expect(await rowOf(id)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError: 'slack chat.postMessage: channel_not_found',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('opens the DM channel of a user once and posts every message there', async () => {
    const scope = nock(API)
      .post('/api/conversations.open', { users: 'U0DMUSER1' })
      .reply(200, { ok: true, channel: { id: 'D0DMUSER1' } })
      .post('/api/chat.postMessage', posted('D0DMUSER1'))
      .times(2)
      .reply(200, { ok: true, channel: 'D0DMUSER1', ts: '1763438400.000002' });
    const to = { kind: 'user' as const, userId: 'U0DMUSER1' };
    const first = await outbox.enqueue({ platform: 'slack', to, card, locale: 'en' });
    sending = first;
    await outbox.drain();
    const second = await outbox.enqueue({ platform: 'slack', to, card, locale: 'en' });
    sending = second;
    await outbox.drain();
    expect((await rowOf(first)).status).toBe('SENT');
    expect((await rowOf(second)).status).toBe('SENT');
    expect(scope.isDone()).toBe(true);
  });

  it('retries when the Slack API cannot be reached', async () => {
    // Port 9 (discard) on loopback refuses the connection: a real network failure, no mock.
    const offline = createSlackAdapter({
      config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: 'http://127.0.0.1:9/api' },
      logger,
      now,
      locale: 'en',
    });
    const offlineOutbox = new Outbox({
      db: app.db,
      logger,
      now,
      adapters: new Map<PlatformName, Adapter>([['slack', offline]]),
    });
    const id = await offlineOutbox.enqueue({
      platform: 'slack',
      to: { kind: 'group', chatId: 'C0NET01' },
      card,
      locale: 'en',
    });
    await offlineOutbox.drain();
    await offline.stop?.();
    expect(await rowOf(id)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'slack chat.postMessage: ECONNREFUSED',
    });
  });
});

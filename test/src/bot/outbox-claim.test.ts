// Batch claiming: two outboxes (two replicas) draining the same table at once send every message
// exactly once, more than four at a time (one chat each, so the per-channel limit does not serialise them) (nock at the Slack Web API).
import nock from 'nock';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { makeCard } from '../../../cards/card.js';
import type { Adapter } from '../../../src/bot/adapter.js';
import type { PlatformName } from '../../../src/bot/event.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../fixtures/slack/requests.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const API = 'https://slack.test';
const app = await startTestApp();
// An hour ahead of the app's own clock, so the app's outbox poller never finds these rows due.
const now = () => new Date(TEST_TODAY.getTime() + 3_600_000);
const logger = pino({ level: 'silent' });
const adapter = createSlackAdapter({
  config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: `${API}/api` },
  logger,
  now,
  locale: 'en',
  channelMinTimeMs: 0,
});
const replica = () =>
  new Outbox({
    db: app.db,
    logger,
    now,
    provider: app.target.provider,
    adapters: new Map<PlatformName, Adapter>([['slack', adapter]]),
  });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  await adapter.stop?.();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('outbox batch claiming', () => {
  it('sends each of 60 messages once while two replicas drain together, many at a time', async () => {
    const MESSAGES = 60;
    const posts = new Map<string, number>();
    let inFlight = 0;
    let most = 0;
    const scope = nock(API)
      .post('/api/chat.postMessage')
      .times(MESSAGES)
      .reply(async (_uri, body) => {
        const id = (body as { metadata: { event_payload: { id: string } } }).metadata.event_payload.id;
        posts.set(id, (posts.get(id) ?? 0) + 1);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 200));
        inFlight -= 1;
        return [200, { ok: true, channel: 'C0BURST', ts: `1763438400.${String(posts.size).padStart(6, '0')}` }];
      });
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const id = await replica().enqueue({
        platform: 'slack',
        to: { kind: 'group', chatId: `C0BURST${String(i).padStart(2, '0')}` },
        card: makeCard({ title: `Burst ${i}`, blocks: [{ type: 'text', text: 'hello' }] }),
        locale: 'en',
      });
      ids.push(id as string);
    }
    const [a, b] = [replica(), replica()];
    const sent = await Promise.all([a.drain(), b.drain()]);
    expect(sent[0] + sent[1]).toBe(MESSAGES);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(posts.keys())).toEqual(new Set(ids));
    expect(most).toBeGreaterThan(4);
    const rows = await app.db.outboxMessage.findMany({
      where: { id: { in: ids } },
      select: { status: true, attempts: true },
    });
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    expect(scope.isDone()).toBe(true);
  });
});

// After a crash, a message left in SENDING is looked up in the conversation's history by the outbox
// id in its metadata before it is sent again (issue 8, finding 6). nock plays the Slack Web API.
import { Writable } from 'node:stream';
import nock from 'nock';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { makeCard } from '../../../cards/card.js';
import type { Adapter } from '../../../src/bot/adapter.js';
import type { ChatAddress, PlatformName } from '../../../src/bot/event.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../../fixtures/slack/requests.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const API = 'https://slack.test';
const app = await startTestApp();
const now = () => TEST_TODAY;
const logLines: string[] = [];
const logger = pino(
  { level: 'warn' },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);
const adapter = createSlackAdapter({
  config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: `${API}/api` },
  logger,
  now,
  locale: 'en',
  channelMinTimeMs: 0,
});
const outbox = new Outbox({ db: app.db, logger, now, adapters: new Map<PlatformName, Adapter>([['slack', adapter]]) });
const card = makeCard({ title: 'Payslip ready', blocks: [{ type: 'text', text: 'Your November payslip is ready.' }] });
// The interrupted attempt began 30 s before "now"; the lookup starts a minute before that.
const sendingAt = new Date(TEST_TODAY.getTime() - 30_000);
const oldest = ((sendingAt.getTime() - 60_000) / 1000).toFixed(6);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  await adapter.stop?.();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A row as a crash leaves it: claimed, attempt begun, never finished. */
async function interrupted(to: ChatAddress, key: string): Promise<string> {
  const id = (await outbox.enqueue({ platform: 'slack', to, card, locale: 'en', dedupeKey: key })) as string;
  await app.db.outboxMessage.update({ where: { id }, data: { status: 'SENDING', attempts: 1, sendingAt } });
  return id;
}

const tagged = (id: string, ts: string) => ({
  type: 'message',
  ts,
  metadata: { event_type: 'kaopu_outbox', event_payload: { id } },
});
const rowOf = (id: string) => app.db.outboxMessage.findUniqueOrThrow({ where: { id } });

describe('Slack recovery of interrupted sends', () => {
  it('marks a message found in the history by its outbox id as sent without posting it again', async () => {
    const id = await interrupted({ kind: 'group', chatId: 'C0FOUND01' }, 'find:found');
    const scope = nock(API)
      .post('/api/conversations.history', {
        channel: 'C0FOUND01',
        oldest,
        include_all_metadata: 'true',
        limit: '50',
      })
      .matchHeader('authorization', `Bearer ${BOT_TOKEN}`)
      .reply(200, {
        ok: true,
        messages: [tagged('someone-else', '1763438398.000001'), tagged(id, '1763438399.000002')],
      });

    await outbox.recover();
    await outbox.drain();

    expect(await rowOf(id)).toMatchObject({ status: 'SENT', platformMessageId: 'C0FOUND01:1763438399.000002' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends a message again, once and tagged, when the history does not hold it', async () => {
    const id = await interrupted({ kind: 'user', userId: 'U0MISS01', hint: { channel: 'D0MISS01' } }, 'find:missing');
    const scope = nock(API)
      .post('/api/conversations.history', (body) => body.channel === 'D0MISS01')
      .reply(200, { ok: true, messages: [tagged('another-row', '1763438399.000003')], has_more: false })
      .post(
        '/api/chat.postMessage',
        (body) => body.channel === 'D0MISS01' && body.metadata?.event_payload?.id === id && body.text === card.text,
      )
      .reply(200, { ok: true, channel: 'D0MISS01', ts: '1763438400.000004' });

    await outbox.recover();
    await outbox.drain();

    expect(await rowOf(id)).toMatchObject({
      status: 'SENT',
      attempts: 2,
      platformMessageId: 'D0MISS01:1763438400.000004',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('follows the history cursor to a later page', async () => {
    const id = await interrupted({ kind: 'group', chatId: 'C0PAGED01' }, 'find:paged');
    const scope = nock(API)
      .post('/api/conversations.history', (body) => body.channel === 'C0PAGED01' && body.cursor === undefined)
      .reply(200, {
        ok: true,
        messages: [tagged('newer-row', '1763438399.000006')],
        has_more: true,
        response_metadata: { next_cursor: 'bmV4dA==' },
      })
      .post('/api/conversations.history', (body) => body.channel === 'C0PAGED01' && body.cursor === 'bmV4dA==')
      .reply(200, { ok: true, messages: [tagged(id, '1763438398.000005')], has_more: false });

    await outbox.recover();

    expect(await rowOf(id)).toMatchObject({ status: 'SENT', platformMessageId: 'C0PAGED01:1763438398.000005' });
    expect(scope.isDone()).toBe(true);
  });

  it('looks for a threaded reply in the thread rather than the channel history', async () => {
    const to = { kind: 'group' as const, chatId: 'C0THREAD1', hint: { thread_ts: '1763438000.000100' } };
    const id = await interrupted(to, 'find:thread');
    const scope = nock(API)
      .post('/api/conversations.replies', (body) => body.channel === 'C0THREAD1' && body.ts === '1763438000.000100')
      .reply(200, { ok: true, messages: [tagged(id, '1763438399.000007')] });

    await outbox.recover();

    expect(await rowOf(id)).toMatchObject({ status: 'SENT', platformMessageId: 'C0THREAD1:1763438399.000007' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends again and tells the operator which scope is missing when the history cannot be read', async () => {
    const id = await interrupted({ kind: 'group', chatId: 'C0NOSCOPE' }, 'find:scope');
    const scope = nock(API)
      .post('/api/conversations.history')
      .reply(200, { ok: false, error: 'missing_scope', needed: 'channels:history' })
      .post('/api/chat.postMessage', (body) => body.channel === 'C0NOSCOPE')
      .reply(200, { ok: true, channel: 'C0NOSCOPE', ts: '1763438400.000008' });
    logLines.length = 0;

    await outbox.recover();
    await outbox.drain();

    expect(await rowOf(id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(scope.isDone()).toBe(true);
    const warning = logLines.find((l) => l.includes('missing_scope'));
    expect(warning).toContain(id);
    expect(warning).toContain('channels:history');
    expect(logLines.join('')).not.toContain('payslip');
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { robotSign } from '../../../adapters/dingtalk/verify.js';
import { makeCard } from '../../../cards/card.js';
import type { ChatAddress } from '../../../src/bot/event.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const API = 'https://api.dingtalk.com';
const TOKEN_PATH = '/v1.0/oauth2/accessToken';
const BATCH_PATH = '/v1.0/robot/oToMessages/batchSend';
let clock = TEST_TODAY;
const app = await startTestApp({
  env: { DINGTALK_CLIENT_ID: 'dingclientid', DINGTALK_CLIENT_SECRET: 'nock-secret', DINGTALK_ROBOT_CODE: 'dingrobot' },
  now: () => clock,
});

const card = makeCard({ title: '通知', blocks: [{ type: 'text', text: '本月绩效已生成' }] });
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function enqueue(to: ChatAddress = { kind: 'user', userId: 'staff-001' }) {
  return (await app.outbox.enqueue({ platform: 'dingtalk', to, card, locale: 'zh-CN' })) as string;
}
const row = (id: string) => app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
const token = (value: string) =>
  nock(API)
    .post(TOKEN_PATH, { appKey: 'dingclientid', appSecret: 'nock-secret' })
    .reply(200, { accessToken: value, expireIn: 7200 });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});
// Three hours later every test starts with an expired cached token, so each declares its own fetch.
beforeEach(() => advance(3 * 60 * 60_000));
afterEach(() => nock.cleanAll());

describe('DingTalk client through the outbox', () => {
  it('fetches the access token once and reuses it for two sends', async () => {
    const scope = token('tok-a')
      .post(BATCH_PATH, (body) => body.robotCode === 'dingrobot' && body.msgKey === 'sampleMarkdown')
      .matchHeader('x-acs-dingtalk-access-token', 'tok-a')
      .twice()
      .reply(200, { processQueryKey: 'pqk-1' });
    const ids = [await enqueue(), await enqueue()];
    await app.outbox.drain();
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'SENT', platformMessageId: 'pqk-1' });
    expect(scope.isDone()).toBe(true);
  });

  it('refreshes the token once when DingTalk calls it invalid, then sends', async () => {
    const scope = token('tok-old')
      .post(BATCH_PATH)
      .matchHeader('x-acs-dingtalk-access-token', 'tok-old')
      .reply(401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
    token('tok-new')
      .post(BATCH_PATH)
      .matchHeader('x-acs-dingtalk-access-token', 'tok-new')
      .reply(200, { processQueryKey: 'pqk-2' });
    const id = await enqueue();
    await app.outbox.drain();
    expect((await row(id)).status).toBe('SENT');
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('fails without looping when the refreshed token is refused too', async () => {
    token('tok-1').post(BATCH_PATH).reply(401, { code: 'InvalidAuthentication', message: 'bad token' });
    token('tok-2').post(BATCH_PATH).reply(401, { code: 'InvalidAuthentication', message: 'bad token' });
    const id = await enqueue();
    await app.outbox.drain();
    const failed = await row(id);
    expect(failed.status).toBe('FAILED');
    expect(failed.lastError).toContain('InvalidAuthentication');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('retries after a 429 honouring Retry-After, then marks the message sent', async () => {
    token('tok-429')
      .post(BATCH_PATH)
      .reply(429, { code: 'Throttling', message: 'too many' }, { 'Retry-After': '7' })
      .post(BATCH_PATH)
      .reply(200, { processQueryKey: 'pqk-3' });
    const id = await enqueue();
    await app.outbox.drain();
    const waiting = await row(id);
    expect(waiting.status).toBe('PENDING');
    expect(waiting.lastError).toContain('429');
    expect(waiting.nextAttemptAt.getTime()).toBe(clock.getTime() + 7000);
    advance(7000);
    await app.outbox.drain();
    expect((await row(id)).status).toBe('SENT');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('gives up after repeated 5xx answers and keeps the platform error', async () => {
    token('tok-5xx').post(BATCH_PATH).times(6).reply(503, { code: 'ServiceUnavailable', message: 'busy' });
    const id = await enqueue();
    for (let i = 0; i < 6; i++) {
      await app.outbox.drain();
      advance(10 * 60_000);
    }
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 6 });
    expect(failed.lastError).toContain('HTTP 503: ServiceUnavailable busy');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('fails at once on a 400 and records DingTalk code and message', async () => {
    token('tok-400').post(BATCH_PATH).reply(400, { code: 'invalidParameter.robotCode', message: '机器人不存在' });
    const id = await enqueue();
    await app.outbox.drain();
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.lastError).toContain('invalidParameter.robotCode 机器人不存在');
  });

  it('treats a network error as retryable', async () => {
    token('tok-net').post(BATCH_PATH).replyWithError('socket hang up');
    const id = await enqueue();
    await app.outbox.drain();
    expect(await row(id)).toMatchObject({ status: 'PENDING', lastError: expect.stringContaining('network') });
    nock.cleanAll();
    await app.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED' } });
  });

  it('sends a group message to groupMessages/send with the conversation id', async () => {
    token('tok-group')
      .post('/v1.0/robot/groupMessages/send', (body) => body.openConversationId === 'cidTeam==')
      .reply(200, { processQueryKey: 'pqk-g' });
    const id = await enqueue({ kind: 'group', chatId: 'cidTeam==' });
    await app.outbox.drain();
    expect((await row(id)).status).toBe('SENT');
  });
});

describe('DingTalk custom robot webhook', () => {
  const url = 'https://oapi.dingtalk.com/robot/send?access_token=teamtok';
  const webhook = (secret: string): ChatAddress => ({ kind: 'webhook', groupChatId: 'gc_dingtalk_team', url, secret });

  it('signs the webhook URL with the current timestamp and sign', async () => {
    const timestamp = String(clock.getTime());
    const scope = nock('https://oapi.dingtalk.com')
      .post('/robot/send', (body) => body.msgtype === 'markdown' && body.markdown.title === '通知')
      .query({ access_token: 'teamtok', timestamp, sign: robotSign(timestamp, 'SECnocksecret') })
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const id = await enqueue(webhook('SECnocksecret'));
    await app.outbox.drain();
    expect((await row(id)).status).toBe('SENT');
    expect(scope.isDone()).toBe(true);
  });

  it('waits out the ten-minute throttle when the robot reports sending too fast', async () => {
    nock('https://oapi.dingtalk.com')
      .post('/robot/send')
      .query(true)
      .reply(200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
    const id = await enqueue(webhook('SECnocksecret'));
    await app.outbox.drain();
    const waiting = await row(id);
    expect(waiting.status).toBe('PENDING');
    expect(waiting.nextAttemptAt.getTime()).toBe(clock.getTime() + 10 * 60_000);
    await app.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED' } });
  });
});

// Outbound WeCom API through the real outbox, with nock at the HTTP boundary.
import nock from 'nock';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WecomClient } from '../../../adapters/wecom/client.js';
import { makeCard } from '../../../cards/card.js';
import { SendError } from '../../../src/bot/send-error.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';
import { wecomEnv } from './callbacks.js';

const API = 'https://qyapi.wecom.test';
let clock = TEST_TODAY.getTime();
const app = await startTestApp({ env: wecomEnv(API), now: () => new Date(clock) });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
// A case that failed must not leave messages that a later case's interceptors would serve.
afterEach(async () => {
  nock.cleanAll();
  await app.db.outboxMessage.updateMany({ where: { status: 'PENDING' }, data: { status: 'FAILED' } });
});
afterAll(() => nock.enableNetConnect());

const card = makeCard({ title: '考勤提醒', blocks: [{ type: 'text', text: '你今天还没有打卡。' }] });
const linked = makeCard({
  title: '考勤提醒',
  blocks: [
    { type: 'text', text: '你今天还没有打卡。' },
    { type: 'actions', buttons: [{ url: 'https://kaopu.example/files/att.xlsx', label: '考勤明细' }] },
  ],
});
const sendPath = '/cgi-bin/message/send';

async function enqueue(
  to: Parameters<typeof app.outbox.enqueue>[0]['to'] = { kind: 'user', userId: 'liming' },
  message = card,
) {
  const id = await app.outbox.enqueue({ platform: 'wecom', to, card: message, locale: 'zh-CN' });
  if (!id) throw new Error('not enqueued');
  return id;
}
const row = (id: string) => app.db.outboxMessage.findUniqueOrThrow({ where: { id } });
// Moves the app clock past any backoff and sends what is due.
async function later(ms = 10 * 60_000) {
  clock += ms;
  await app.outbox.drain();
}
const ok = { errcode: 0, errmsg: 'ok', msgid: 'm1' };

describe('WeCom API client', () => {
  it('fetches one token for two sends and posts the exact text_notice body, tapping to its first link', async () => {
    const token = nock(API)
      .get('/cgi-bin/gettoken')
      .query({ corpid: 'wwkaopu0000test01', corpsecret: 'stand-in-secret' })
      .reply(200, { errcode: 0, errmsg: 'ok', access_token: 'T1', expires_in: 7200 });
    const bodies: unknown[] = [];
    const send = nock(API)
      .post(sendPath, (body) => bodies.push(body) > 0)
      .query({ access_token: 'T1' })
      .times(2)
      .reply(200, ok);
    const to = { kind: 'user', userId: 'liming' } as const;
    const ids = [await enqueue(to, linked), await enqueue(to, linked)];
    await app.outbox.drain();
    expect(token.isDone() && send.isDone()).toBe(true);
    expect((await row(ids[0] as string)).status).toBe('SENT');
    expect((await row(ids[1] as string)).platformMessageId).toBe('m1');
    expect(bodies[0]).toEqual({
      touser: 'liming',
      agentid: 1000002,
      msgtype: 'template_card',
      template_card: {
        card_type: 'text_notice',
        source: { desc: '考谱', desc_color: 0 },
        main_title: { title: '考勤提醒' },
        sub_title_text: '你今天还没有打卡。',
        jump_list: [{ type: 1, title: '考勤明细', url: 'https://kaopu.example/files/att.xlsx' }],
        card_action: { type: 1, url: 'https://kaopu.example/files/att.xlsx' },
      },
      enable_duplicate_check: 1,
      duplicate_check_interval: 600,
    });
  });

  it('posts a card without any link as markdown, never as a template card with a made-up URL', async () => {
    const bodies: unknown[] = [];
    const scope = nock(API)
      .post(sendPath, (body) => bodies.push(body) > 0)
      .query(true)
      .reply(200, ok);
    const id = await enqueue();
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect((await row(id)).status).toBe('SENT');
    expect(bodies).toEqual([
      {
        touser: 'liming',
        agentid: 1000002,
        msgtype: 'markdown',
        markdown: { content: '**考勤提醒**\n你今天还没有打卡。' },
        enable_duplicate_check: 1,
        duplicate_check_interval: 600,
      },
    ]);
  });

  it('sends content too long for a button card as markdown first, then the card with its buttons', async () => {
    const bodies: Record<string, unknown>[] = [];
    const scope = nock(API)
      .post(sendPath, (body) => bodies.push(body) > 0)
      .query(true)
      .times(2)
      .reply(200, ok);
    const long = makeCard({
      title: '本周排班',
      blocks: [
        {
          type: 'table',
          columns: ['日期', '班次'],
          rows: [
            ['周一', '早班'],
            ['周二', '晚班'],
          ],
        },
        { type: 'actions', buttons: [{ actionId: 'roster.confirm', label: '确认' }] },
      ],
    });
    const id = await app.outbox.enqueue({
      platform: 'wecom',
      to: { kind: 'user', userId: 'liming' },
      card: long,
      locale: 'zh-CN',
    });
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect((await row(id as string)).status).toBe('SENT');
    expect(bodies.map((b) => b.msgtype)).toEqual(['markdown', 'template_card']);
    expect(bodies[0]?.markdown).toEqual({ content: '**本周排班**\n**日期 | 班次**\n周一 | 早班\n周二 | 晚班' });
    expect(bodies[1]?.template_card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '本周排班' },
      button_list: [{ type: 0, text: '确认', style: 1, key: 'kp:0:roster.confirm' }],
    });
    expect(bodies[1]?.template_card).not.toHaveProperty('sub_title_text');
  });

  it('refreshes the token once on 42001 and then sends', async () => {
    clock += 3 * 3600_000; // the cached token from the previous case is past its refresh time
    const scope = nock(API)
      .get('/cgi-bin/gettoken')
      .query(true)
      .reply(200, { errcode: 0, access_token: 'OLD', expires_in: 7200 })
      .post(sendPath)
      .query({ access_token: 'OLD' })
      .reply(200, { errcode: 42001, errmsg: 'access_token expired' })
      .get('/cgi-bin/gettoken')
      .query(true)
      .reply(200, { errcode: 0, access_token: 'NEW', expires_in: 7200 })
      .post(sendPath)
      .query({ access_token: 'NEW' })
      .reply(200, ok);
    const id = await enqueue();
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect((await row(id)).status).toBe('SENT');
  });

  it('retries after HTTP 429 honouring Retry-After, then marks the message sent', async () => {
    const scope = nock(API)
      .post(sendPath)
      .query(true)
      .reply(429, { errcode: -1 }, { 'Retry-After': '120' })
      .post(sendPath)
      .query(true)
      .reply(200, ok);
    const id = await enqueue();
    const start = clock;
    await app.outbox.drain();
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'PENDING', lastError: 'wecom HTTP 429' });
    expect(waiting.nextAttemptAt.getTime() - start).toBe(120_000);
    await later();
    expect(scope.isDone()).toBe(true);
    expect((await row(id)).status).toBe('SENT');
  });

  for (const [errcode, errmsg] of [
    [45009, 'api freq out of limit'],
    [-1, 'system busy'],
  ] as const) {
    it(`retries after errcode ${errcode} (${errmsg}), then marks the message sent`, async () => {
      const scope = nock(API)
        .post(sendPath)
        .query(true)
        .reply(200, { errcode, errmsg: `${errmsg}, hint: [x], from ip: 1.2.3.4` })
        .post(sendPath)
        .query(true)
        .reply(200, ok);
      const id = await enqueue();
      await app.outbox.drain();
      expect(await row(id)).toMatchObject({
        status: 'PENDING',
        lastError: `wecom /cgi-bin/message/send errcode ${errcode}: ${errmsg}`,
      });
      await later();
      expect(scope.isDone()).toBe(true);
      expect((await row(id)).status).toBe('SENT');
    });
  }

  it('marks a message failed with the last error after 5xx until attempts run out', async () => {
    const scope = nock(API).post(sendPath).query(true).times(6).reply(502, 'bad gateway');
    const id = await enqueue();
    await app.outbox.drain();
    for (let i = 0; i < 6; i += 1) await later();
    expect(scope.isDone()).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'FAILED', attempts: 6, lastError: 'wecom HTTP 502' });
  });

  it('fails at once on a non-retryable errcode, keeping it for the operator', async () => {
    nock(API).post(sendPath).query(true).reply(200, { errcode: 81013, errmsg: 'user & party & tag all invalid' });
    const id = await enqueue();
    await app.outbox.drain();
    expect(await row(id)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      lastError:
        "wecom /cgi-bin/message/send errcode 81013: user & party & tag all invalid (the user is outside the app's visibility range (可见范围))",
    });
  });

  it('posts a team alert to its group robot webhook as markdown', async () => {
    const webhook = `${API}/cgi-bin/webhook/send?key=robot-aftersales`;
    await app.db.groupChat.update({ where: { id: 'gc_wecom_aftersales' }, data: { webhookUrl: webhook } });
    const scope = nock(API)
      .post('/cgi-bin/webhook/send', {
        msgtype: 'markdown',
        markdown: { content: '**考勤提醒**\n你今天还没有打卡。' },
      })
      .query({ key: 'robot-aftersales' })
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const id = await enqueue({ kind: 'webhook', groupChatId: 'gc_wecom_aftersales', url: webhook });
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect((await row(id)).status).toBe('SENT');
  });

  it('posts to an app group chat by its WeCom chat id as markdown', async () => {
    const group = await app.db.groupChat.findUniqueOrThrow({ where: { id: 'gc_wecom_aftersales' } });
    const scope = nock(API)
      .post('/cgi-bin/appchat/send', {
        chatid: group.platformChatId,
        msgtype: 'markdown',
        markdown: { content: '**考勤提醒**\n你今天还没有打卡。' },
      })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const id = await enqueue({ kind: 'group', chatId: group.platformChatId });
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect((await row(id)).status).toBe('SENT');
  });

  it('sends a message a crash interrupted again byte for byte, so the duplicate check can drop it', async () => {
    nock(API)
      .get('/cgi-bin/gettoken')
      .query(true)
      .optionally()
      .reply(200, { errcode: 0, errmsg: 'ok', access_token: 'T9', expires_in: 7200 });
    const bodies: unknown[] = [];
    const scope = nock(API)
      .post(sendPath, (body) => bodies.push(body) > 0)
      .query(true)
      .times(2)
      .reply(200, ok);
    const id = await enqueue();
    await app.outbox.drain();
    // The crash: WeCom got the message, the process died before the row was marked SENT.
    await app.db.outboxMessage.update({ where: { id }, data: { status: 'SENDING' } });
    await app.outbox.recover();
    await app.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: 600 });
    expect((await row(id)).status).toBe('SENT');
  });
});

describe('WeCom group-robot limiter', () => {
  it('keeps a burst within the per-window robot limit so the platform rejects nothing', async () => {
    const rate = { perWindow: 3, windowMs: 300 };
    const arrivals: number[] = [];
    let rejected = 0;
    nock(API)
      .post('/cgi-bin/webhook/send')
      .query(true)
      .times(9)
      .reply(() => {
        const now = Date.now();
        if (arrivals.filter((t) => t > now - rate.windowMs).length >= rate.perWindow) {
          rejected += 1;
          return [200, { errcode: 45009, errmsg: 'api freq out of limit' }];
        }
        arrivals.push(now);
        return [200, { errcode: 0, errmsg: 'ok' }];
      });
    const client = new WecomClient({
      apiBase: API,
      corpId: 'c',
      secret: 's',
      logger: pino({ level: 'silent' }),
      robotRate: rate,
    });
    const url = `${API}/cgi-bin/webhook/send?key=k`;
    const results = await Promise.allSettled(
      Array.from({ length: 9 }, () => client.sendToRobot(url, { msgtype: 'text', text: { content: 'x' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(9).fill('fulfilled'));
    expect(rejected).toBe(0);
  });

  it('turns a robot 45009 into a retry after one window', async () => {
    nock(API).post('/cgi-bin/webhook/send').query(true).reply(200, { errcode: 45009, errmsg: 'limit' });
    const client = new WecomClient({ apiBase: API, corpId: 'c', secret: 's', logger: pino({ level: 'silent' }) });
    const error = await client.sendToRobot(`${API}/cgi-bin/webhook/send?key=k`, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
  });
});

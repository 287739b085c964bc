import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeActionText } from '../../../adapters/dingtalk/action-text.js';
import { robotSign } from '../../../adapters/dingtalk/verify.js';
import { translator } from '../../../src/i18n/index.js';
import {
  freshSignedHeaders,
  type MessageOverrides,
  makeRobotMessage,
  signedHeaders,
} from '../../fixtures/dingtalk/messages.js';
import { type Recorded, startStandIn, waitFor } from '../../fixtures/dingtalk/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const SECRET = 'dingtalk-app-secret-for-tests';
const standIn = await startStandIn();
afterAll(() => standIn.close());
const app = await startTestApp({
  env: {
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: SECRET,
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
    DINGTALK_API_BASE: standIn.url,
    DINGTALK_OAPI_BASE: standIn.url,
  },
});

async function staffIdOf(employeeId: string): Promise<string> {
  const identity = await app.db.chatIdentity.findFirstOrThrow({ where: { platform: 'DINGTALK', employeeId } });
  return identity.platformUserId;
}
const liming = await staffIdOf('emp_liming');

function post(body: unknown, headers: Record<string, string> = freshSignedHeaders(SECRET, TEST_TODAY)) {
  return app.server.inject({
    method: 'POST',
    url: '/dingtalk/callback',
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function say(o: MessageOverrides) {
  const message = makeRobotMessage(o);
  const res = await post(message);
  return { res, message };
}

const sent = (path: string) => standIn.requests.filter((r) => r.path === path);
const waitSent = (path: string) => waitFor(() => sent(path)[0]);
const paramOf = (r: Recorded) => JSON.parse((r.body as { msgParam: string }).msgParam) as Record<string, string>;

beforeEach(() => {
  standIn.requests.length = 0;
});

describe('DingTalk callback end to end', () => {
  it('answers a signed help in a 1:1 chat with the help card through batchSend', async () => {
    const { res } = await say({ staffId: liming, text: 'help' });
    expect(res.statusCode).toBe(200);
    const send = await waitSent('/v1.0/robot/oToMessages/batchSend');
    expect(send.headers['x-acs-dingtalk-access-token']).toMatch(/^token-/);
    // The help card carries one button ("my KPI"), so it goes out as a one-button ActionCard.
    expect(send.body).toMatchObject({ robotCode: 'dingrobotcode', userIds: [liming], msgKey: 'sampleActionCard' });
    expect(paramOf(send).title).toBe('考谱能帮你做什么');
    expect(paramOf(send).text).toContain('李明');
    expect(paramOf(send).singleTitle).toBe('我的绩效');
    expect(sent('/v1.0/oauth2/accessToken')[0]?.body).toEqual({ appKey: 'dingclientid', appSecret: SECRET });
  });

  it('follows up a pressed button: the dtmd text comes back as the help action', async () => {
    await say({ staffId: liming, text: 'hepl' });
    const notice = await waitSent('/v1.0/robot/oToMessages/batchSend');
    expect(notice.body).toMatchObject({ msgKey: 'sampleActionCard' });
    const pressed = new URL(paramOf(notice).singleURL ?? '').searchParams.get('content') ?? '';
    expect(decodeActionText(pressed)).toEqual({ actionId: 'help.show' });
    standIn.requests.length = 0;

    await say({ staffId: liming, text: pressed });
    const followUp = await waitSent('/v1.0/robot/oToMessages/batchSend');
    expect(paramOf(followUp).title).toBe('考谱能帮你做什么');
  });

  it('replies through the sessionWebhook while it is valid, without a token', async () => {
    await say({
      staffId: liming,
      text: '帮助',
      sessionWebhook: `${standIn.url}/robot/sendBySession?session=s1`,
      sessionWebhookExpiredTime: TEST_TODAY.getTime() + 90 * 60_000,
    });
    const reply = await waitSent('/robot/sendBySession');
    expect(reply.query.get('session')).toBe('s1');
    expect(reply.headers['x-acs-dingtalk-access-token']).toBeUndefined();
    expect(reply.body).toMatchObject({ msgtype: 'actionCard', actionCard: { title: '考谱能帮你做什么' } });
    expect(sent('/v1.0/robot/oToMessages/batchSend')).toHaveLength(0);
  });

  it('falls back to the robot API when the sessionWebhook has expired', async () => {
    await say({
      staffId: liming,
      text: 'help',
      sessionWebhook: `${standIn.url}/robot/sendBySession?session=old`,
      sessionWebhookExpiredTime: TEST_TODAY.getTime() - 1000,
    });
    await waitSent('/v1.0/robot/oToMessages/batchSend');
    expect(sent('/robot/sendBySession')).toHaveLength(0);
  });

  it('answers an @mention in a group through groupMessages/send to that conversation', async () => {
    await say({ staffId: liming, text: '@考谱 help', group: true, conversationId: 'cidGroupA==' });
    const send = await waitSent('/v1.0/robot/groupMessages/send');
    expect(send.body).toMatchObject({ robotCode: 'dingrobotcode', openConversationId: 'cidGroupA==' });
    expect(paramOf(send).title).toBe('考谱能帮你做什么');
  });

  it('answers a group message in place through its sessionWebhook when valid', async () => {
    await say({
      staffId: liming,
      text: 'help',
      group: true,
      sessionWebhook: `${standIn.url}/robot/sendBySession?session=g1`,
      sessionWebhookExpiredTime: TEST_TODAY.getTime() + 60 * 60_000,
    });
    const reply = await waitSent('/robot/sendBySession');
    expect(reply.query.get('session')).toBe('g1');
    expect(sent('/v1.0/robot/groupMessages/send')).toHaveLength(0);
  });

  it('answers an unknown staff id with the onboarding card naming that id', async () => {
    await say({ staffId: 'stranger-001', text: 'help' });
    const send = await waitSent('/v1.0/robot/oToMessages/batchSend');
    expect(send.body).toMatchObject({ userIds: ['stranger-001'] });
    expect(paramOf(send).title).toBe(translator('zh-CN')('onboarding.title'));
    expect(paramOf(send).text).toContain('stranger-001');
  });

  it('acknowledges a picture message and sends nothing', async () => {
    const { res, message } = await say({ staffId: liming, msgtype: 'picture' });
    expect(res.statusCode).toBe(200);
    expect(await app.db.inboundEvent.count({ where: { source: 'dingtalk', eventId: message.msgId as string } })).toBe(
      0,
    );
  });
});

describe('DingTalk callback hostile input', () => {
  async function nothingProcessed(msgId: string) {
    expect(await app.db.inboundEvent.count({ where: { source: 'dingtalk', eventId: msgId } })).toBe(0);
    expect(await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `reply:dingtalk:${msgId}:` } } })).toBe(
      0,
    );
  }

  it('refuses a forged sign with 401 and processes nothing', async () => {
    const message = makeRobotMessage({ staffId: liming });
    const headers = { ...signedHeaders(SECRET, TEST_TODAY), sign: signedHeaders('wrong-secret', TEST_TODAY).sign };
    const res = await post(message, headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('error.unauthorized');
    await nothingProcessed(message.msgId as string);
    expect(standIn.requests).toHaveLength(0);
  });

  it('refuses a request without sign headers with 401', async () => {
    const message = makeRobotMessage({ staffId: liming });
    const res = await post(message, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(401);
    await nothingProcessed(message.msgId as string);
  });

  it('refuses a correctly signed but stale request (over one hour old) with 401', async () => {
    const message = makeRobotMessage({ staffId: liming });
    const res = await post(message, signedHeaders(SECRET, new Date(TEST_TODAY.getTime() - 61 * 60_000)));
    expect(res.statusCode).toBe(401);
    await nothingProcessed(message.msgId as string);
  });

  it('answers a signed body missing msgId with 400 naming the field', async () => {
    const { msgId: _drop, ...message } = makeRobotMessage({ staffId: liming });
    const res = await post(message);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('msgId');
  });

  it('answers a signed body that is not JSON with 400', async () => {
    const res = await post('{"msgId": ');
    expect(res.statusCode).toBe(400);
  });

  it('refuses a signed body over 256 KiB with 413 and processes nothing', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'x'.repeat(300 * 1024) });
    const res = await post(message);
    expect(res.statusCode).toBe(413);
    await nothingProcessed(message.msgId as string);
  });

  it('processes a redelivered msgId once: one outbox row, one send', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const first = await post(message);
    const second = await post(message);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    await waitSent('/v1.0/robot/oToMessages/batchSend');
    const rows = await app.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `reply:dingtalk:${message.msgId as string}:` } },
    });
    expect(rows).toHaveLength(1);
    await waitFor(
      async () => (await app.db.outboxMessage.findUnique({ where: { id: rows[0]?.id } }))?.status === 'SENT',
    );
    expect(sent('/v1.0/robot/oToMessages/batchSend')).toHaveLength(1);
  });
});

describe('DingTalk custom group robot', () => {
  it('posts to the team webhook with timestamp and sign for the app clock', async () => {
    const chat = await app.db.groupChat.findFirstOrThrow({ where: { platform: 'DINGTALK' } });
    const secret = 'SECteamrobotsecret';
    await app.db.groupChat.update({
      where: { id: chat.id },
      data: { webhookUrl: `${standIn.url}/robot/send?access_token=teamtoken`, webhookSecret: secret },
    });
    const id = await app.outbox.enqueue({
      platform: 'dingtalk',
      to: { kind: 'webhook', groupChatId: chat.id },
      card: {
        title: '告警',
        tone: 'warning',
        blocks: [{ type: 'text', text: '满意度下降' }],
        text: '告警\n满意度下降',
      },
      locale: 'zh-CN',
    });
    await app.outbox.drain();
    const post = await waitSent('/robot/send');
    expect(post.query.get('access_token')).toBe('teamtoken');
    expect(post.query.get('timestamp')).toBe(String(TEST_TODAY.getTime()));
    expect(post.query.get('sign')).toBe(robotSign(String(TEST_TODAY.getTime()), secret));
    expect(post.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '告警' } });
    expect((await app.db.outboxMessage.findUnique({ where: { id: id as string } }))?.status).toBe('SENT');
  });
});

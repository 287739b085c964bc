// Issue 8, finding 2: DingTalk's sign covers only the timestamp, and the body names the webhook the
// reply goes to. A captured pair must not carry a second body, and a forged sessionWebhook must
// never receive anything. DingTalk's own APIs are a local stand-in; the foreign host is nock.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshSignedHeaders, makeRobotMessage } from '../fixtures/dingtalk/messages.js';
import { startStandIn, waitFor } from '../fixtures/dingtalk/stand-in.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const SECRET = 'dingtalk-app-secret-for-security-tests';
const standIn = await startStandIn();
afterAll(() => standIn.close());
// DINGTALK_OAPI_BASE stays at its default, https://oapi.dingtalk.com.
const app = await startTestApp({
  env: {
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: SECRET,
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
    DINGTALK_API_BASE: standIn.url,
  },
});

const staffId = async (employeeId: string) =>
  (await app.db.chatIdentity.findFirstOrThrow({ where: { platform: 'DINGTALK', employeeId } })).platformUserId;
const hr = await staffId('emp_malin');
const liming = await staffId('emp_liming');

const post = (body: unknown, headers: Record<string, string>) =>
  app.server.inject({ method: 'POST', url: '/dingtalk/callback', headers, payload: JSON.stringify(body) });
const batchSends = () => standIn.requests.filter((r) => r.path === '/v1.0/robot/oToMessages/batchSend');
const paramOf = (body: unknown) => JSON.parse((body as { msgParam: string }).msgParam) as Record<string, string>;

async function outboxSettled(msgId: string) {
  return waitFor(async () => {
    const rows = await app.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `reply:dingtalk:${msgId}:` } },
    });
    return rows.length > 0 && rows.every((r) => r.status === 'SENT' || r.status === 'FAILED') && rows;
  }, 15_000);
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(() => {
  standIn.requests.length = 0;
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('DingTalk callback replay', () => {
  it('refuses a captured timestamp and sign carrying a different body, and sends nothing for it', async () => {
    const headers = freshSignedHeaders(SECRET, TEST_TODAY);
    const original = makeRobotMessage({ staffId: liming, text: 'help' });
    expect((await post(original, headers)).statusCode).toBe(200);
    await outboxSettled(original.msgId as string);
    standIn.requests.length = 0;

    const forged = makeRobotMessage({ staffId: hr, text: 'report payroll 2026-10' });
    const replay = await post(forged, headers);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('error.unauthorized');
    await app.outbox.drain();
    expect(await app.db.inboundEvent.count({ where: { source: 'dingtalk', eventId: forged.msgId as string } })).toBe(0);
    expect(
      await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `reply:dingtalk:${forged.msgId}:` } } }),
    ).toBe(0);
    expect(standIn.requests).toEqual([]);
  });

  it('answers a redelivery of the very same signed body with 200 and replies only once', async () => {
    const headers = freshSignedHeaders(SECRET, TEST_TODAY);
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const first = await post(message, headers);
    const again = await post(message, headers);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    const rows = await outboxSettled(message.msgId as string);
    expect(rows).toHaveLength(1);
    expect(batchSends()).toHaveLength(1);
  });
});

describe('DingTalk sessionWebhook from the body', () => {
  it.each([
    ['a foreign host', 'https://evil.example', '/robot/sendBySession?session=x'],
    ['a look-alike of the DingTalk host', 'https://oapi.dingtalk.com.evil.com', '/robot/sendBySession?session=x'],
  ])('replies to %s through the robot API and never contacts it', async (_name, origin, path) => {
    const foreign = nock(origin).post(/.*/).reply(200, { errcode: 0, errmsg: 'ok' });
    const message = makeRobotMessage({
      staffId: hr,
      text: 'report payroll 2026-10',
      sessionWebhook: `${origin}${path}`,
      sessionWebhookExpiredTime: TEST_TODAY.getTime() + 90 * 60_000,
    });
    expect((await post(message, freshSignedHeaders(SECRET, TEST_TODAY))).statusCode).toBe(200);
    const rows = await outboxSettled(message.msgId as string);
    expect(rows.map((r) => r.status)).toEqual(['SENT']);
    const [send] = batchSends();
    expect(send?.body).toMatchObject({ userIds: [hr] });
    expect(paramOf(send?.body).title).toContain('2026-10');
    expect(foreign.isDone()).toBe(false);
  });

  it('replies through a sessionWebhook on the DingTalk origin', async () => {
    const dingtalk = nock('https://oapi.dingtalk.com')
      .post('/robot/sendBySession')
      .query({ session: 'real' })
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const message = makeRobotMessage({
      staffId: liming,
      text: 'help',
      sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=real',
      sessionWebhookExpiredTime: TEST_TODAY.getTime() + 90 * 60_000,
    });
    expect((await post(message, freshSignedHeaders(SECRET, TEST_TODAY))).statusCode).toBe(200);
    await outboxSettled(message.msgId as string);
    expect(dingtalk.isDone()).toBe(true);
    expect(batchSends()).toHaveLength(0);
  });
});

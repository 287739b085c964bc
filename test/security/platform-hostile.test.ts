// Issue 8, the hostile-input suite: signature forgery and replay on every platform, oversized and
// malformed bodies, wrong content types — asserted as an attacker would notice them: the status
// code, no InboundEvent stored, no outbox row, and no request to any platform API. One real app
// with Slack, WeCom and DingTalk all configured at their real API hosts, which nock answers; any
// request nock has no answer for is recorded too, and the network is otherwise closed.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encrypt, msgSignature } from '../../adapters/wecom/verify.js';
import {
  AES_KEY,
  CORP_ID,
  callbackXml,
  NOW_SECONDS,
  signedPost,
  TOKEN,
  wecomEnv,
} from '../adapters/wecom/callbacks.js';
import { freshSignedHeaders, makeRobotMessage, signedHeaders } from '../fixtures/dingtalk/messages.js';
import { waitFor } from '../fixtures/dingtalk/stand-in.js';
import { eventBody, signedRequest, slackEnv } from '../fixtures/slack/requests.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const SLACK_API = 'https://slack.com/api';
const WECOM_API = 'https://qyapi.weixin.qq.com';
const DINGTALK_API = 'https://api.dingtalk.com';
const DINGTALK_SECRET = 'dingtalk-app-secret-for-hostile-suite';
const MIB = 1024 * 1024;

const app = await startTestApp({
  env: {
    ...slackEnv(SLACK_API),
    ...wecomEnv(WECOM_API),
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
  },
});

interface Outbound {
  origin: string;
  method: string;
  path: string;
  body: unknown;
}
/** Every request Kaopu made to a platform (answered by nock), and every one nock could not answer. */
const outbound: Outbound[] = [];
const unmatched: string[] = [];
const onNoMatch = (req: { method?: string; href?: string; path?: string }) => {
  unmatched.push(`${req.method ?? '?'} ${req.href ?? req.path ?? '?'}`);
};

function answer(origin: string, respond: (path: string, body: unknown) => Record<string, unknown>) {
  const record = (method: string) =>
    function (this: unknown, path: string, body: unknown): [number, Record<string, unknown>] {
      outbound.push({ origin, method, path, body });
      return [200, respond(path, body)];
    };
  nock(origin)
    .persist()
    .get(() => true)
    .query(true)
    .reply(record('GET'));
  nock(origin)
    .persist()
    .post(() => true)
    .query(true)
    .reply(record('POST'));
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', onNoMatch);
  answer(SLACK_API.replace(/\/api$/, ''), (path, body) => {
    const b = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
    if (path.includes('conversations.open')) return { ok: true, channel: { id: `D${String(b.users)}` } };
    if (path.includes('chat.postMessage')) return { ok: true, channel: b.channel, ts: '1763438400.000001' };
    return { ok: true };
  });
  answer(WECOM_API, (path) =>
    path.startsWith('/cgi-bin/gettoken')
      ? { errcode: 0, errmsg: 'ok', access_token: 'nock-token', expires_in: 7200 }
      : { errcode: 0, errmsg: 'ok', msgid: `msg-${outbound.length}`, response_code: `rc-${outbound.length}` },
  );
  answer(DINGTALK_API, (path) =>
    path.startsWith('/v1.0/oauth2/accessToken')
      ? { accessToken: 'nock-token', expireIn: 7200 }
      : { processQueryKey: `pqk-${outbound.length}`, invalidStaffIdList: [] },
  );
});
beforeEach(() => {
  outbound.length = 0;
  unmatched.length = 0;
});
afterEach(() => {
  // Nothing may have tried to leave through a door nock does not answer.
  expect(unmatched).toEqual([]);
});
afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.cleanAll();
  nock.enableNetConnect();
});

type Source = 'slack' | 'wecom' | 'dingtalk';

/** No event stored, no reply queued, nothing sent to any platform. */
async function nothingHappened(source: Source, eventId: string): Promise<void> {
  await app.outbox.drain();
  expect(await app.db.inboundEvent.count({ where: { source, eventId } })).toBe(0);
  expect(
    await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `reply:${source}:${eventId}:` } } }),
  ).toBe(0);
  expect(outbound).toEqual([]);
}

async function settled(source: Source, eventId: string) {
  return waitFor(async () => {
    const rows = await app.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `reply:${source}:${eventId}:` } },
    });
    return rows.length > 0 && rows.every((r) => r.status === 'SENT' || r.status === 'FAILED') && rows;
  }, 15_000);
}

const identity = async (platform: 'SLACK' | 'DINGTALK', employeeId: string) =>
  (await app.db.chatIdentity.findFirstOrThrow({ where: { platform, employeeId } })).platformUserId;

const slackLiming = await identity('SLACK', 'emp_liming');
const dingtalkLiming = await identity('DINGTALK', 'emp_liming');
const dingtalkHr = await identity('DINGTALK', 'emp_malin');

describe('Slack: POST /slack/events', () => {
  const help = (eventId: string) =>
    eventBody('message-im.json', eventId, { user: slackLiming, channel: `D${eventId}` });

  it('refuses a signature made with another secret: 401, nothing stored or sent', async () => {
    const res = await app.server.inject(signedRequest(help('EvHOST001'), { secret: 'guessed-signing-secret' }));
    expect(res.statusCode).toBe(401);
    await nothingHappened('slack', 'EvHOST001');
  });

  it('refuses a valid signature moved onto a different body: 401', async () => {
    const genuine = signedRequest(help('EvHOST002'));
    const res = await app.server.inject({ ...genuine, payload: JSON.stringify(help('EvHOST003')) });
    expect(res.statusCode).toBe(401);
    await nothingHappened('slack', 'EvHOST002');
    await nothingHappened('slack', 'EvHOST003');
  });

  it('refuses a correctly signed request replayed more than 5 minutes later: 401', async () => {
    const res = await app.server.inject(
      signedRequest(help('EvHOST004'), { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 1 }),
    );
    expect(res.statusCode).toBe(401);
    await nothingHappened('slack', 'EvHOST004');
  });

  it('refuses a signed body over 1 MiB: 413', async () => {
    const res = await app.server.inject(signedRequest({ ...help('EvHOST005'), padding: 'x'.repeat(MIB) }));
    expect(res.statusCode).toBe(413);
    await nothingHappened('slack', 'EvHOST005');
  });

  it('refuses a signed, truncated JSON body: 400', async () => {
    const whole = JSON.stringify(help('EvHOST006'));
    const res = await app.server.inject(
      signedRequest(whole.slice(0, whole.length - 5), { headers: { 'content-type': 'application/json' } }),
    );
    expect(res.statusCode).toBe(400);
    await nothingHappened('slack', 'EvHOST006');
  });

  it('refuses a signed body in a content type Slack never sends: 415', async () => {
    const res = await app.server.inject(signedRequest(help('EvHOST007'), { headers: { 'content-type': 'text/xml' } }));
    expect(res.statusCode).toBe(415);
    await nothingHappened('slack', 'EvHOST007');
  });
});

describe('WeCom: GET and POST /wecom/callback', () => {
  const text = (msgId: string) => callbackXml('text', { content: 'help', msgId });
  const withQuery = (request: ReturnType<typeof signedPost>, change: Record<string, string>) => {
    const url = new URL(request.url, 'http://kaopu.local');
    for (const [k, v] of Object.entries(change)) url.searchParams.set(k, v);
    return { ...request, url: `${url.pathname}${url.search}` };
  };

  it('refuses URL verification with a forged signature: 401, no echo', async () => {
    const echostr = encrypt(AES_KEY, '8761425012035462', CORP_ID);
    const res = await app.server.inject({
      method: 'GET',
      url: `/wecom/callback?msg_signature=${'0'.repeat(40)}&timestamp=${NOW_SECONDS}&nonce=v1&echostr=${encodeURIComponent(echostr)}`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('8761425012035462');
    expect(outbound).toEqual([]);
  });

  it('refuses URL verification whose signature was made for another timestamp: 401', async () => {
    const echostr = encrypt(AES_KEY, '8761425012035462', CORP_ID);
    const signature = msgSignature(TOKEN, String(NOW_SECONDS), 'v1', echostr);
    const res = await app.server.inject({
      method: 'GET',
      url: `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_SECONDS - 1}&nonce=v1&echostr=${encodeURIComponent(echostr)}`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('8761425012035462');
  });

  it('refuses a message signed with another token: 401, nothing stored or sent', async () => {
    const res = await app.server.inject(signedPost(text('9100000000000000002'), { token: 'guessed-token' }));
    expect(res.statusCode).toBe(401);
    await nothingHappened('wecom', '9100000000000000002');
  });

  it('answers the same signed, encrypted message delivered twice once: one outbox row', async () => {
    const request = signedPost(text('9100000000000000003'));
    const first = await app.server.inject(request);
    expect(first.statusCode).toBe(200);
    const rows = await settled('wecom', '9100000000000000003');
    expect(rows.map((r) => r.status)).toEqual(['SENT']);
    const sendsAfterFirst = outbound.filter((o) => o.path.startsWith('/cgi-bin/message/send')).length;
    expect(sendsAfterFirst).toBeGreaterThan(0);

    const replay = await app.server.inject(request);
    expect(replay.statusCode).toBe(200);
    await app.outbox.drain();
    expect(await app.db.inboundEvent.count({ where: { source: 'wecom', eventId: '9100000000000000003' } })).toBe(1);
    expect(
      await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'reply:wecom:9100000000000000003:' } } }),
    ).toBe(1);
    expect(outbound.filter((o) => o.path.startsWith('/cgi-bin/message/send'))).toHaveLength(sendsAfterFirst);
  });

  it.each([
    ['timestamp', { timestamp: String(NOW_SECONDS + 1) }],
    ['nonce', { nonce: 'attacker-nonce' }],
  ])('refuses a captured signature presented with a different %s: 401', async (_name, change) => {
    const res = await app.server.inject(withQuery(signedPost(text('9100000000000000004')), change));
    expect(res.statusCode).toBe(401);
    await nothingHappened('wecom', '9100000000000000004');
  });

  it('refuses a signed body over 1 MiB: 413', async () => {
    const request = signedPost(text('9100000000000000005'));
    const padded = request.payload.replace('</xml>', `<Pad>${'a'.repeat(MIB)}</Pad></xml>`);
    const res = await app.server.inject({ ...request, payload: padded });
    expect(res.statusCode).toBe(413);
    await nothingHappened('wecom', '9100000000000000005');
  });

  it('refuses a signed request whose XML is cut short: 400', async () => {
    const request = signedPost(text('9100000000000000006'));
    const res = await app.server.inject({ ...request, payload: request.payload.slice(0, request.payload.length - 30) });
    expect(res.statusCode).toBe(400);
    await nothingHappened('wecom', '9100000000000000006');
  });

  // WeCom posts XML as text/xml, application/xml or with no content type, so the adapter reads
  // every type as text (no 415); a JSON body is refused as malformed instead of guessed at.
  it('refuses a JSON body: 400', async () => {
    const request = signedPost(text('9100000000000000007'));
    const res = await app.server.inject({
      ...request,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ Encrypt: 'abc' }),
    });
    expect(res.statusCode).toBe(400);
    await nothingHappened('wecom', '9100000000000000007');
  });
});

describe('DingTalk: POST /dingtalk/callback', () => {
  const liming = dingtalkLiming;
  const hr = dingtalkHr;
  const post = (body: unknown, headers: Record<string, string>) =>
    app.server.inject({
      method: 'POST',
      url: '/dingtalk/callback',
      headers,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses a sign made with another secret: 401, nothing stored or sent', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const res = await post(message, freshSignedHeaders('guessed-app-secret', TEST_TODAY));
    expect(res.statusCode).toBe(401);
    await nothingHappened('dingtalk', message.msgId as string);
  });

  it('refuses a captured timestamp and sign carrying a different body: 401, nothing stored or sent', async () => {
    const captured = freshSignedHeaders(DINGTALK_SECRET, TEST_TODAY);
    const original = makeRobotMessage({ staffId: liming, text: 'help' });
    expect((await post(original, captured)).statusCode).toBe(200);
    // The pair was genuine: its own body was answered.
    expect((await settled('dingtalk', original.msgId as string)).map((r) => r.status)).toEqual(['SENT']);
    expect(outbound.some((o) => o.path.startsWith('/v1.0/robot/oToMessages/batchSend'))).toBe(true);
    outbound.length = 0;

    const forged = makeRobotMessage({ staffId: hr, text: 'report payroll 2026-10' });
    const res = await post(forged, captured);
    expect(res.statusCode).toBe(401);
    await nothingHappened('dingtalk', forged.msgId as string);
  });

  it('refuses a correctly signed request more than an hour old: 401', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const res = await post(message, signedHeaders(DINGTALK_SECRET, new Date(TEST_TODAY.getTime() - 61 * 60_000)));
    expect(res.statusCode).toBe(401);
    await nothingHappened('dingtalk', message.msgId as string);
  });

  it('refuses a signed body over 1 MiB: 413', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'x'.repeat(MIB + 1) });
    const res = await post(message, freshSignedHeaders(DINGTALK_SECRET, TEST_TODAY));
    expect(res.statusCode).toBe(413);
    await nothingHappened('dingtalk', message.msgId as string);
  });

  it('refuses a signed, truncated JSON body: 400', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const whole = JSON.stringify(message);
    const res = await post(whole.slice(0, whole.length - 5), freshSignedHeaders(DINGTALK_SECRET, TEST_TODAY));
    expect(res.statusCode).toBe(400);
    await nothingHappened('dingtalk', message.msgId as string);
  });

  it('refuses a signed body in a content type DingTalk never sends: 415', async () => {
    const message = makeRobotMessage({ staffId: liming, text: 'help' });
    const res = await post(message, {
      ...freshSignedHeaders(DINGTALK_SECRET, TEST_TODAY),
      'content-type': 'application/xml',
    });
    expect(res.statusCode).toBe(415);
    await nothingHappened('dingtalk', message.msgId as string);
  });
});

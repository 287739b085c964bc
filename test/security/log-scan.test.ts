// Issue 8, finding 4: the request log recorded `/files/<id>.<exp>.<mac>` URLs, bearer credentials
// to HR and payroll files. A whole run is logged at debug level into memory and searched for
// anything a log reader must not learn: link tokens, secrets, what people typed, personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../cards/card.js';
import { createLogger } from '../../src/log.js';
import { callbackXml, signedPost, wecomEnv } from '../adapters/wecom/callbacks.js';
import { startStandIn as startWecomStandIn } from '../adapters/wecom/stand-in.js';
import { makeRobotMessage, signedHeaders } from '../fixtures/dingtalk/messages.js';
import { startStandIn as startDingtalkStandIn } from '../fixtures/dingtalk/stand-in.js';
import { insertKpiResult } from '../fixtures/kpi-results.js';
import { eventBody, signedRequest, slackEnv } from '../fixtures/slack/requests.js';
import { startSlackStandIn } from '../fixtures/slack/stand-in.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const CONSOLE_TOKEN = 'console-token-for-log-scan-5b8e21';
const DINGTALK_SECRET = 'dingtalk-app-secret-for-log-scan';
const lines: string[] = [];
const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });

const slack = await startSlackStandIn();
const wecom = await startWecomStandIn();
const dingtalk = await startDingtalkStandIn();
afterAll(async () => {
  await Promise.all([slack.close(), wecom.close(), dingtalk.close()]);
});
const env: Record<string, string> = {
  CONSOLE_TOKEN,
  LINK_SIGNING_SECRET: 'link-signing-secret-for-log-scan-0123456789abcdef',
  ...slackEnv(slack.url),
  ...wecomEnv(wecom.url),
  DINGTALK_CLIENT_ID: 'dingclientid',
  DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
  DINGTALK_ROBOT_CODE: 'dingrobotcode',
  DINGTALK_API_BASE: dingtalk.url,
};
const app = await startTestApp({ env, logger });

// Words nobody else would write, so finding one in the log means the message text leaked.
const typed = {
  console: 'report person 李明 2026-10',
  slack: 'quartz-harbor-slack 13800000000',
  wecom: 'quartz-harbor-wecom liming@example.com',
  dingtalk: 'quartz-harbor-dingtalk 李明',
};
const tokens: string[] = [];
const signatures: string[] = [];

async function identity(platform: 'SLACK' | 'DINGTALK', employeeId: string) {
  return (await app.db.chatIdentity.findFirstOrThrow({ where: { platform, employeeId } })).platformUserId;
}

async function settled() {
  for (let i = 0; i < 1000; i += 1) {
    const open = await app.db.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
    const platforms = await app.db.outboxMessage.groupBy({ by: ['platform'], where: { status: 'SENT' } });
    if (open === 0 && platforms.length >= 3) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('replies did not reach the platforms');
}

beforeAll(async () => {
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-10', totalScore: 91.5, band: 'A' });
  const auth = { authorization: `Bearer ${CONSOLE_TOKEN}` };
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    headers: auth,
    payload: { userId: 'emp_malin', text: typed.console },
  });
  expect(res.statusCode).toBe(200);
  const card = (res.json() as { replies: Card[] }).replies[0] as Card;
  const paths = cardButtons(card).flatMap((b) => ('url' in b ? [new URL(b.url).pathname] : []));
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) {
    tokens.push(
      path
        .split('/')
        .at(-1)
        ?.replace(/\.png$/, '') as string,
    );
    expect((await app.server.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    // A tampered link, the same link under a path no route has, and with a query.
    await app.server.inject({ method: 'GET', url: `${path}x` });
    await app.server.inject({ method: 'GET', url: `${path}/extra` });
    await app.server.inject({ method: 'GET', url: `${path}?download=${path.split('/').at(-1)}` });
  }
  await app.server.inject({ method: 'GET', url: '/console/api/users', headers: auth });

  const slackUser = await identity('SLACK', 'emp_liming');
  const slackRequest = signedRequest(
    eventBody('message-im.json', 'EvLOGSCAN1', { user: slackUser, channel: 'D0LOGSCAN', text: typed.slack }),
  );
  signatures.push(slackRequest.headers['x-slack-signature']);
  expect((await app.server.inject(slackRequest)).statusCode).toBe(200);

  const wecomRequest = signedPost(callbackXml('text', { content: typed.wecom }));
  signatures.push(new URL(wecomRequest.url, 'http://x').searchParams.get('msg_signature') as string);
  expect((await app.server.inject(wecomRequest)).statusCode).toBe(200);

  const headers = signedHeaders(DINGTALK_SECRET, TEST_TODAY);
  signatures.push(headers.sign);
  const dingUser = await identity('DINGTALK', 'emp_liming');
  const dingRes = await app.server.inject({
    method: 'POST',
    url: '/dingtalk/callback',
    headers,
    payload: JSON.stringify(makeRobotMessage({ staffId: dingUser, text: typed.dingtalk })),
  });
  expect(dingRes.statusCode).toBe(200);
  await settled();
});

describe('the log of a whole run', () => {
  it('holds request lines for the downloads and callbacks, so the scan has something to read', () => {
    const log = lines.join('');
    expect(log).toContain('"url":"/files/:token"');
    expect(log).toContain('/slack/events');
    expect(log).toContain('/wecom/callback?[redacted]');
    expect(log).toContain('/dingtalk/callback');
  });

  it('holds no download token', () => {
    const log = lines.join('');
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      for (const part of token.split('.')) expect(log).not.toContain(part);
    }
  });

  it('holds no secret and no signature', () => {
    const log = lines.join('');
    const secrets = [
      CONSOLE_TOKEN,
      env.LINK_SIGNING_SECRET,
      env.SLACK_BOT_TOKEN,
      env.SLACK_SIGNING_SECRET,
      env.WECOM_SECRET,
      env.WECOM_TOKEN,
      env.WECOM_ENCODING_AES_KEY,
      DINGTALK_SECRET,
      ...signatures,
    ];
    for (const secret of secrets) expect(log, 'a secret').not.toContain(secret as string);
  });

  it('holds nothing anyone typed', () => {
    const log = lines.join('');
    for (const text of Object.values(typed)) expect(log).not.toContain(text);
    expect(log).not.toContain('quartz-harbor');
  });

  it('holds no employee name, phone or e-mail from the demo company', async () => {
    const log = lines.join('');
    const people = await app.db.employee.findMany({ select: { name: true, phone: true, email: true } });
    const personal = people.flatMap((p) => [p.name, p.phone, p.email]).filter((v): v is string => Boolean(v));
    expect(personal.length).toBeGreaterThan(10);
    const found = personal.filter((value) => log.includes(value));
    expect(found).toEqual([]);
  });
});

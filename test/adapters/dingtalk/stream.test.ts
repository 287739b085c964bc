import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { createStream } from '../../../adapters/dingtalk/stream.js';
import { makeRobotMessage } from '../../fixtures/dingtalk/messages.js';
import { startStandIn, waitFor } from '../../fixtures/dingtalk/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const standIn = await startStandIn();
afterAll(() => standIn.close());
const gateway = `${standIn.url.replace('http', 'ws')}/gateway`;
const silent = pino({ level: 'silent' });

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (raw) => resolve(JSON.parse(raw.toString()))));
}

function frame(type: string, topic: string, messageId: string, data: unknown) {
  return JSON.stringify({
    specVersion: '1.0',
    type,
    headers: { topic, messageId, contentType: 'application/json', time: '1763438400000', appId: 'app' },
    data: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

describe('DingTalk Stream mode end to end', async () => {
  const app = await startTestApp({
    env: {
      DINGTALK_CLIENT_ID: 'dingclientid',
      DINGTALK_CLIENT_SECRET: 'stream-secret',
      DINGTALK_ROBOT_CODE: 'dingrobotcode',
      DINGTALK_API_BASE: standIn.url,
      DINGTALK_STREAM: 'true',
    },
  });
  const identity = await app.db.chatIdentity.findFirstOrThrow({
    where: { platform: 'DINGTALK', employeeId: 'emp_liming' },
  });

  it('opens the gateway with the client credentials and the robot topic, then connects with the ticket', async () => {
    const before = standIn.sockets.length;
    await app.start();
    await waitFor(() => standIn.sockets.length > before);
    const open = standIn.requests.find((r) => r.path === '/v1.0/gateway/connections/open');
    expect(open?.body).toMatchObject({
      clientId: 'dingclientid',
      clientSecret: 'stream-secret',
      subscriptions: [{ type: 'CALLBACK', topic: '/v1.0/im/bot/messages/get' }],
    });
    expect(standIn.socketUrls.at(-1)).toMatch(/^\/gateway\?ticket=ticket-\d+$/);
  });

  it('answers a SYSTEM ping with the same headers and data', async () => {
    const ws = standIn.sockets.at(-1) as WebSocket;
    const reply = nextFrame(ws);
    ws.send(frame('SYSTEM', 'ping', 'ping-1', { opaque: 'abc' }));
    expect(await reply).toMatchObject({
      code: 200,
      headers: { messageId: 'ping-1', topic: 'ping' },
      data: JSON.stringify({ opaque: 'abc' }),
    });
  });

  it('acks a CALLBACK carrying help and sends the help card to the user', async () => {
    const ws = standIn.sockets.at(-1) as WebSocket;
    const reply = nextFrame(ws);
    const message = makeRobotMessage({ staffId: identity.platformUserId, text: 'help' });
    ws.send(frame('CALLBACK', '/v1.0/im/bot/messages/get', 'cb-1', message));
    expect(await reply).toMatchObject({ code: 200, headers: { messageId: 'cb-1' }, message: 'OK' });
    const send = await waitFor(() => standIn.requests.find((r) => r.path === '/v1.0/robot/oToMessages/batchSend'));
    expect(send.body).toMatchObject({ userIds: [identity.platformUserId] });
    expect(JSON.parse((send.body as { msgParam: string }).msgParam).title).toBe('考谱能帮你做什么');
  });

  it('acks a redelivered CALLBACK again but replies only once', async () => {
    const ws = standIn.sockets.at(-1) as WebSocket;
    const message = makeRobotMessage({ staffId: identity.platformUserId, text: 'help' });
    for (const id of ['cb-2', 'cb-2-again']) {
      const reply = nextFrame(ws);
      ws.send(frame('CALLBACK', '/v1.0/im/bot/messages/get', id, message));
      expect(await reply).toMatchObject({ code: 200, headers: { messageId: id } });
    }
    const rows = await waitFor(async () => {
      const found = await app.db.outboxMessage.findMany({
        where: { dedupeKey: { startsWith: `reply:dingtalk:${message.msgId as string}:` }, status: 'SENT' },
      });
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
  });
});

describe('DingTalk Stream connection upkeep', () => {
  function stream(overrides: { watchdogMs?: number } = {}) {
    let opened = 0;
    const s = createStream({
      logger: silent,
      open: async () => {
        opened += 1;
        return { endpoint: gateway, ticket: `t${opened}` };
      },
      onCallback: async () => 'ack',
      watchdogMs: overrides.watchdogMs ?? 60_000,
      keepAliveMs: 60_000,
      backoffMs: { initial: 20, max: 100 },
    });
    return { s, opened: () => opened };
  }

  it('reconnects with a fresh ticket after the gateway drops the socket', async () => {
    const before = standIn.sockets.length;
    const { s, opened } = stream();
    await s.start();
    await waitFor(() => standIn.sockets.length === before + 1);
    standIn.sockets.at(-1)?.terminate();
    await waitFor(() => standIn.sockets.length === before + 2);
    expect(opened()).toBe(2);
    expect(standIn.socketUrls.at(-1)).toBe('/gateway?ticket=t2');
    await s.stop();
  });

  it('reconnects when the watchdog sees no frame in time', async () => {
    const before = standIn.sockets.length;
    const { s } = stream({ watchdogMs: 150 });
    await s.start();
    await waitFor(() => standIn.sockets.length >= before + 2);
    await s.stop();
  });

  it('replaces the connection on a disconnect notice and closes the old one after', async () => {
    const before = standIn.sockets.length;
    const { s } = stream();
    await s.start();
    const first = await waitFor(() => standIn.sockets[before]);
    const closed = new Promise<void>((resolve) => first.once('close', () => resolve()));
    first.send(frame('SYSTEM', 'disconnect', 'd-1', { reason: 'maintenance' }));
    await waitFor(() => standIn.sockets.length === before + 2);
    await closed;
    await s.stop();
  });

  it('leaves no socket open and makes no new connection after stop', async () => {
    const before = standIn.sockets.length;
    const { s, opened } = stream();
    await s.start();
    const socket = await waitFor(() => standIn.sockets[before]);
    await s.stop();
    await waitFor(() => socket.readyState === socket.CLOSED);
    const openedAtStop = opened();
    await new Promise((r) => setTimeout(r, 150));
    expect(opened()).toBe(openedAtStop);
    expect(standIn.sockets).toHaveLength(before + 1);
  });
});

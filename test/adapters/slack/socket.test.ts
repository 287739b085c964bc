// Socket Mode: the stand-in answers apps.connections.open with a local WebSocket, which plays
// Slack's side of the protocol (hello, envelopes, acks by envelope_id).
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { eventBody, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise((resolve) => wss.once('listening', resolve));
const received: { envelope_id?: string }[] = [];
let link: WebSocket | undefined;
wss.on('connection', (socket) => {
  link = socket;
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as { envelope_id?: string }));
  socket.send(
    JSON.stringify({
      type: 'hello',
      num_connections: 1,
      debug_info: { host: 'stand-in', approximate_connection_time: 18060 },
      connection_info: { app_id: 'A0KAOPU01' },
    }),
  );
});
afterAll(() => new Promise<void>((resolve) => wss.close(() => resolve())));

const slack = await startSlackStandIn();
afterAll(() => slack.close());
slack.answers.set('apps.connections.open', {
  ok: true,
  url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
});
const app = await startTestApp({ env: { ...slackEnv(slack.url), SLACK_APP_TOKEN: 'xapp-kaopu-test' } });
const liming = (await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId: 'emp_liming', platform: 'SLACK' } }))
  .platformUserId;

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Slack Socket Mode', () => {
  it('connects with the app token when the app starts', async () => {
    await app.start();
    await until(() => link);
    const [open] = await slack.waitFor('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-kaopu-test');
  });

  it('acks a help DM envelope and answers with the help card', async () => {
    link?.send(
      JSON.stringify({
        envelope_id: 'env-help-1',
        type: 'events_api',
        payload: eventBody('message-im.json', 'EvSOCK0001', { user: liming, channel: 'D0SOCK0001' }),
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
      }),
    );
    await until(() => received.find((r) => r.envelope_id === 'env-help-1'));
    const post = await until(() =>
      slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SOCK0001'),
    );
    expect(post.body.text).toContain('help / 帮助');
  });

  it('acks a /kaopu envelope and answers in the user DM', async () => {
    link?.send(
      JSON.stringify({
        envelope_id: 'env-cmd-1',
        type: 'slash_commands',
        payload: {
          command: '/kaopu',
          text: 'help',
          user_id: liming,
          channel_id: 'C0SOCK0002',
          trigger_id: '555.666.socket',
        },
        accepts_response_payload: true,
      }),
    );
    await until(() => received.find((r) => r.envelope_id === 'env-cmd-1'));
    const post = await until(() =>
      slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === `D${liming}`),
    );
    expect(post.body.text).toContain('help / 帮助');
  });
});

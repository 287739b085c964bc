// The real app with Slack configured, talking to a local stand-in of the Slack Web API.
import { afterAll, describe, expect, it } from 'vitest';
import {
  actionBody,
  BOT_TOKEN,
  eventBody,
  fixture,
  signedRequest,
  slackEnv,
  slashBody,
} from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });

async function slackIdOf(employeeId: string): Promise<string> {
  const identity = await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId, platform: 'SLACK' } });
  return identity.platformUserId;
}
const liming = await slackIdOf('emp_liming');

async function postsTo(channel: string, count = 1) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    if (posts.length >= count) return posts.map((p) => p.body as { text: string; blocks: Record<string, unknown>[] });
    if (Date.now() > deadline) throw new Error(`no message reached ${channel}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The outbox row once its send has finished (the platform sees the message a moment earlier). */
async function settled(dedupeKey: string) {
  for (;;) {
    const row = await app.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey } });
    if (row.status !== 'SENDING' && row.status !== 'PENDING') return row;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Slack end to end', () => {
  it('answers the URL verification challenge', async () => {
    const res = await app.server.inject(signedRequest(fixture('url-verification.json')));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers a help DM with the native help card posted to that DM', async () => {
    const res = await app.server.inject(
      signedRequest(eventBody('message-im.json', 'EvE2E0001', { user: liming, channel: 'D0E2E0001', text: 'help' })),
    );
    expect(res.statusCode).toBe(200);
    const [message] = await postsTo('D0E2E0001');
    const call = slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0E2E0001');
    expect(call?.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(message?.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '考谱能帮你做什么', emoji: true },
    });
    expect(message?.text).toContain('李明');
    expect(message?.text).toContain('help / 帮助');
    const row = await settled('reply:slack:EvE2E0001:0');
    expect(row).toMatchObject({ status: 'SENT', platformMessageId: expect.stringMatching(/^D0E2E0001:/) });
  });

  it('follows a pressed button with the card for that action', async () => {
    await app.server.inject(
      signedRequest(eventBody('message-im.json', 'EvE2E0002', { user: liming, channel: 'D0E2E0002', text: 'hepl' })),
    );
    const [notice] = await postsTo('D0E2E0002');
    const actions = notice?.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['help.show']);
    const pressed = await app.server.inject(
      signedRequest(actionBody({ user: liming, actionId: 'help.show', trigger: '111.222.e2e', channel: 'D0E2E0002' })),
    );
    expect(pressed.statusCode).toBe(200);
    const [, followUp] = await postsTo('D0E2E0002', 2);
    expect(followUp?.blocks[0]).toMatchObject({ type: 'header', text: { text: '考谱能帮你做什么' } });
  });

  it('answers /kaopu help at once and sends the help card to the user DM', async () => {
    const res = await app.server.inject(
      signedRequest(slashBody({ user: liming, text: 'help', trigger: '333.444.e2e', channel: 'C0E2E0003' })),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    const opened = await slack.waitFor('conversations.open');
    expect(opened.at(-1)?.body).toEqual({ users: liming });
    const [message] = await postsTo(`D${liming}`);
    expect(message?.text).toContain('help / 帮助');
  });

  it('answers a mention in a channel in that channel', async () => {
    const res = await app.server.inject(
      signedRequest(eventBody('app-mention.json', 'EvE2E0004', { user: liming, channel: 'C0E2E0004' })),
    );
    expect(res.statusCode).toBe(200);
    const [message] = await postsTo('C0E2E0004');
    expect(message?.text).toContain('help / 帮助');
  });

  it('greets an unknown Slack user with the onboarding card naming their id', async () => {
    await app.server.inject(
      signedRequest(eventBody('message-im.json', 'EvE2E0005', { user: 'U0STRANGER', channel: 'D0E2E0005' })),
    );
    const [message] = await postsTo('D0E2E0005');
    expect(message?.text).toContain('U0STRANGER');
    expect(message?.blocks[0]).toMatchObject({ type: 'header' });
  });

  it('publishes the App Home tab with the bot answer when a user opens it', async () => {
    const res = await app.server.inject(
      signedRequest(eventBody('app-home-opened.json', 'EvE2E0006', { user: liming })),
    );
    expect(res.statusCode).toBe(200);
    const [publish] = await slack.waitFor('views.publish');
    expect(publish?.body).toMatchObject({
      user_id: liming,
      view: { type: 'home', blocks: expect.arrayContaining([expect.objectContaining({ type: 'header' })]) },
    });
  });

  it('ignores messages posted by bots, including its own replies', async () => {
    const res = await app.server.inject(
      signedRequest(
        eventBody('message-im.json', 'EvE2E0007', { user: liming, channel: 'D0E2E0007', bot_id: 'B0KAOPU' }),
      ),
    );
    expect(res.statusCode).toBe(200);
    expect(await app.db.inboundEvent.count({ where: { source: 'slack', eventId: 'EvE2E0007' } })).toBe(0);
  });
});

// Reply privacy on Slack: a personal card asked for in a channel reaches the sender in a DM.
import { afterAll, describe, expect, it } from 'vitest';
import { eventBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });
const liming = (await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId: 'emp_liming', platform: 'SLACK' } }))
  .platformUserId;

async function mention(eventId: string, channel: string, text: string) {
  const res = await app.server.inject(
    signedRequest(eventBody('app-mention.json', eventId, { user: liming, channel, text: `<@U0KAOPUBOT> ${text}` })),
  );
  expect(res.statusCode).toBe(200);
  // The bot works after the ack; wait for it and for the outbox.
  await new Promise((r) => setImmediate(r));
  await app.pipeline.idle();
  await app.outbox.drain();
}

const postsTo = (channel: string) =>
  slack.calls
    .filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel)
    .map((c) => c.body as { text: string });

describe('Slack reply privacy', () => {
  it('sends a KPI card asked for in a channel to the sender’s DM and a notice to the channel', async () => {
    await mention('EvPRIV0001', 'C0PRIV0001', 'kpi');

    const [notice, ...more] = postsTo('C0PRIV0001');
    expect(more).toEqual([]);
    expect(notice?.text).toContain('已私信发给你');
    expect(slack.calls.find((c) => c.method === 'conversations.open')?.body).toEqual({ users: liming });
    const [card] = postsTo(`D${liming}`);
    expect(card?.text).toContain('2026-11');
  });

  it('still answers help in the channel itself', async () => {
    await mention('EvPRIV0002', 'C0PRIV0002', 'help');

    expect(postsTo('C0PRIV0002').map((m) => m.text.split('\n')[0])).toEqual(['考谱能帮你做什么']);
  });

  it('publishes the App Home tab through the outbox, once per event', async () => {
    const opened = signedRequest(eventBody('app-home-opened.json', 'EvPRIV0003', { user: liming }));
    await app.server.inject(opened);
    await app.server.inject(signedRequest(eventBody('app-home-opened.json', 'EvPRIV0003', { user: liming })));
    await new Promise((r) => setImmediate(r));
    await app.pipeline.idle();
    await app.outbox.drain();

    const publishes = slack.calls.filter((c) => c.method === 'views.publish');
    expect(publishes).toHaveLength(1);
    expect(publishes[0]?.body).toMatchObject({ user_id: liming, view: { type: 'home' } });
    const row = await app.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: 'reply:slack:EvPRIV0003:home:0' } });
    expect(row.status).toBe('SENT');
  });
});

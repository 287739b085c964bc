// One inbound pipeline for every platform: one queue limits them together, one store ignores
// repeats on each, and one recovery finishes what a crash left between store and reply.
import { afterAll, describe, expect, it } from 'vitest';
import type { BotEvent } from '../../../src/bot/event.js';
import { callbackXml, signedPost, wecomEnv } from '../../adapters/wecom/callbacks.js';
import { startStandIn as startWecomStandIn } from '../../adapters/wecom/stand-in.js';
import { freshSignedHeaders, makeRobotMessage } from '../../fixtures/dingtalk/messages.js';
import { startStandIn as startDingtalkStandIn } from '../../fixtures/dingtalk/stand-in.js';
import { eventBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const slack = await startSlackStandIn();
const dingtalk = await startDingtalkStandIn();
const wecom = await startWecomStandIn();
afterAll(async () => {
  await slack.close();
  await dingtalk.close();
  await wecom.close();
});
const DINGTALK_SECRET = 'dingtalk-app-secret-for-tests';
let clock = TEST_TODAY;
// One event answered at a time and one more waiting, for every platform together.
const app = await startTestApp({
  env: {
    ...slackEnv(slack.url),
    ...wecomEnv(wecom.url),
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
    DINGTALK_API_BASE: dingtalk.url,
  },
  now: () => clock,
  pipelineLimits: { concurrency: 1, maxWaiting: 1 },
});

const idOn = async (platform: 'SLACK' | 'DINGTALK', employeeId = 'emp_liming') =>
  (await app.db.chatIdentity.findFirstOrThrow({ where: { platform, employeeId } })).platformUserId;
const slackUser = await idOn('SLACK');
const dingtalkUser = await idOn('DINGTALK');

function helpOn(platform: 'slack' | 'dingtalk', id: string): BotEvent {
  const userId = platform === 'slack' ? slackUser : dingtalkUser;
  return {
    id,
    platform,
    user: { platformUserId: userId },
    conversation: { kind: 'dm', id: `dm-${id}` },
    replyTo: { kind: 'user', userId },
    payload: { kind: 'text', text: 'help' },
    receivedAt: clock,
  };
}

async function settle(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await app.pipeline.idle();
  await app.outbox.drain();
}

const answered = (ids: string[]) =>
  app.db.inboundEvent.count({ where: { eventId: { in: ids }, handledAt: { not: null } } });
const repliesTo = (ids: string[]) =>
  app.db.outboxMessage.count({
    where: {
      OR: ids.flatMap((id) => ['slack', 'dingtalk'].map((p) => ({ dedupeKey: { startsWith: `reply:${p}:${id}:` } }))),
    },
  });

describe('the shared inbound pipeline', () => {
  it('limits a burst on two platforms with one queue and answers the overflow after the grace period', async () => {
    const burst = [
      helpOn('slack', 'EvBURST1'),
      helpOn('dingtalk', 'msgBURST1'),
      helpOn('slack', 'EvBURST2'),
      helpOn('dingtalk', 'msgBURST2'),
    ];
    for (const event of burst) expect(await app.pipeline.accept(event.platform, event.id, event)).toBe(true);
    for (const event of burst) app.pipeline.deliver(event);
    await settle();

    const ids = burst.map((e) => e.id);
    // The first two took the one running place and the one waiting place, whichever platform.
    expect(await answered(ids)).toBe(2);
    expect(await answered(['EvBURST1', 'msgBURST1'])).toBe(2);
    expect(await repliesTo(['EvBURST2', 'msgBURST2'])).toBe(0);

    clock = new Date(clock.getTime() + 31_000);
    expect(await app.recoverInbound()).toBe(1 + 1);
    await settle();
    expect(await answered(ids)).toBe(4);
    expect(await repliesTo(ids)).toBe(4);
    expect(await app.recoverInbound()).toBe(0);
  });

  it('ignores a repeated event id on Slack, WeCom and DingTalk alike', async () => {
    dingtalk.requests.length = 0;
    const slackEvent = eventBody('message-im.json', 'EvDUP0001', {
      user: slackUser,
      channel: 'D0DUP0001',
      text: 'help',
    });
    const wecomXml = callbackXml('text', { msgId: '7000000000000001', content: 'help' });
    const dingtalkMessage = makeRobotMessage({ staffId: dingtalkUser, text: 'help', msgId: 'msgDUP0001' });
    const requests = [
      () => signedRequest(slackEvent),
      () => signedPost(wecomXml),
      () => ({
        method: 'POST' as const,
        url: '/dingtalk/callback',
        headers: freshSignedHeaders(DINGTALK_SECRET, clock),
        payload: JSON.stringify(dingtalkMessage),
      }),
    ];
    // One at a time: this app's queue holds two events, and a burst is the test above.
    const sent = () => ({
      slack: slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0DUP0001').length,
      // A reply with more than a WeCom card holds goes as markdown plus a card: count both.
      wecom: wecom.to('/cgi-bin/message/send').length,
      dingtalk: dingtalk.requests.filter(
        (r) => JSON.stringify(r.body).includes(dingtalkUser) && r.path.includes('batchSend'),
      ).length,
    });
    for (const request of requests) {
      expect((await app.server.inject(request())).statusCode).toBe(200);
      await settle();
    }
    const answered = sent();
    expect(answered.slack).toBe(1);
    expect(answered.wecom).toBeGreaterThanOrEqual(1);
    expect(answered.dingtalk).toBe(1);
    // The platforms deliver the same events again: nothing more is stored or sent.
    for (const request of requests) {
      expect((await app.server.inject(request())).statusCode).toBe(200);
      await settle();
    }
    expect(
      await app.db.inboundEvent.count({ where: { eventId: { in: ['EvDUP0001', '7000000000000001', 'msgDUP0001'] } } }),
    ).toBe(3);
    expect(sent()).toEqual(answered);
  });

  it('answers once an event stored before a crash, and ignores the platform retrying it', async () => {
    // The process stored the event and acknowledged Slack, then died before the bot ran.
    const body = eventBody('message-im.json', 'EvCRASH01', { user: slackUser, channel: 'D0CRASH01', text: 'help' });
    const event: BotEvent = {
      ...helpOn('slack', 'EvCRASH01'),
      replyTo: { kind: 'user', userId: slackUser, hint: { channel: 'D0CRASH01' } },
    };
    expect(await app.pipeline.accept('slack', 'EvCRASH01', event)).toBe(true);

    clock = new Date(clock.getTime() + 31_000);
    expect(await app.recoverInbound()).toBe(1);
    await settle();
    const retried = await app.server.inject(signedRequest(body));
    expect(retried.statusCode).toBe(200);
    await settle();
    expect(await app.recoverInbound()).toBe(0);

    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0CRASH01');
    expect(posts.map((p) => String(p.body.text).split('\n')[0])).toEqual(['考谱能帮你做什么']);
  });
});

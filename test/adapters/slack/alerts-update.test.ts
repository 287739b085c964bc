// An alert card in a Slack channel is updated in place (chat.update on the channel and ts the post
// returned) when a manager presses Acknowledge; the Slack Web API is the local stand-in.
import { afterAll, expect, it } from 'vitest';
import { ALERTS_RUNTIME } from '../../../src/alerts/index.js';
import { actionBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });
const engine = app.kit.services.get(ALERTS_RUNTIME)?.engine;

it('Acknowledge updates the alert card in the team channel in place', async () => {
  const channel = (await app.db.groupChat.findFirstOrThrow({ where: { teamId: 'team_aftersales', platform: 'SLACK' } }))
    .platformChatId;
  const manager = (
    await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId: 'emp_wangjianguo', platform: 'SLACK' } })
  ).platformUserId;
  await engine?.raise({
    rule: 'survey.low',
    decision: { key: 'survey:slack-1', severity: 'warning', evidence: { csat: 2 } },
    employeeId: 'emp_liming',
  });
  await engine?.pump();
  await app.outbox.drain();
  const [post] = (await slack.waitFor('chat.postMessage')).filter((c) => c.body.channel === channel);
  expect(post?.body.text).toContain('满意度低分');
  const row = await app.db.outboxMessage.findFirstOrThrow({ where: { target: `group:${channel}`, status: 'SENT' } });
  const [, ts] = (row.platformMessageId ?? '').split(':');
  const alert = await app.db.alert.findUniqueOrThrow({ where: { dedupeKey: 'survey.low:survey:slack-1' } });

  const pressed = await app.server.inject(
    signedRequest(actionBody({ user: manager, actionId: 'alerts.ack', value: alert.id, trigger: '1.2.ack', channel })),
  );
  expect(pressed.statusCode).toBe(200);
  const [update] = await slack.waitFor('chat.update');
  expect(update?.body).toMatchObject({ channel, ts });
  expect(String(update?.body.text)).toContain('王建国 已确认');
  // The update replaced the message: still one post in the channel.
  expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel)).toHaveLength(1);
  expect((await app.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe('ACKNOWLEDGED');
});

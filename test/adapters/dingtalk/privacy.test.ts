// Reply privacy on DingTalk: a personal card asked for in a group reaches the sender one to one.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { freshSignedHeaders, makeRobotMessage } from '../../fixtures/dingtalk/messages.js';
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
const liming = (
  await app.db.chatIdentity.findFirstOrThrow({ where: { platform: 'DINGTALK', employeeId: 'emp_liming' } })
).platformUserId;

async function sayInGroup(text: string, extra: { sessionWebhook?: string; sessionWebhookExpiredTime?: number } = {}) {
  const res = await app.server.inject({
    method: 'POST',
    url: '/dingtalk/callback',
    headers: freshSignedHeaders(SECRET, TEST_TODAY),
    payload: JSON.stringify(
      makeRobotMessage({ staffId: liming, text, group: true, conversationId: 'cidPrivacy==', ...extra }),
    ),
  });
  expect(res.statusCode).toBe(200);
  await app.pipeline.idle();
  await app.outbox.drain();
}

const sent = (path: string) => standIn.requests.filter((r) => r.path === path);
const paramOf = (r: Recorded) => JSON.parse((r.body as { msgParam: string }).msgParam) as Record<string, string>;

beforeEach(() => {
  standIn.requests.length = 0;
});

describe('DingTalk reply privacy', () => {
  it('sends a KPI card asked for in a group to the sender alone and tells the group so', async () => {
    await sayInGroup('@考谱 kpi');
    const toGroup = await waitFor(() => sent('/v1.0/robot/groupMessages/send')[0]);
    const toSender = await waitFor(() => sent('/v1.0/robot/oToMessages/batchSend')[0]);

    expect(toSender.body).toMatchObject({ robotCode: 'dingrobotcode', userIds: [liming] });
    expect(paramOf(toSender).title).toContain('2026-11');
    expect(toGroup.body).toMatchObject({ openConversationId: 'cidPrivacy==' });
    expect(paramOf(toGroup).text).toContain('已私信发给你');
    expect(JSON.stringify(sent('/v1.0/robot/groupMessages/send'))).not.toContain('2026-11');
    expect(sent('/v1.0/robot/groupMessages/send')).toHaveLength(1);
  });

  it("never sends a personal card through the group's sessionWebhook", async () => {
    await sayInGroup('kpi', {
      sessionWebhook: `${standIn.url}/robot/sendBySession?session=privacy`,
      sessionWebhookExpiredTime: TEST_TODAY.getTime() + 60 * 60_000,
    });
    const inPlace = await waitFor(() => sent('/robot/sendBySession')[0]);
    const toSender = await waitFor(() => sent('/v1.0/robot/oToMessages/batchSend')[0]);

    expect(JSON.stringify(inPlace.body)).toContain('已私信发给你');
    expect(sent('/robot/sendBySession')).toHaveLength(1);
    expect(paramOf(toSender).title).toContain('2026-11');
  });

  it('still answers help in the group itself', async () => {
    await sayInGroup('@考谱 help');
    const toGroup = await waitFor(() => sent('/v1.0/robot/groupMessages/send')[0]);

    expect(paramOf(toGroup).title).toBe('考谱能帮你做什么');
    expect(sent('/v1.0/robot/oToMessages/batchSend')).toHaveLength(0);
  });
});

// kit.notify without an inbound message: to a person and to a team's group chat on Slack, WeCom,
// DingTalk (nock at the platform's HTTP boundary) and the console (its own API), in the
// recipient's language, once per dedupe key, and never thrown at a job when nobody can be reached.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { noticeCard } from '../../cards/notice-card.js';
import type { Translate } from '../../src/i18n/index.js';
import { wecomEnv } from '../adapters/wecom/callbacks.js';
import { slackEnv } from '../fixtures/slack/requests.js';
import { startTestApp } from '../helpers/test-app.js';

const reminder = (t: Translate) => noticeCard({ body: t('bot.empty_message') }, t);
const ZH = '请发送一条命令，例如“帮助”。';
const EN = 'Send a command, for example "help".';

const SLACK = 'https://slack.test';
const WECOM = 'https://qyapi.notify.test';
const DINGTALK = 'https://api.dingtalk.com';

const slack = await startTestApp({ env: slackEnv(`${SLACK}/api`) });
const wecom = await startTestApp({ env: wecomEnv(WECOM) });
const dingtalk = await startTestApp({
  env: { DINGTALK_CLIENT_ID: 'dingclientid', DINGTALK_CLIENT_SECRET: 'nock-secret', DINGTALK_ROBOT_CODE: 'dingrobot' },
});
const demo = await startTestApp();

const identity = (app: typeof slack, employeeId: string, platform: 'SLACK' | 'WECOM' | 'DINGTALK') =>
  app.db.chatIdentity.findFirstOrThrow({ where: { employeeId, platform } }).then((i) => i.platformUserId);
const groupOf = (app: typeof slack, teamId: string, platform: 'SLACK' | 'WECOM' | 'DINGTALK' | 'CONSOLE') =>
  app.db.groupChat.findFirstOrThrow({ where: { teamId, platform } });
const rowsFor = (app: typeof slack, dedupeKey: string) =>
  app.db.outboxMessage.findMany({ where: { dedupeKey: `notify:${dedupeKey}` } });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('notify on Slack', () => {
  it('reaches a person in their direct chat, written in their own language', async () => {
    const user = await identity(slack, 'emp_danielwu', 'SLACK');
    const posted: Record<string, unknown>[] = [];
    const scope = nock(SLACK)
      .post('/api/conversations.open', (body) => body.users === user)
      .reply(200, { ok: true, channel: { id: 'D0NOTIFY1' } })
      .post('/api/chat.postMessage', (body) => posted.push(body) > 0)
      .reply(200, { ok: true, channel: 'D0NOTIFY1', ts: '1763438400.000100' });
    const outcome = await slack.kit.notify({ employeeId: 'emp_danielwu' }, reminder, { dedupeKey: 'test.slack.dm' });
    expect(outcome).toEqual({ status: 'queued', platform: 'slack', locale: 'en' });
    await slack.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect(posted[0]?.channel).toBe('D0NOTIFY1');
    expect(posted[0]?.text).toContain(EN);
    expect((await rowsFor(slack, 'test.slack.dm'))[0]?.status).toBe('SENT');
  });

  it("posts to the team's channel in the company language", async () => {
    const channel = (await groupOf(slack, 'team_aftersales', 'SLACK')).platformChatId;
    const posted: Record<string, unknown>[] = [];
    const scope = nock(SLACK)
      .post('/api/chat.postMessage', (body) => posted.push(body) > 0)
      .reply(200, { ok: true, channel, ts: '1763438400.000200' });
    await slack.kit.notify({ teamId: 'team_aftersales' }, reminder, { dedupeKey: 'test.slack.team' });
    await slack.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect(posted[0]?.channel).toBe(channel);
    expect(posted[0]?.text).toContain(ZH);
  });

  it('sends a repeated dedupe key once', async () => {
    const scope = nock(SLACK)
      .post('/api/chat.postMessage')
      .once()
      .reply(200, { ok: true, channel: 'C0', ts: '1763438400.000300' });
    const first = await slack.kit.notify({ teamId: 'team_sales' }, reminder, { dedupeKey: 'test.slack.once' });
    await slack.outbox.drain();
    const second = await slack.kit.notify({ teamId: 'team_sales' }, reminder, { dedupeKey: 'test.slack.once' });
    await slack.outbox.drain();
    expect(first.status).toBe('queued');
    expect(second.status).toBe('duplicate');
    expect(scope.isDone()).toBe(true);
    expect(await rowsFor(slack, 'test.slack.once')).toHaveLength(1);
  });

  it('answers undeliverable, with an audit row, for someone with no chat identity', async () => {
    await slack.db.employee.create({
      data: { id: 'emp_nochat', employeeNo: 'T-NOCHAT', name: 'No Chat', hireDate: '2026-01-05' },
    });
    const outcome = await slack.kit.notify({ employeeId: 'emp_nochat' }, reminder, { dedupeKey: 'test.nochat' });
    expect(outcome).toEqual({ status: 'undeliverable', reason: 'no_chat_identity' });
    expect(await rowsFor(slack, 'test.nochat')).toHaveLength(0);
    const audit = await slack.db.auditLog.findFirst({
      where: { action: 'notify.undeliverable', subjectId: 'emp_nochat' },
    });
    expect(audit?.details).toMatchObject({ reason: 'no_chat_identity' });
  });
});

describe('notify on WeCom', () => {
  const token = () =>
    nock(WECOM).get('/cgi-bin/gettoken').query(true).reply(200, { errcode: 0, access_token: 'T', expires_in: 7200 });

  it("reaches a person's manager through the app message API", async () => {
    const manager = await identity(wecom, 'emp_wangjianguo', 'WECOM');
    let sent: Record<string, unknown> | undefined;
    const scope = token()
      .post('/cgi-bin/message/send', (body) => {
        sent = body;
        return true;
      })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok', msgid: 'm-notify' });
    const outcome = await wecom.kit.notify({ managerOf: 'emp_liming' }, reminder, { dedupeKey: 'test.wecom.manager' });
    expect(outcome).toEqual({ status: 'queued', platform: 'wecom', locale: 'zh-CN' });
    await wecom.outbox.drain();
    expect(scope.isDone()).toBe(true);
    expect(sent?.touser).toBe(manager);
    expect(JSON.stringify(sent)).toContain(ZH);
  });

  it("posts to the team's app group chat by its WeCom chat id", async () => {
    const chat = await groupOf(wecom, 'team_aftersales', 'WECOM');
    const scope = nock(WECOM)
      .post('/cgi-bin/appchat/send', (body) => body.chatid === chat.platformChatId && body.msgtype === 'markdown')
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    await wecom.kit.notify({ teamId: 'team_aftersales' }, reminder, { dedupeKey: 'test.wecom.team' });
    await wecom.outbox.drain();
    expect(scope.isDone()).toBe(true);
  });

  it("posts through the team's group robot once one is configured", async () => {
    const url = `${WECOM}/cgi-bin/webhook/send?key=robot-sales`;
    await wecom.db.groupChat.updateMany({
      where: { teamId: 'team_sales', platform: 'WECOM' },
      data: { webhookUrl: url },
    });
    const scope = nock(WECOM)
      .post('/cgi-bin/webhook/send', (body) => body.msgtype === 'markdown')
      .query({ key: 'robot-sales' })
      .reply(200, { errcode: 0, errmsg: 'ok' });
    await wecom.kit.notify({ teamId: 'team_sales' }, reminder, { dedupeKey: 'test.wecom.robot' });
    await wecom.outbox.drain();
    expect(scope.isDone()).toBe(true);
  });
});

describe('notify on DingTalk', () => {
  const token = () =>
    nock(DINGTALK).post('/v1.0/oauth2/accessToken').reply(200, { accessToken: 'dt-tok', expireIn: 7200 });

  it('reaches a person through the robot batchSend API', async () => {
    const user = await identity(dingtalk, 'emp_liming', 'DINGTALK');
    const scope = token()
      .post(
        '/v1.0/robot/oToMessages/batchSend',
        (body) => body.userIds?.[0] === user && JSON.stringify(body).includes(JSON.stringify(ZH).slice(1, -1)),
      )
      .reply(200, { processQueryKey: 'pqk-notify' });
    const outcome = await dingtalk.kit.notify({ employeeId: 'emp_liming' }, reminder, { dedupeKey: 'test.dt.dm' });
    expect(outcome.status).toBe('queued');
    await dingtalk.outbox.drain();
    expect(scope.isDone()).toBe(true);
  });

  it("posts to the team's group conversation", async () => {
    const chat = await groupOf(dingtalk, 'team_aftersales', 'DINGTALK');
    const scope = nock(DINGTALK)
      .post('/v1.0/robot/groupMessages/send', (body) => body.openConversationId === chat.platformChatId)
      .reply(200, { processQueryKey: 'pqk-group' });
    await dingtalk.kit.notify({ teamId: 'team_aftersales' }, reminder, { dedupeKey: 'test.dt.team' });
    await dingtalk.outbox.drain();
    expect(scope.isDone()).toBe(true);
  });
});

describe('notify on the console', () => {
  it("shows a team notification in the group's history", async () => {
    const chat = await groupOf(demo, 'team_aftersales', 'CONSOLE');
    await demo.kit.notify({ teamId: 'team_aftersales' }, reminder, { dedupeKey: 'test.console.team' });
    await demo.outbox.drain();
    const res = await demo.server.inject({ method: 'GET', url: `/console/api/groups/${chat.id}/messages` });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((m: { card: { text: string } }) => m.card.text)).toContainEqual(expect.stringContaining(ZH));
  });

  it("lists a personal notification among the user's messages, in their language", async () => {
    await demo.kit.notify({ employeeId: 'emp_danielwu' }, reminder, { dedupeKey: 'test.console.dm' });
    await demo.outbox.drain();
    const res = await demo.server.inject({ method: 'GET', url: '/console/api/users/emp_danielwu/messages' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ card: expect.objectContaining({ text: expect.stringContaining(EN) }) }),
    ]);
  });

  it('answers undeliverable for a team without a group chat', async () => {
    await demo.db.team.create({
      data: { id: 'team_nochat', code: 'nochat', name: 'No chat', departmentId: 'dept_hr' },
    });
    const outcome = await demo.kit.notify({ teamId: 'team_nochat' }, reminder, { dedupeKey: 'test.console.nochat' });
    expect(outcome).toEqual({ status: 'undeliverable', reason: 'no_group_chat' });
  });
});

// A new Slack user whose e-mail (users.info, scope users:read.email) matches one employee is
// linked without anyone doing anything; otherwise they get the onboarding card with a code.
import { afterAll, describe, expect, it } from 'vitest';
import { nightlyRecompute } from '../../../src/kpi/index.js';
import { eventBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });
await nightlyRecompute(app.kpi.context, TEST_TODAY);

async function postsTo(channel: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
    if (posts.length) return posts.map((p) => p.body as { text: string });
    if (Date.now() > deadline) throw new Error(`no message reached ${channel}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function slackUser(id: string, email: string | undefined) {
  return {
    ok: true,
    user: { id, real_name: 'New Person', profile: { real_name: 'New Person', ...(email ? { email } : {}) } },
  };
}

async function dm(user: string, eventId: string, channel: string, text: string) {
  const res = await app.server.inject(signedRequest(eventBody('message-im.json', eventId, { user, channel, text })));
  expect(res.statusCode).toBe(200);
  return (await postsTo(channel))[0]?.text ?? '';
}

describe('Slack e-mail match', () => {
  it('links a new Slack user to the one employee with that e-mail (any case) and answers kpi with their card', async () => {
    // 李明 starts on a new Slack workspace: no Slack link yet
    await app.db.chatIdentity.deleteMany({ where: { employeeId: 'emp_liming', platform: 'SLACK' } });
    slack.answers.set('users.info', slackUser('U0NEWLIMING', 'LiMing@Kaopu-Demo.EXAMPLE'));
    const text = await dm('U0NEWLIMING', 'EvMAIL0001', 'D0MAIL0001', 'kpi');
    expect(text).toContain('李明');
    expect(text).toContain('2026-11');
    const lookup = slack.calls.find((c) => c.method === 'users.info');
    expect(lookup?.body).toMatchObject({ user: 'U0NEWLIMING' });
    const identity = await app.db.chatIdentity.findUnique({
      where: { platform_platformUserId: { platform: 'SLACK', platformUserId: 'U0NEWLIMING' } },
    });
    expect(identity?.employeeId).toBe('emp_liming');
    const audit = await app.db.auditLog.findFirst({ where: { action: 'identity.linked', subjectId: 'emp_liming' } });
    expect(audit).toMatchObject({ actorKind: 'system', details: { method: 'email', platform: 'slack' } });
  });

  it('does not guess when two employees share the e-mail: onboarding card, and the conflict listed for HR', async () => {
    await app.db.employee.update({ where: { id: 'emp_zhangwei' }, data: { email: 'shared@kaopu-demo.example' } });
    await app.db.employee.update({ where: { id: 'emp_wuhao' }, data: { email: 'Shared@kaopu-demo.example' } });
    slack.answers.set('users.info', slackUser('U0SHARED', 'shared@kaopu-demo.example'));
    const text = await dm('U0SHARED', 'EvMAIL0002', 'D0MAIL0002', 'kpi');
    expect(text).toContain('你的绑定码');
    expect(await app.db.chatIdentity.count({ where: { platformUserId: 'U0SHARED' } })).toBe(0);
    const conflict = await app.db.identityConflict.findFirstOrThrow({ where: { platformUserId: 'U0SHARED' } });
    expect(conflict.reason).toBe('ambiguous');
    expect(conflict.candidates.split(',').sort()).toEqual(['emp_wuhao', 'emp_zhangwei']);
  });

  it('falls back to the onboarding card when Slack gives no e-mail (scope missing) or no one matches', async () => {
    slack.answers.set('users.info', { ok: false, error: 'missing_scope' });
    expect(await dm('U0NOSCOPE', 'EvMAIL0003', 'D0MAIL0003', 'kpi')).toContain('你的绑定码');
    slack.answers.set('users.info', slackUser('U0NOBODY', 'nobody@elsewhere.example'));
    expect(await dm('U0NOBODY', 'EvMAIL0004', 'D0MAIL0004', 'kpi')).toContain('你的绑定码');
    expect(await app.db.chatIdentity.count({ where: { platformUserId: { in: ['U0NOSCOPE', 'U0NOBODY'] } } })).toBe(0);
  });
});

// Reply privacy on WeCom: a personal card asked for through a group robot reaches the sender
// through the app's one-to-one message/send; the group robot only posts the notice.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../helpers/test-app.js';
import { callbackXml, signedPost, wecomEnv } from './callbacks.js';
import { startStandIn } from './stand-in.js';

const standIn = await startStandIn();
const app = await startTestApp({ env: wecomEnv(standIn.url) });
afterAll(() => standIn.close());
const webhook = (key: string) => `${standIn.url}/cgi-bin/webhook/send?key=${key}`;

async function sayInGroup(text: string, webhookUrl: string) {
  const res = await app.server.inject(signedPost(callbackXml('group-text', { content: text, webhook: webhookUrl })));
  expect(res.statusCode).toBe(200);
  await new Promise((r) => setImmediate(r));
  await app.pipeline.idle();
  await app.outbox.drain();
}

const robotPosts = (key: string) =>
  standIn
    .to('/cgi-bin/webhook/send')
    .filter((r) => r.query.key === key)
    .map((r) => JSON.stringify(r.body));

describe('WeCom reply privacy', () => {
  it('sends a KPI card asked for in a group to the sender alone and tells the group so', async () => {
    await sayInGroup('kpi', webhook('kpi'));

    const [notice, ...more] = robotPosts('kpi');
    expect(more).toEqual([]);
    expect(notice).toContain('已私信发给你');
    expect(notice).not.toContain('2026-11');
    const toSender = standIn.to('/cgi-bin/message/send').map((r) => r.body);
    // A card may go out as a lead line and the card itself, both to the sender only.
    expect(toSender.map((b) => b.touser)).toEqual(toSender.map(() => 'liming'));
    expect(JSON.stringify(toSender)).toContain('2026-11');
  });

  it('still answers help in the group through its robot', async () => {
    const before = standIn.to('/cgi-bin/message/send').length;
    await sayInGroup('help', webhook('help'));

    expect(robotPosts('help')).toEqual([expect.stringContaining('考谱能帮你做什么')]);
    expect(standIn.to('/cgi-bin/message/send')).toHaveLength(before);
  });

  it('sends nothing to a robot webhook outside WeCom', async () => {
    const before = standIn.requests.length;
    await sayInGroup('help', 'https://attacker.example/cgi-bin/webhook/send?key=x');

    expect(standIn.requests.slice(before).filter((r) => r.path === '/cgi-bin/webhook/send')).toEqual([]);
    const row = await app.db.outboxMessage.findFirstOrThrow({
      where: { platform: 'WECOM', target: 'group:wrkGROUP0001', lastError: { contains: 'webhook' } },
    });
    expect(row.status).toBe('FAILED');
  });
});

// Every way a request to /slack/events can be wrong: each gets its 4xx (or a quiet 200 for
// what Slack may legitimately send), and nothing is stored or sent.
import { afterAll, describe, expect, it } from 'vitest';
import { eventBody, signedRequest, slackEnv } from '../../fixtures/slack/requests.js';
import { startSlackStandIn } from '../../fixtures/slack/stand-in.js';
import { startTestApp } from '../../helpers/test-app.js';

const slack = await startSlackStandIn();
afterAll(() => slack.close());
const app = await startTestApp({ env: slackEnv(slack.url) });
const liming = (await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId: 'emp_liming', platform: 'SLACK' } }))
  .platformUserId;

const help = (eventId: string) => eventBody('message-im.json', eventId, { user: liming, channel: `D${eventId}` });

async function nothingHappenedFor(eventId: string): Promise<void> {
  expect(await app.db.inboundEvent.count({ where: { source: 'slack', eventId } })).toBe(0);
  expect(await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: `reply:slack:${eventId}:` } } })).toBe(0);
  expect(slack.calls.filter((c) => c.body.channel === `D${eventId}`)).toEqual([]);
}

describe('hostile Slack requests', () => {
  it('refuses a forged signature with 401 and processes nothing', async () => {
    const res = await app.server.inject(signedRequest(help('EvBAD0001'), { secret: 'not-the-signing-secret' }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('slack.error.signature');
    await nothingHappenedFor('EvBAD0001');
  });

  it('refuses a correctly signed request six minutes old with 401', async () => {
    const res = await app.server.inject(
      signedRequest(help('EvBAD0002'), { timestamp: Math.floor(Date.now() / 1000) - 360 }),
    );
    expect(res.statusCode).toBe(401);
    await nothingHappenedFor('EvBAD0002');
  });

  it('refuses a request without signature headers with 401', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/slack/events',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(help('EvBAD0003')),
    });
    expect(res.statusCode).toBe(401);
    await nothingHappenedFor('EvBAD0003');
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const res = await app.server.inject(
      signedRequest('{"type":"event_callback",', { headers: { 'content-type': 'application/json' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('error.bad_request');
  });

  it('refuses a signed event callback without an event id with 400', async () => {
    const { event_id: _dropped, ...body } = help('EvBAD0004');
    const res = await app.server.inject(signedRequest(body));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('event_id');
  });

  it('refuses a signed form that is neither a command nor an interaction with 400', async () => {
    const res = await app.server.inject(signedRequest('hello=world'));
    expect(res.statusCode).toBe(400);
  });

  it('acknowledges an unknown event type with 200 and ignores it', async () => {
    const body = { ...help('EvBAD0005'), event: { type: 'reaction_added', user: liming, reaction: 'thumbsup' } };
    const res = await app.server.inject(signedRequest(body));
    expect(res.statusCode).toBe(200);
    await nothingHappenedFor('EvBAD0005');
  });

  it('processes an event once when Slack retries it with X-Slack-Retry-Num', async () => {
    const first = await app.server.inject(signedRequest(help('EvRETRY01')));
    const retry = await app.server.inject(
      signedRequest(help('EvRETRY01'), {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
    );
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    for (;;) {
      const row = await app.db.outboxMessage.findFirst({ where: { dedupeKey: 'reply:slack:EvRETRY01:0' } });
      if (row?.status === 'SENT') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'reply:slack:EvRETRY01:' } } })).toBe(
      1,
    );
    expect(slack.calls.filter((c) => c.body.channel === 'DEvRETRY01')).toHaveLength(1);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await app.server.inject(signedRequest({ ...help('EvBAD0006'), padding: 'x'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    await nothingHappenedFor('EvBAD0006');
  });

  it('refuses an unsupported content type with 415', async () => {
    const request = signedRequest(help('EvBAD0007'));
    const res = await app.server.inject({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    await nothingHappenedFor('EvBAD0007');
  });
});

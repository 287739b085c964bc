// Issue 8, finding 5: a DOCTYPE's internal entity was expanded into the message the bot acted on.
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_ID, CORP_ID, callbackXml, NOW_SECONDS, signedPost, wecomEnv } from '../adapters/wecom/callbacks.js';
import { startStandIn } from '../adapters/wecom/stand-in.js';
import { startTestApp } from '../helpers/test-app.js';

const standIn = await startStandIn();
const app = await startTestApp({ env: wecomEnv(standIn.url) });
afterAll(() => standIn.close());

async function counts() {
  return {
    inbound: await app.db.inboundEvent.count({ where: { source: 'wecom' } }),
    outbox: await app.db.outboxMessage.count({ where: { platform: 'WECOM' } }),
    requests: standIn.requests.length,
  };
}

const entityMessage = (doctype: string) =>
  `${doctype}<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[liming]]></FromUserName>` +
  `<CreateTime>${NOW_SECONDS}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&cmd;</Content>` +
  `<MsgId>7${NOW_SECONDS}990001</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;

describe('WeCom payloads declaring a DOCTYPE', () => {
  it('refuses a decrypted message whose DOCTYPE defines an internal entity, storing and sending nothing', async () => {
    const before = await counts();
    const res = await app.server.inject(signedPost(entityMessage('<!DOCTYPE xml [<!ENTITY cmd "help">]>')));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'error.bad_request' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await counts()).toEqual(before);
  });

  it('refuses a decrypted message with a lower-case doctype', async () => {
    const res = await app.server.inject(signedPost(entityMessage('<!doctype xml [<!ENTITY cmd "help">]>')));
    expect(res.statusCode).toBe(400);
  });

  it('refuses an outer envelope that declares a DOCTYPE before decrypting anything', async () => {
    const request = signedPost(callbackXml('text', { content: 'help' }));
    const before = await counts();
    const res = await app.server.inject({
      ...request,
      payload: `<!DOCTYPE xml [<!ENTITY e "x">]>${request.payload}`,
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('still accepts the same message without a DOCTYPE', async () => {
    const res = await app.server.inject(signedPost(callbackXml('text', { content: 'help' })));
    expect(res.statusCode).toBe(200);
  });
});

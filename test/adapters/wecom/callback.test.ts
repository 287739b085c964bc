// End to end: the real app with WECOM_* set, callbacks encrypted and signed at run time, replies
// arriving at a local stand-in of the WeCom API.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { encrypt, msgSignature } from '../../../adapters/wecom/verify.js';
import { makeCard } from '../../../cards/card.js';
import { startTestApp } from '../../helpers/test-app.js';
import { AES_KEY, AGENT_ID, CORP_ID, callbackXml, NOW_SECONDS, signedPost, TOKEN, wecomEnv } from './callbacks.js';
import { startStandIn } from './stand-in.js';

const standIn = await startStandIn();
const app = await startTestApp({ env: wecomEnv(standIn.url) });
afterAll(() => standIn.close());

const sends = () => standIn.to('/cgi-bin/message/send');

async function nextSend(before: number) {
  await vi.waitFor(() => expect(sends().length).toBeGreaterThan(before), { timeout: 10_000 });
  return sends()[before]?.body as Record<string, unknown> & {
    template_card: Record<string, unknown>;
    markdown: { content: string };
  };
}

/**
 * The first template card sent after `before`. A card with more text than a WeCom card holds
 * (the help card) goes as a markdown lead followed by the card with its buttons.
 */
async function nextCard(before: number) {
  const find = () =>
    sends()
      .slice(before)
      .map((s) => s.body as Record<string, unknown> & { template_card?: Record<string, unknown> })
      .find((b) => b.template_card);
  await vi.waitFor(() => expect(find()).toBeDefined(), { timeout: 10_000 });
  return find() as Record<string, unknown> & { template_card: Record<string, unknown> };
}

async function counts() {
  return {
    inbound: await app.db.inboundEvent.count({ where: { source: 'wecom' } }),
    outbox: await app.db.outboxMessage.count({ where: { platform: 'WECOM' } }),
    requests: standIn.requests.length,
  };
}

describe('WeCom callback URL verification', () => {
  it('answers the decrypted echostr when the signature is right', async () => {
    const echostr = encrypt(AES_KEY, '8761425012035462', CORP_ID);
    const signature = msgSignature(TOKEN, String(NOW_SECONDS), 'v1', echostr);
    const res = await app.server.inject({
      method: 'GET',
      url: `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_SECONDS}&nonce=v1&echostr=${encodeURIComponent(echostr)}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('8761425012035462');
  });

  it('refuses verification with a forged signature', async () => {
    const echostr = encrypt(AES_KEY, '1', CORP_ID);
    const res = await app.server.inject({
      method: 'GET',
      url: `/wecom/callback?msg_signature=${'0'.repeat(40)}&timestamp=${NOW_SECONDS}&nonce=v1&echostr=${encodeURIComponent(echostr)}`,
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('WeCom messages end to end', () => {
  it('acknowledges help with an empty 200 and sends the native help card to the user', async () => {
    const before = sends().length;
    const res = await app.server.inject(signedPost(callbackXml('text', { content: 'help' })));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    // The help card carries a "my KPI" button; its text is longer than a button card's subtitle, so
    // WeCom gets the full text as markdown and then a compact card with the button.
    await vi.waitFor(() => expect(sends().some((s) => 'template_card' in (s.body as object))).toBe(true), {
      timeout: 10_000,
    });
    const sent = sends()
      .slice(before)
      .map((s) => s.body as Record<string, unknown> & { template_card: Record<string, unknown> });
    for (const message of sent) {
      expect(message).toMatchObject({
        touser: 'liming',
        agentid: Number(AGENT_ID),
        enable_duplicate_check: 1,
        duplicate_check_interval: 600,
      });
    }
    expect(JSON.stringify(sent)).toContain('help / 帮助');
    const body = sent.find((m) => m.msgtype === 'template_card') as (typeof sent)[number];
    expect(body.template_card).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '考谱能帮你做什么' },
      button_list: [{ type: 0, text: '我的绩效', style: 1, key: 'kp:0:kpi.card.open' }],
    });
    expect(JSON.stringify(sent)).toContain('李明');
    expect(standIn.to('/cgi-bin/message/send')[before]?.query).toEqual({ access_token: 'stand-in-token' });
  });

  it("renders the platform's own words in an English-speaking employee's language", async () => {
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('text', { from: 'danielwu', content: 'help' })));
    await vi.waitFor(
      () => expect(sends().some((s, i) => i >= before && 'template_card' in (s.body as object))).toBe(true),
      {
        timeout: 10_000,
      },
    );
    const card = sends()
      .slice(before)
      .map((s) => s.body as { template_card?: { source: { desc: string }; main_title: { title: string } } })
      .find((b) => b.template_card)?.template_card;
    expect(card?.main_title.title).toBe('What Kaopu can do for you');
    expect(card?.source.desc).toBe('Kaopu');
  });

  it('greys out a pressed button and sends the follow-up card', async () => {
    let before = sends().length;
    await app.server.inject(signedPost(callbackXml('text', { content: 'hepl' })));
    const notice = await nextSend(before);
    expect(notice.template_card).toMatchObject({
      card_type: 'button_interaction',
      task_id: expect.stringMatching(/^kp-\w+$/),
      button_list: [{ type: 0, text: '查看帮助', style: 1, key: 'kp:0:help.show' }],
    });
    // The task_id is the outbox row's id, so a retried send repeats identical JSON (duplicate check).
    const outboxId = String(notice.template_card.task_id).slice('kp-'.length);
    expect(await app.db.outboxMessage.count({ where: { id: outboxId, platform: 'WECOM' } })).toBe(1);

    before = sends().length;
    const press = callbackXml('template-card-event', {
      key: 'kp:0:help.show',
      taskId: String(notice.template_card.task_id),
      responseCode: 'rc-press-1',
    });
    const res = await app.server.inject(signedPost(press));
    expect(res.statusCode).toBe(200);
    const followUp = await nextCard(before);
    expect(followUp.template_card).toMatchObject({ main_title: { title: '考谱能帮你做什么' } });
    expect(standIn.to('/cgi-bin/message/update_template_card').map((r) => r.body)).toEqual([
      {
        userids: ['liming'],
        agentid: Number(AGENT_ID),
        response_code: 'rc-press-1',
        button: { replace_name: '已处理' },
      },
    ]);
  });

  it('hands a shared location to the bot as a GCJ-02 location event', async () => {
    app.bot.registry.onLocation({
      roles: ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'],
      handle: async ({ location }) => [
        makeCard({ title: `${location.datum} ${location.lat},${location.lng}`, blocks: [] }),
      ],
    });
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('location')));
    const body = await nextSend(before);
    // A card without a link cannot be a text_notice (it needs a card_action URL), so it goes as markdown.
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toBe('**GCJ02 31.2304,121.4737**');
  });

  it('treats a menu click with a plain key as that command', async () => {
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('click', { key: 'help' })));
    const body = await nextCard(before);
    expect(body.template_card).toMatchObject({ main_title: { title: '考谱能帮你做什么' } });
  });

  it('treats a menu click with one of our button keys as that action', async () => {
    const before = sends().length;
    const updates = standIn.to('/cgi-bin/message/update_template_card').length;
    await app.server.inject(signedPost(callbackXml('click', { key: 'kp:0:help.show' })));
    const body = await nextCard(before);
    expect(body.template_card).toMatchObject({ main_title: { title: '考谱能帮你做什么' } });
    // A menu click has no response_code, so there is no card to update.
    expect(standIn.to('/cgi-bin/message/update_template_card')).toHaveLength(updates);
  });

  it('answers an unknown WeCom user with the onboarding card', async () => {
    const before = sends().length;
    await app.server.inject(signedPost(callbackXml('text', { from: 'stranger01', content: 'help' })));
    const body = await nextSend(before);
    expect(body.touser).toBe('stranger01');
    expect(body.msgtype).toBe('markdown');
    expect(String(body.markdown.content)).toMatch(/^\*\*还没有绑定账号\*\*\n/);
    expect(String(body.markdown.content)).toContain('stranger01');
  });
});

describe('WeCom hostile callbacks', () => {
  it('refuses a forged signature with 401 and stores or sends nothing', async () => {
    const before = await counts();
    const res = await app.server.inject(signedPost(callbackXml('text'), { token: 'not-the-token' }));
    expect(res.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without msg_signature with 401', async () => {
    const request = signedPost(callbackXml('text'));
    const res = await app.server.inject({ ...request, url: `/wecom/callback?timestamp=${NOW_SECONDS}&nonce=x` });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a correctly signed but stale callback with 401 and stores nothing', async () => {
    const before = await counts();
    const res = await app.server.inject(signedPost(callbackXml('text'), { timestamp: NOW_SECONDS - 301 }));
    expect(res.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed XML with 400 and stores nothing', async () => {
    const before = await counts();
    const res = await app.server.inject({
      ...signedPost(callbackXml('text')),
      payload: '<xml><Encrypt><![CDATA[abc]]></Encrypt>',
    });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('refuses a signed payload that does not decrypt with 400 and stores nothing', async () => {
    const before = await counts();
    const garbage = Buffer.alloc(64, 7).toString('base64');
    const signature = msgSignature(TOKEN, String(NOW_SECONDS), 'g1', garbage);
    const res = await app.server.inject({
      method: 'POST',
      url: `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_SECONDS}&nonce=g1`,
      headers: { 'content-type': 'text/xml' },
      payload: `<xml><Encrypt><![CDATA[${garbage}]]></Encrypt></xml>`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'error.bad_request' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses a message encrypted for another corp with 400', async () => {
    const res = await app.server.inject(signedPost(callbackXml('text'), { receiveId: 'wwsomeoneelse' }));
    expect(res.statusCode).toBe(400);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await app.server.inject({
      ...signedPost(callbackXml('text')),
      payload: `<xml>${'a'.repeat(70_000)}</xml>`,
    });
    expect(res.statusCode).toBe(413);
  });

  it('accepts the same callback posted as application/xml or without a content type', async () => {
    for (const headers of [{ 'content-type': 'application/xml' }, {}]) {
      const before = sends().length;
      const res = await app.server.inject({ ...signedPost(callbackXml('text', { content: 'help' })), headers });
      expect(res.statusCode).toBe(200);
      await nextSend(before);
    }
  });

  it('refuses a JSON body with 400 rather than guessing its format', async () => {
    const request = signedPost(callbackXml('text'));
    const res = await app.server.inject({
      ...request,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ Encrypt: 'abc' }),
    });
    expect(res.statusCode).toBe(400);
  });

  it('acknowledges an enter_agent event and ignores it', async () => {
    const before = await counts();
    const res = await app.server.inject(signedPost(callbackXml('enter-agent')));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(await counts()).toEqual(before);
  });

  it('processes a replayed identical message once', async () => {
    const request = signedPost(callbackXml('text', { content: 'help', msgId: '9000000000000000001' }));
    const before = sends().length;
    const first = await app.server.inject(request);
    const second = await app.server.inject(request);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    await nextCard(before);
    await app.outbox.drain();
    const rows = await app.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: 'reply:wecom:9000000000000000001' } },
    });
    expect(rows.map((r) => r.status)).toEqual(['SENT']);
    // One reply (the help card, which may travel as a markdown lead plus the card), and no more.
    const answered = sends().length;
    expect(
      sends()
        .slice(before)
        .filter((s) => 'template_card' in (s.body as object)),
    ).toHaveLength(1);
    await app.server.inject(request);
    await app.outbox.drain();
    expect(sends().length).toBe(answered);
  });
});

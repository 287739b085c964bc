// Issue 8, finding 3: text a user typed comes back in replies ("no employee called …"). Rendered
// through every adapter, nothing in it may act: no mention, link, image, tag, or hidden character.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConsoleAdapterOptions, createConsoleAdapter } from '../../adapters/console/index.js';
import { renderCard as renderDingtalk, toWebhookBody } from '../../adapters/dingtalk/render.js';
import { renderSlackHome, renderSlackMessage, type SlackBlock } from '../../adapters/slack/render.js';
import { renderCard as renderWecom } from '../../adapters/wecom/render.js';
import type { Card } from '../../cards/card.js';
import { freshSignedHeaders, makeRobotMessage } from '../fixtures/dingtalk/messages.js';
import { startStandIn, waitFor } from '../fixtures/dingtalk/stand-in.js';
import { eventBody, signedRequest, slackEnv } from '../fixtures/slack/requests.js';
import { startSlackStandIn } from '../fixtures/slack/stand-in.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';
import { corpusCard, INJECTION_CORPUS, INVISIBLE, OWN_IMAGE_URL, OWN_LINK_URL } from './injection-corpus.js';

const slack = await startSlackStandIn();
const dingtalk = await startStandIn();
afterAll(async () => {
  await slack.close();
  await dingtalk.close();
});
const SECRET = 'dingtalk-app-secret-for-injection-tests';
const app = await startTestApp({
  env: {
    ...slackEnv(slack.url),
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: SECRET,
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
    DINGTALK_API_BASE: dingtalk.url,
  },
});
const identity = async (employeeId: string, platform: 'SLACK' | 'DINGTALK') =>
  (await app.db.chatIdentity.findFirstOrThrow({ where: { employeeId, platform } })).platformUserId;

const cases = Object.entries(INJECTION_CORPUS);
const card = (s: string): Card => {
  const c = corpusCard(s);
  // The bot's own highlight tag (WeCom <font>) must survive next to the user's text.
  return { ...c, blocks: c.blocks.map((b) => (b.type === 'progress' ? { ...b, highlight: true } : b)) };
};

/** Every string Slack parses as mrkdwn: the notification `text`, sections, fields and context. */
function slackParsed(text: string, blocks: SlackBlock[]): string[] {
  return [
    text,
    ...blocks.flatMap((b) => {
      if (b.type === 'section') return 'text' in b ? [b.text.text] : b.fields.map((f) => f.text);
      if (b.type === 'context') return b.elements.map((e) => e.text);
      return [];
    }),
  ];
}

/** Markdown with the bot's own constructs removed: what is left came from the card's text. */
function userPart(markdown: string): string {
  const own = [OWN_IMAGE_URL, OWN_LINK_URL].map((u) => u.replace(/[.]/g, '\\.')).join('|');
  return markdown
    .replace(new RegExp(`!?\\[[^\\]]*\\]\\((?:${own})\\)`, 'g'), '')
    .replace(/<font color="warning">|<\/font>/g, '');
}

function expectInertMarkdown(markdown: string): void {
  const rest = userPart(markdown);
  expect(rest).not.toMatch(/[[\]<>@]/);
  expect(markdown).not.toMatch(INVISIBLE);
}

describe('injection corpus through every adapter', () => {
  it.each(cases)('Slack: %s stays text in the notification and the blocks', (_name, s) => {
    const message = renderSlackMessage(card(s), 'en');
    for (const parsed of slackParsed(message.text, message.blocks)) expect(parsed).not.toContain('<');
    expect(JSON.stringify(message)).not.toMatch(INVISIBLE);
    const home = renderSlackHome([card(s)], 'en');
    for (const parsed of slackParsed('', home.blocks)) expect(parsed).not.toContain('<');
  });

  it.each(cases)('DingTalk: %s stays text in markdown, title and buttons', (_name, s) => {
    const message = renderDingtalk(card(s), 'en');
    expectInertMarkdown(message.msgParam.text ?? '');
    expect(message.msgParam.title).not.toMatch(/[[\]<>@]/);
    expect(JSON.stringify(toWebhookBody(message))).not.toMatch(INVISIBLE);
  });

  it.each(cases)('WeCom: %s stays text in markdown and the template card', (_name, s) => {
    const message = renderWecom(card(s), 'en');
    expectInertMarkdown(message.markdown);
    expectInertMarkdown(message.robotMarkdown);
    expect(JSON.stringify(message)).not.toMatch(INVISIBLE);
  });

  it.each(cases)('console: %s loses its hidden characters', (_name, s) => {
    const adapter = createConsoleAdapter({ access: 'off' } as ConsoleAdapterOptions);
    expect(JSON.stringify(adapter.render(card(s), 'en'))).not.toMatch(INVISIBLE);
  });

  it('keeps the bot’s own links and image live on DingTalk and WeCom', () => {
    const dingtalk = renderDingtalk(card('<!channel>'), 'en');
    expect(dingtalk.msgParam.text).toContain(`](${OWN_IMAGE_URL})`);
    expect(dingtalk.msgParam.singleURL).toBe(OWN_LINK_URL);
    const wecom = renderWecom(card('<!channel>'), 'en');
    expect(wecom.markdown).toContain(`](${OWN_LINK_URL})`);
    expect(wecom.markdown).toContain('<font color="warning">');
  });

  it('the console page writes card text with textContent, never as HTML', () => {
    const script = readFileSync(new URL('../../adapters/console/page-script.ts', import.meta.url), 'utf8');
    expect(script).toContain('textContent');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/);
  });
});

describe('echoed text end to end', () => {
  it('a Slack `report person <!channel>` reply mentions no one, in text or blocks', async () => {
    const user = await identity('emp_malin', 'SLACK');
    const typed = 'report person <!channel> <!here> <http://e.co|Pay>';
    const res = await app.server.inject(
      signedRequest(eventBody('message-im.json', 'EvINJ0001', { user, channel: 'DINJ0001', text: typed })),
    );
    expect(res.statusCode).toBe(200);
    const post = await waitFor(() =>
      slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'DINJ0001'),
    );
    const body = post.body as { text: string; blocks: SlackBlock[] };
    expect(body.text).toContain('&lt;!channel&gt;');
    for (const parsed of slackParsed(body.text, body.blocks)) {
      expect(parsed).not.toMatch(/<!channel>|<!here>|<http/);
    }
  });

  it('a DingTalk `report person [Pay](http://e.co)` reply carries no link', async () => {
    const staffId = await identity('emp_malin', 'DINGTALK');
    const message = makeRobotMessage({ staffId, text: 'report person [Pay](http://e.co) ![x](http://e.co/t.png)' });
    const res = await app.server.inject({
      method: 'POST',
      url: '/dingtalk/callback',
      headers: freshSignedHeaders(SECRET, TEST_TODAY),
      payload: JSON.stringify(message),
    });
    expect(res.statusCode).toBe(200);
    const send = await waitFor(() => dingtalk.requests.find((r) => r.path === '/v1.0/robot/oToMessages/batchSend'));
    const text = (JSON.parse((send.body as { msgParam: string }).msgParam) as { text: string }).text;
    expect(text).toContain('［Pay］(http://e.co)');
    expect(text).not.toMatch(/\]\(http:\/\/e\.co/);
  });
});

// Strings a user might type that a chat client would turn into something active if echoed raw:
// mentions that notify a whole channel, links whose text hides their target, markup, and
// characters that hide or reorder text. Shared by the render and end-to-end injection tests.
import type { Card } from '../../cards/card.js';

export const INJECTION_CORPUS: Record<string, string> = {
  'Slack channel mention': '<!channel>',
  'Slack here mention': '<!here>',
  'Slack everyone mention': '<!everyone>',
  'Slack user mention': '<@U0123ABCD>',
  'Slack group mention': '<!subteam^S0123ABCD>',
  'Slack labelled link': '<http://e.co|Pay>',
  'Slack bare angle link': '<http://e.co>',
  'markdown link': '[Pay](http://e.co)',
  'markdown image': '![x](http://e.co/t.png)',
  'markdown reference link': '[Pay][1]\n\n[1]: http://e.co',
  'WeCom mention': '<@zhangsan>',
  'DingTalk at-all': '@所有人 @all',
  'script tag': '<script>alert(1)</script>',
  'image onerror': '<img src=x onerror=alert(1)>',
  'html link': '<a href="http://e.co">Pay</a>',
  'font colour tag': '<font color="info">urgent</font>',
  'bidi override': 'invoice\u202Eslx.exe',
  'bidi isolates': '\u2066admin\u2069 \u2067x\u2069 \u2068y\u2069',
  'bidi embeddings': '\u202Aa\u202Bb\u202Cc\u202Dd',
  'zero-width characters': 'pay\u200Broll\u200C \u200Dx\u2060y\uFEFF',
};

/** The bot's own URLs on a corpus card; these, and only these, may come out as live links. */
export const OWN_IMAGE_URL = 'https://kaopu.test/charts/abc.1.mac.png';
export const OWN_LINK_URL = 'https://kaopu.test/files/abc.1.mac.xlsx';

/** A card carrying `s` in every slot a reader sees, around the bot's own link and image. */
export function corpusCard(s: string): Card {
  return {
    title: `Report ${s}`,
    tone: 'warning',
    text: `No employee called "${s}".`,
    blocks: [
      { type: 'text', text: `No employee called "${s}".` },
      { type: 'fields', fields: [{ label: `Name ${s}`, value: s }] },
      { type: 'progress', label: s, ratio: 0.5, display: s },
      { type: 'table', columns: ['Name', s], rows: [[s, s]] },
      { type: 'image', url: OWN_IMAGE_URL, alt: s },
      { type: 'actions', buttons: [{ url: OWN_LINK_URL, label: `XLSX ${s}` }] },
    ],
  };
}

/** Bidi controls and zero-width characters: none may reach a chat client. */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

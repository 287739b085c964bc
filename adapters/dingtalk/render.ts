// Card → DingTalk robot message (msgKey + msgParam), within limits.ts.
// Message types: https://open.dingtalk.com/document/orgapp/robot-message-types-and-data-format
import { type Block, type Card, cardButtons, isLinkButton, progressBar, type Tone } from '../../cards/card.js';
import { mapCardText } from '../../cards/map-card-text.js';
import { neutraliseMarkdown } from '../../src/bot/neutralise-markdown.js';
import { stripInvisible } from '../../src/bot/strip-invisible.js';
import { type Locale, translator } from '../../src/i18n/index.js';
import { actionUrl } from './action-text.js';
import { MAX_BUTTON_TITLE_CHARS, MAX_BUTTONS, MAX_MSG_PARAM_BYTES, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from './limits.js';

/** What every DingTalk send path accepts; the webhook paths translate it with toWebhookBody. */
export interface DingtalkMessage {
  msgKey: 'sampleMarkdown' | 'sampleActionCard' | `sampleActionCard${2 | 3 | 4 | 5}`;
  msgParam: Record<string, string>;
}

const TONE_MARK: Record<Tone, string> = { info: '', success: '✅ ', warning: '⚠️ ', danger: '❗ ' };

export function renderCard(raw: Card, locale: Locale): DingtalkMessage {
  // Card text may echo what a user typed; only the links and images written below stay markup.
  const card = mapCardText(raw, (text) => neutraliseMarkdown(stripInvisible(text)));
  const t = translator(locale);
  const title = cut(card.title.replace(/\s+/g, ' ').trim(), MAX_TITLE_CHARS);
  const buttons = pickButtons(card);
  // Characters are the visible limit, bytes the wire limit: 4-byte emoji or escapes can hit bytes first.
  for (let limit = MAX_TEXT_CHARS; ; limit = Math.floor(limit * 0.8)) {
    const text = bodyText(card, title, limit, t('dingtalk.truncated'));
    const message = toMessage(title, text, buttons);
    if (limit < 500 || Buffer.byteLength(JSON.stringify(message.msgParam)) <= MAX_MSG_PARAM_BYTES) return message;
  }
}

function toMessage(title: string, text: string, buttons: { title: string; url: string }[]): DingtalkMessage {
  if (buttons.length === 0) return { msgKey: 'sampleMarkdown', msgParam: { title, text } };
  const [first] = buttons;
  if (buttons.length === 1 && first) {
    return { msgKey: 'sampleActionCard', msgParam: { title, text, singleTitle: first.title, singleURL: first.url } };
  }
  const msgParam: Record<string, string> = { title, text };
  for (const [i, b] of buttons.entries()) {
    msgParam[`actionTitle${i + 1}`] = b.title;
    msgParam[`actionURL${i + 1}`] = b.url;
  }
  return { msgKey: `sampleActionCard${buttons.length as 2 | 3 | 4 | 5}`, msgParam };
}

/** The same message in the custom-robot / sessionWebhook format (msgtype markdown | actionCard). */
export function toWebhookBody(message: DingtalkMessage): Record<string, unknown> {
  const { title = '', text = '' } = message.msgParam;
  if (message.msgKey === 'sampleMarkdown') return { msgtype: 'markdown', markdown: { title, text } };
  if (message.msgKey === 'sampleActionCard') {
    const { singleTitle, singleURL } = message.msgParam;
    return { msgtype: 'actionCard', actionCard: { title, text, singleTitle, singleURL } };
  }
  const btns: { title: string; actionURL: string }[] = [];
  for (let i = 1; message.msgParam[`actionTitle${i}`] !== undefined; i++) {
    btns.push({ title: message.msgParam[`actionTitle${i}`] ?? '', actionURL: message.msgParam[`actionURL${i}`] ?? '' });
  }
  return { msgtype: 'actionCard', actionCard: { title, text, btns, btnOrientation: '0' } };
}

/** The card's buttons as action-card buttons; past `MAX_BUTTONS`, the first ones. */
function pickButtons(card: Card): { title: string; url: string }[] {
  return cardButtons(card)
    .map((b) => ({
      title: cut(b.label.trim(), MAX_BUTTON_TITLE_CHARS),
      url: isLinkButton(b) ? b.url : actionUrl(b.actionId, b.value),
    }))
    .slice(0, MAX_BUTTONS);
}

function bodyText(card: Card, title: string, limit: number, truncatedLabel: string): string {
  const parts = [`### ${TONE_MARK[card.tone]}${title}`, ...card.blocks.map(blockMarkdown).filter((s) => s.length > 0)];
  const full = parts.join('\n\n');
  if (length(full) <= limit) return full;
  const tail = `\n\n${truncatedLabel}`;
  const room = limit - length(tail);
  let out = '';
  for (const part of parts) {
    const next = out ? `${out}\n\n${part}` : part;
    if (length(next) > room) {
      // A block that does not fit still contributes its beginning when there is room for it.
      if (!out || room - length(out) > 200) out = cut(next, room);
      break;
    }
    out = next;
  }
  return out + tail;
}

// DingTalk markdown supports headings, bold, links, images and lists, but not tables or code;
// a lone "\n" is not a line break, so hard breaks are written as two spaces + "\n".
function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text.split('\n').join('  \n');
    case 'fields':
      return block.fields.map((f) => `- **${f.label}**: ${f.value}`).join('\n');
    case 'progress': {
      const label = block.highlight ? `**${block.label}** ❗` : block.label;
      return `${label}  \n${progressBar(block.ratio)} ${block.display}`;
    }
    case 'image':
      return `![${block.alt}](${block.url})`;
    case 'table':
      return block.rows
        .map((row) => `- ${block.columns.map((c, i) => `${c}: ${row[i] ?? ''}`).join(' · ')}`)
        .join('\n');
    case 'divider':
      return '———';
    case 'actions':
      return '';
    case 'form':
      // ActionCards have no inputs; the feature's fallback says how to do it by command.
      return block.fallback.split('\n').join('  \n');
  }
}

/** Length in Unicode code points, the unit the limits are stated in. */
export function length(text: string): number {
  return [...text].length;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// Card → WeCom markdown, the fallback for what a template card cannot show (tables, images,
// many progress bars) and the format for group chats. WeCom's markdown subset has bold, links,
// quotes and three font colours, no tables (https://developer.work.weixin.qq.com/document/path/90236).
import { type Block, type Card, isLinkButton, progressBar } from '../../cards/card.js';
import { mapCardText } from '../../cards/map-card-text.js';
import { neutraliseMarkdown } from '../../src/bot/neutralise-markdown.js';
import { stripInvisible } from '../../src/bot/strip-invisible.js';
import { byteLength, cutBytes } from './truncate.js';

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'fields':
      return block.fields.map((f) => `**${f.label}**：${f.value}`);
    case 'progress': {
      const label = block.highlight ? `<font color="warning">${block.label}</font>` : block.label;
      return [`${label} \`${progressBar(block.ratio)}\` ${block.display}`];
    }
    case 'table':
      return [`**${block.columns.join(' | ')}**`, ...block.rows.map((r) => r.join(' | '))];
    case 'image':
      return [`[${block.alt}](${block.url})`];
    case 'divider':
      return [''];
    case 'actions':
      // Markdown cannot carry callback buttons; links still work.
      return block.buttons.filter(isLinkButton).map((b) => `[${b.label}](${b.url})`);
    case 'form':
      // WeCom messages have no inputs; the feature's fallback says how to do it by command.
      return [block.fallback];
  }
}

/** The card as markdown within `maxBytes`; when the body must be cut, it ends with "…". */
export function renderMarkdown(raw: Card, maxBytes: number): string {
  // Card text may echo what a user typed; only the links and tags written here stay markup.
  const card = mapCardText(raw, (text) => neutraliseMarkdown(stripInvisible(text)));
  const body = [`**${card.title}**`, ...card.blocks.flatMap(blockLines)].join('\n').replace(/\n{3,}/g, '\n\n');
  if (byteLength(body) <= maxBytes) return body;
  const ellipsis = '\n…';
  return cutBytes(cutBytes(body, Math.max(0, maxBytes - byteLength(ellipsis))) + ellipsis, maxBytes);
}

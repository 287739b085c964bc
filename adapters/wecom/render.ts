// Card → WeCom template_card (模板卡片消息, https://developer.work.weixin.qq.com/document/path/90236):
// button_interaction when the card has buttons to press, text_notice when the content fits one and
// the card has a link for its required card_action, markdown otherwise. Pure: no clock, no randomness (task_id is added at send time).
import { type Block, type Card, cardButtons, isLinkButton, type Tone } from '../../cards/card.js';
import { mapCardText } from '../../cards/map-card-text.js';
import { stripInvisible } from '../../src/bot/strip-invisible.js';
import { type Locale, type Translate, translator } from '../../src/i18n/index.js';
import { encodeButtonKey } from './button-key.js';
import { LIMITS } from './limits.js';
import { renderMarkdown } from './markdown.js';
import { charLength, cutChars } from './truncate.js';

export interface TemplateButton {
  type: 0 | 1;
  text: string;
  style: number;
  key?: string;
  url?: string;
}

export interface TemplateCard {
  card_type: 'text_notice' | 'button_interaction';
  source: { desc: string; desc_color: number };
  main_title: { title: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  jump_list?: { type: 1; title: string; url: string }[];
  card_action?: { type: 1; url: string };
  button_list?: TemplateButton[];
}

/** What the outbox hands back to `send`: every form the card may travel in. */
export interface WecomMessage {
  locale: Locale;
  /** Absent when the card cannot be a template card; markdown is sent instead. */
  templateCard?: TemplateCard;
  /** Sent just before templateCard when the content does not fit into it. */
  lead?: string;
  /** For message/send and appchat/send (2048 bytes). */
  markdown: string;
  /** For group robots (4096 bytes). */
  robotMarkdown: string;
}

// source.desc_color: 0 grey, 1 black, 2 red, 3 green.
const TONE_COLOR: Record<Tone, number> = { info: 0, success: 3, warning: 1, danger: 2 };

function fitsHorizontal(block: Extract<Block, { type: 'fields' }>): boolean {
  return (
    block.fields.length <= LIMITS.horizontalItems &&
    block.fields.every(
      (f) => charLength(f.label) <= LIMITS.horizontalKeyChars && charLength(f.value) <= LIMITS.horizontalValueChars,
    )
  );
}

function lineOf(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'fields':
      return block.fields.map((f) => `${f.label}：${f.value}`);
    case 'progress':
      return [`${block.label} ${block.display}`];
    case 'table':
      return [block.columns.join(' | '), ...block.rows.map((r) => r.join(' | '))];
    case 'image':
      return [block.alt];
    case 'form':
      return [block.fallback];
    default:
      return [];
  }
}

/**
 * The template card for a card, or undefined when only markdown can show it. `split` means the
 * card has buttons but more content than a card holds: the content travels as markdown first
 * and the card that follows carries the title and the buttons.
 */
export function renderTemplateCard(
  card: Card,
  t: Translate,
): { templateCard: TemplateCard; split: boolean } | undefined {
  const fieldBlocks = card.blocks.filter((b): b is Extract<Block, { type: 'fields' }> => b.type === 'fields');
  const horizontal =
    fieldBlocks.length === 1 && fieldBlocks[0] && fitsHorizontal(fieldBlocks[0]) ? fieldBlocks[0] : null;
  const subtitle = card.blocks
    .filter((b) => b !== horizontal)
    .flatMap(lineOf)
    .filter((l) => l.length > 0)
    .join('\n');
  const buttons = cardButtons(card);
  const links = buttons.filter(isLinkButton);
  const actions = buttons.flatMap((b, i) => {
    if (isLinkButton(b)) return [];
    const key = encodeButtonKey(i, b.actionId, b.value);
    return key ? [{ ...b, key }] : [];
  });
  const base = {
    source: { desc: cutChars(t('app.name'), LIMITS.sourceDescChars), desc_color: TONE_COLOR[card.tone] },
    main_title: { title: cutChars(card.title, LIMITS.mainTitleChars) },
    ...(subtitle ? { sub_title_text: cutChars(subtitle, LIMITS.subTitleTextChars) } : {}),
    ...(horizontal
      ? { horizontal_content_list: horizontal.fields.map((f) => ({ keyname: f.label, value: f.value })) }
      : {}),
  };

  const fits =
    !card.blocks.some((b) => b.type === 'table' || b.type === 'image') &&
    card.blocks.filter((b) => b.type === 'progress').length <= 2 &&
    charLength(card.title) <= LIMITS.mainTitleChars &&
    charLength(subtitle) <= LIMITS.subTitleTextChars;

  if (actions.length > 0) {
    // Buttons are the point of the card, so it stays a card; extra links ride as URL buttons.
    const button_list: TemplateButton[] = [
      ...actions.map((b) => ({
        type: 0 as const,
        text: cutChars(b.label, LIMITS.buttonTextChars),
        style: b.style === 'danger' ? 3 : 1,
        key: b.key,
      })),
      ...links.map((b) => ({
        type: 1 as const,
        text: cutChars(b.label, LIMITS.buttonTextChars),
        style: 2,
        url: b.url,
      })),
    ].slice(0, LIMITS.buttons);
    const templateCard: TemplateCard = {
      card_type: 'button_interaction',
      ...(fits ? base : { source: base.source, main_title: base.main_title }),
      button_list,
    };
    return { templateCard, split: !fits };
  }

  // text_notice requires card_action, a URL opened when the card is tapped: the card's first link.
  // A card without one goes as markdown rather than pointing at a page that may not exist.
  const [first] = links;
  const expressible =
    fits && links.length <= LIMITS.jumpItems && links.every((l) => charLength(l.label) <= LIMITS.jumpTitleChars);
  if (!first || !expressible) return undefined;
  const templateCard: TemplateCard = {
    card_type: 'text_notice',
    ...base,
    jump_list: links.map((l) => ({ type: 1 as const, title: l.label, url: l.url })),
    card_action: { type: 1, url: first.url },
  };
  return { templateCard, split: false };
}

export function renderCard(raw: Card, locale: Locale): WecomMessage {
  // Template cards are plain fields; markdown.ts also neutralises markup in what the card says.
  const card = mapCardText(raw, stripInvisible);
  const t = translator(locale);
  const rendered = renderTemplateCard(card, t);
  const markdown = renderMarkdown(card, LIMITS.appMarkdownBytes);
  return {
    locale,
    ...(rendered ? { templateCard: rendered.templateCard } : {}),
    ...(rendered?.split ? { lead: markdown } : {}),
    markdown,
    robotMarkdown: renderMarkdown(card, LIMITS.robotMarkdownBytes),
  };
}

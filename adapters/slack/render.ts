import { type Block, type Button, type Card, type FormBlock, isLinkButton, progressBar } from '../../cards/card.js';
import { mapCardText } from '../../cards/map-card-text.js';
import { stripInvisible } from '../../src/bot/strip-invisible.js';
import { type Locale, type Translate, translator } from '../../src/i18n/index.js';
import { FORM_OPEN_ACTION, formButtonValue } from './form.js';
import { ACTION_REPEAT_SEPARATOR, LINK_ACTION_PREFIX } from './inbound.js';
import { SLACK_LIMITS as L } from './limits.js';
import { clip, escapeMrkdwn, fitMrkdwn } from './text.js';

type PlainText = { type: 'plain_text'; text: string; emoji: true };
type Mrkdwn = { type: 'mrkdwn'; text: string };
export type SlackButton = {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
};
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'section'; fields: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'image'; image_url: string; alt_text: string }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: SlackButton[] };

/** A chat.postMessage body without the channel (client.ts adds it). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const TONE_MARK: Record<Card['tone'], string> = { info: '', success: '✅ ', warning: '⚠️ ', danger: '🚨 ' };
const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });
const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Collects blocks and remembers whether anything had to be shortened or left out. */
class Builder {
  readonly blocks: SlackBlock[] = [];
  cut = false;
  /** The card's title, which a form's modal reuses. */
  title = '';
  constructor(
    readonly t: Translate,
    // Shared across the cards of one App Home view, so ids stay unique in the whole view.
    private readonly actionIds = new Set<string>(),
  ) {}

  fit(raw: string, max: number): string {
    const r = fitMrkdwn(raw, max);
    if (r.cut) this.cut = true;
    return r.text;
  }

  section(raw: string): void {
    if (raw.trim()) this.blocks.push({ type: 'section', text: mrkdwn(this.fit(raw, L.sectionText)) });
  }

  /** Packs escaped lines into as few sections as fit, each within the section limit. */
  lines(lines: string[]): void {
    let current = '';
    for (const line of lines) {
      const piece = clip(line, L.sectionText);
      if (piece.cut) this.cut = true;
      if (current && current.length + 1 + piece.text.length > L.sectionText) {
        this.blocks.push({ type: 'section', text: mrkdwn(current) });
        current = '';
      }
      current = current ? `${current}\n${piece.text}` : piece.text;
    }
    if (current) this.blocks.push({ type: 'section', text: mrkdwn(current) });
  }

  button(b: Button): SlackButton | null {
    const text = plain(clip(b.label.trim() || '—', L.buttonText).text);
    if (isLinkButton(b)) {
      if (b.url.length > L.buttonUrl) return null;
      return {
        type: 'button',
        text,
        url: b.url,
        action_id: this.uniqueId(`${LINK_ACTION_PREFIX}1`, LINK_ACTION_PREFIX),
      };
    }
    const actionId = this.uniqueId(b.actionId, `${b.actionId}${ACTION_REPEAT_SEPARATOR}`);
    // A shortened id or value would trigger the wrong action, so such a button is left out.
    if (actionId.length > L.actionId || (b.value?.length ?? 0) > L.buttonValue) {
      this.actionIds.delete(actionId);
      return null;
    }
    return {
      type: 'button',
      text,
      action_id: actionId,
      ...(b.value !== undefined ? { value: b.value } : {}),
      ...(b.style ? { style: b.style } : {}),
    };
  }

  /** `first` if unused, else `<repeatPrefix>2`, `<repeatPrefix>3`, …; the id is then taken. */
  uniqueId(first: string, repeatPrefix: string): string {
    let id = first;
    for (let n = 2; this.actionIds.has(id); n += 1) id = `${repeatPrefix}${n}`;
    this.actionIds.add(id);
    return id;
  }

  add(block: Block): void {
    switch (block.type) {
      case 'text':
        this.section(block.text);
        return;
      case 'fields':
        for (const group of chunk(block.fields, L.fieldsPerSection)) {
          const fields = group.map((f) => {
            const label = f.label.trim() ? `*${escapeMrkdwn(f.label)}*\n` : '';
            return mrkdwn(clip(label + escapeMrkdwn(f.value || '—'), L.fieldText).text);
          });
          if (group.some((f) => escapeMrkdwn(`*${f.label}*\n${f.value}`).length > L.fieldText)) this.cut = true;
          this.blocks.push({ type: 'section', fields });
        }
        return;
      case 'image':
        if (!/^https?:\/\//.test(block.url) || block.url.length > L.imageUrl) {
          this.cut = true;
          return;
        }
        this.blocks.push({
          type: 'image',
          image_url: block.url,
          alt_text: clip(block.alt.trim() || '—', L.imageAlt).text,
        });
        return;
      case 'table':
        this.table(block.columns, block.rows);
        return;
      case 'divider':
        this.blocks.push({ type: 'divider' });
        return;
      case 'actions': {
        const elements = block.buttons.map((b) => this.button(b));
        if (elements.some((e) => e === null)) this.cut = true;
        for (const group of chunk(
          elements.filter((e): e is SlackButton => e !== null),
          L.elementsPerActions,
        )) {
          this.blocks.push({ type: 'actions', elements: group });
        }
        return;
      }
      case 'form':
        this.form(block);
        return;
      case 'progress':
        // Consecutive bars are packed by renderSlackBlocks; a lone one is one line.
        this.lines([progressLine(block)]);
        return;
    }
  }

  // A message cannot hold inputs, so a form is a button that opens it as a modal (form.ts);
  // a form too large for the button's value shows the feature's command fallback instead.
  form(block: FormBlock): void {
    const value = formButtonValue(this.title, block);
    if (value === null) {
      this.section(block.fallback);
      this.blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(this.t('slack.form.too_large')))] });
      return;
    }
    const actionId = this.uniqueId(FORM_OPEN_ACTION, `${FORM_OPEN_ACTION}${ACTION_REPEAT_SEPARATOR}`);
    this.blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: plain(clip(this.t('slack.form.open'), L.buttonText).text),
          action_id: actionId,
          value,
          style: 'primary',
        },
      ],
    });
  }

  // Block Kit has no table (outside rich text), so a table is a monospaced code block.
  table(columns: string[], rows: string[][]): void {
    const line = (cells: string[]) => escapeMrkdwn(cells.join(' | '));
    const fence = '```';
    const reserve = fence.length * 2 + 2 + 80; // fences, newlines and the "n more rows" line
    let body = line(columns);
    let shown = 0;
    for (const row of rows) {
      const next = `${body}\n${line(row)}`;
      if (next.length > L.sectionText - reserve) break;
      body = next;
      shown += 1;
    }
    body = clip(body, L.sectionText - reserve).text;
    const omitted = rows.length - shown;
    if (omitted > 0) this.cut = true;
    const tail = omitted > 0 ? `\n${escapeMrkdwn(this.t('slack.rows_omitted', { count: omitted }))}` : '';
    this.blocks.push({ type: 'section', text: mrkdwn(`${fence}\n${body}\n${fence}${tail}`) });
  }
}

type ProgressBlock = Extract<Block, { type: 'progress' }>;

function progressLine(p: ProgressBlock): string {
  return `${p.highlight ? '⚠️ ' : ''}*${escapeMrkdwn(p.label)}* \`${progressBar(p.ratio)}\` ${escapeMrkdwn(p.display)}`;
}

/** A card as Block Kit blocks, at most `maxBlocks`, with a note saying so when cut. */
export function renderSlackBlocks(
  card: Card,
  locale: Locale,
  maxBlocks: number,
  usedActionIds = new Set<string>(),
): SlackBlock[] {
  // Card text may echo what a user typed: invisible characters go, mrkdwn is escaped block by block.
  card = mapCardText(card, stripInvisible);
  const b = new Builder(translator(locale), usedActionIds);
  b.title = card.title;
  const title = clip(`${TONE_MARK[card.tone]}${card.title}`.trim(), L.headerText);
  if (title.text) b.blocks.push({ type: 'header', text: plain(title.text) });
  if (title.cut) b.cut = true;
  for (let i = 0; i < card.blocks.length; i += 1) {
    const block = card.blocks[i] as Block;
    if (block.type !== 'progress') {
      b.add(block);
      continue;
    }
    const bars = [progressLine(block)];
    while (card.blocks[i + 1]?.type === 'progress') {
      i += 1;
      bars.push(progressLine(card.blocks[i] as ProgressBlock));
    }
    b.lines(bars);
  }
  // One block stays free for the "shortened" note.
  const overflow = b.blocks.length > maxBlocks;
  const blocks = overflow || b.cut ? b.blocks.slice(0, maxBlocks - 1) : b.blocks;
  if (!overflow && !b.cut) return blocks;
  blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(b.t('slack.truncated')))] });
  return blocks;
}

/**
 * Card → chat.postMessage body; `text` is the notification and accessibility fallback, and
 * Slack parses it as mrkdwn too, so `<!channel>` typed by a user must arrive escaped.
 */
export function renderSlackMessage(card: Card, locale: Locale): SlackMessage {
  return {
    text: fitMrkdwn(stripInvisible(card.text), L.fallbackText).text,
    blocks: renderSlackBlocks(card, locale, L.blocksPerMessage),
  };
}

/** Cards → an App Home view (https://docs.slack.dev/surfaces/app-home). */
export function renderSlackHome(cards: Card[], locale: Locale): { type: 'home'; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = [];
  const usedActionIds = new Set<string>();
  for (const card of cards) {
    const room = L.blocksPerHomeView - blocks.length - (blocks.length ? 1 : 0);
    if (room < 3) break;
    if (blocks.length) blocks.push({ type: 'divider' });
    blocks.push(...renderSlackBlocks(card, locale, room, usedActionIds));
  }
  return { type: 'home', blocks };
}

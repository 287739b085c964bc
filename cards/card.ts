// The neutral card model every feature builds and every adapter renders natively.
// Builders in this folder are pure: view model + translator in, Card out.

/** A button that triggers a bot action (`actionId`) or opens a link (`url`). */
export type Button =
  | { actionId: string; label: string; value?: string; style?: 'primary' | 'danger' }
  | { url: string; label: string };

export interface Field {
  label: string;
  value: string;
}

/** One input of a form; `id` keys its answer in the submitted `fields`. */
export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'number';
  initial?: string;
  required?: boolean;
  hint?: string;
}

/**
 * An input form. Submitting it sends the action `submit.actionId` with the value
 * `JSON.stringify({ value: submit.value, fields: { [id]: string } })` (see `formValue`).
 * `fallback` is how to do the same by command, in the user's language: what platforms
 * without forms (WeCom, DingTalk) and the plain-text fallback show instead.
 */
export interface FormBlock {
  type: 'form';
  submit: { actionId: string; label: string; value?: string };
  fields: FormField[];
  fallback: string;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  /** A labelled progress bar; `highlight` marks it (e.g. below target). */
  | { type: 'progress'; label: string; ratio: number; display: string; highlight?: boolean }
  | { type: 'image'; url: string; alt: string }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'divider' }
  | { type: 'actions'; buttons: Button[] }
  | FormBlock;

export type Tone = 'info' | 'success' | 'warning' | 'danger';

/**
 * Who may see a card. `personal` cards (a KPI card, its "why", reports, weights, payroll) are about
 * one person: the inbound pipeline never posts them into a group chat but sends them privately.
 */
export type Audience = 'personal';

/**
 * A platform-neutral message. `text` is the plain-text fallback of the whole card: what a
 * notification shows and what a platform that cannot render the structure gets.
 */
export interface Card {
  title: string;
  tone: Tone;
  blocks: Block[];
  /** Absent: anyone in the conversation may see it. */
  audience?: Audience;
  text: string;
}

export function isLinkButton(b: Button): b is { url: string; label: string } {
  return 'url' in b;
}

const BAR_CELLS = 10;

/** A text progress bar (█████░░░░░) shared by fallbacks and platforms without native bars. */
export function progressBar(ratio: number): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(ratio) ? ratio : 0));
  const full = Math.round(clamped * BAR_CELLS);
  return '█'.repeat(full) + '░'.repeat(BAR_CELLS - full);
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'progress':
      return `${block.highlight ? '! ' : ''}${block.label} ${progressBar(block.ratio)} ${block.display}`;
    case 'image':
      return `[${block.alt}] ${block.url}`;
    case 'table':
      return [block.columns.join(' | '), ...block.rows.map((r) => r.join(' | '))].join('\n');
    case 'divider':
      return '—';
    case 'actions':
      return block.buttons.map((b) => (isLinkButton(b) ? `${b.label}: ${b.url}` : `[${b.label}]`)).join('  ');
    case 'form':
      return block.fallback;
  }
}

/** Builds a card and its plain-text fallback from the same blocks, so they never disagree. */
export function makeCard(input: { title: string; tone?: Tone; blocks: Block[]; audience?: Audience }): Card {
  const body = input.blocks.map(blockToText).filter((s) => s.length > 0);
  const lines = [input.title, ...body];
  return {
    title: input.title,
    tone: input.tone ?? 'info',
    blocks: input.blocks,
    ...(input.audience ? { audience: input.audience } : {}),
    text: lines.join('\n'),
  };
}

/** The action value a submitted form carries; adapters build it, features parse it with zod. */
export function formValue(submitValue: string | undefined, fields: Record<string, string>): string {
  return JSON.stringify({ value: submitValue, fields });
}

/** Every button on a card, in order (used by adapters and tests to find what to press). */
export function cardButtons(card: Card): Button[] {
  return card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
}

/**
 * Several cards as one (a surface that shows a single view, like Slack's App Home), separated by
 * dividers; personal if any of them is.
 */
export function joinCards(cards: Card[]): Card {
  const [first] = cards;
  if (!first || cards.length === 1) return first ?? makeCard({ title: '', blocks: [] });
  const blocks = cards.flatMap((c, i): Block[] => [
    ...(i > 0 ? [{ type: 'divider' as const }, { type: 'text' as const, text: c.title }] : []),
    ...c.blocks,
  ]);
  const personal = cards.some((c) => c.audience === 'personal');
  return makeCard({ title: first.title, tone: first.tone, blocks, ...(personal ? { audience: 'personal' } : {}) });
}

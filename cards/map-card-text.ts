import type { Block, Button, Card } from './card.js';

/**
 * The card with `fn` applied to every string a reader sees (title, fallback, labels, values,
 * cells, alt text), never to URLs, action ids or values: adapters escape once here, so features
 * need not know which output format their text ends up in.
 */
export function mapCardText(card: Card, fn: (text: string) => string): Card {
  return {
    ...card,
    title: fn(card.title),
    text: fn(card.text),
    blocks: card.blocks.map((block) => mapBlock(block, fn)),
  };
}

function mapBlock(block: Block, fn: (text: string) => string): Block {
  switch (block.type) {
    case 'text':
      return { ...block, text: fn(block.text) };
    case 'fields':
      return { ...block, fields: block.fields.map((f) => ({ label: fn(f.label), value: fn(f.value) })) };
    case 'progress':
      return { ...block, label: fn(block.label), display: fn(block.display) };
    case 'image':
      return { ...block, alt: fn(block.alt) };
    case 'table':
      return { ...block, columns: block.columns.map(fn), rows: block.rows.map((row) => row.map(fn)) };
    case 'divider':
      return block;
    case 'actions':
      return { ...block, buttons: block.buttons.map((b): Button => ({ ...b, label: fn(b.label) })) };
    case 'form':
      return {
        ...block,
        submit: { ...block.submit, label: fn(block.submit.label) },
        fields: block.fields.map((f) => ({
          ...f,
          label: fn(f.label),
          ...(f.initial !== undefined ? { initial: fn(f.initial) } : {}),
          ...(f.hint !== undefined ? { hint: fn(f.hint) } : {}),
        })),
        fallback: fn(block.fallback),
      };
  }
}

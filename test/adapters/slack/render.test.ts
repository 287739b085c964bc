import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS as L } from '../../../adapters/slack/limits.js';
import { renderSlackHome, renderSlackMessage, type SlackBlock } from '../../../adapters/slack/render.js';
import { makeCard } from '../../../cards/card.js';
import { sampleCards } from '../../fixtures/sample-cards.js';

function assertWithinLimits(blocks: SlackBlock[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  const actionIds = new Set<string>();
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.text.length).toBeLessThanOrEqual(L.headerText);
        expect(block.text.text.length).toBeGreaterThan(0);
        break;
      case 'section':
        if ('fields' in block) {
          expect(block.fields.length).toBeLessThanOrEqual(L.fieldsPerSection);
          for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(L.fieldText);
        } else {
          expect(block.text.text.length).toBeLessThanOrEqual(L.sectionText);
          expect(block.text.text.trim().length).toBeGreaterThan(0);
        }
        break;
      case 'image':
        expect(block.image_url.length).toBeLessThanOrEqual(L.imageUrl);
        expect(block.alt_text.length).toBeLessThanOrEqual(L.imageAlt);
        break;
      case 'actions':
        expect(block.elements.length).toBeLessThanOrEqual(L.elementsPerActions);
        for (const e of block.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(L.buttonText);
          expect(e.action_id.length).toBeLessThanOrEqual(L.actionId);
          expect(e.value?.length ?? 0).toBeLessThanOrEqual(L.buttonValue);
          expect(actionIds.has(e.action_id)).toBe(false);
          actionIds.add(e.action_id);
        }
        break;
      default:
        break;
    }
  }
}

describe('Slack Block Kit rendering', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const { name, card } of sampleCards(locale)) {
      it(`renders the ${name} card (${locale}) within every Block Kit limit`, () => {
        const message = renderSlackMessage(card, locale);
        assertWithinLimits(message.blocks, L.blocksPerMessage);
        expect(message.text.length).toBeLessThanOrEqual(L.fallbackText);
        expect(message.text.length).toBeGreaterThan(0);
      });
    }
  }

  it('ends the oversized card with the note that it was cut, and links nowhere the card does not', () => {
    const card = sampleCards('en').find((s) => s.name === 'oversized')?.card;
    if (!card) throw new Error('oversized sample missing');
    const { blocks } = renderSlackMessage(card, 'en');
    expect(blocks.length).toBeLessThanOrEqual(L.blocksPerMessage);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'This is long, so Slack shows only part of it.' }],
    });
    expect(JSON.stringify(blocks)).not.toContain('/console');
  });

  it('renders the help card as a header, the intro, two-column commands and the KPI button', () => {
    const card = sampleCards('en').find((s) => s.name === 'help')?.card;
    if (!card) throw new Error('help sample missing');
    const { blocks, text } = renderSlackMessage(card, 'en');
    expect(text).toBe(card.text);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: card.title, emoji: true } });
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'section']);
    expect(blocks[2]).toMatchObject({
      type: 'section',
      fields: [{ type: 'mrkdwn', text: '*help / 帮助*\nlist the commands you can use' }, {}],
    });
    expect(blocks[3]).toMatchObject({ type: 'actions', elements: [{ type: 'button', action_id: 'kpi.card.open' }] });
  });

  it('escapes &, < and > so card text cannot inject Slack mentions or links', () => {
    const card = makeCard({ title: 'T', blocks: [{ type: 'text', text: 'a & b <!channel> <https://x|y>' }] });
    const { blocks } = renderSlackMessage(card, 'en');
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'a &amp; b &lt;!channel&gt; &lt;https://x|y&gt;' },
    });
  });

  it('gives repeated action ids a suffix so Slack accepts the message', () => {
    const card = makeCard({
      title: 'T',
      blocks: [
        {
          type: 'actions',
          buttons: [
            { actionId: 'alerts.ack', label: 'A', value: '1' },
            { actionId: 'alerts.ack', label: 'B', value: '2' },
          ],
        },
      ],
    });
    const { blocks } = renderSlackMessage(card, 'en');
    expect(blocks[1]).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: 'alerts.ack', value: '1' },
        { action_id: 'alerts.ack~2', value: '2' },
      ],
    });
  });

  it('renders progress bars and tables as text Slack can show', () => {
    const card = makeCard({
      title: 'KPI',
      blocks: [
        { type: 'progress', label: 'NPS', ratio: 0.5, display: '50%', highlight: true },
        { type: 'progress', label: 'SLA', ratio: 1, display: '100%' },
        { type: 'table', columns: ['a', 'b'], rows: [['1', '2']] },
      ],
    });
    const { blocks } = renderSlackMessage(card, 'en');
    expect(blocks.slice(1)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '⚠️ *NPS* `█████░░░░░` 50%\n*SLA* `██████████` 100%' } },
      { type: 'section', text: { type: 'mrkdwn', text: '```\na | b\n1 | 2\n```' } },
    ]);
  });

  it('fits several cards into one App Home view within its 100 blocks', () => {
    const cards = sampleCards('zh-CN').map((s) => s.card);
    const view = renderSlackHome(cards, 'zh-CN');
    expect(view.type).toBe('home');
    assertWithinLimits(view.blocks, L.blocksPerHomeView);
  });
});

describe('Slack block budget', () => {
  it('cuts a card with more than 50 blocks to 50, ending with the note that it was shortened', () => {
    const card = makeCard({
      title: 'Many',
      blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })),
    });
    const { blocks } = renderSlackMessage(card, 'zh-CN');
    expect(blocks).toHaveLength(L.blocksPerMessage);
    expect(blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

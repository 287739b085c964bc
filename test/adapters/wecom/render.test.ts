import { describe, expect, it } from 'vitest';
import { decodeButtonKey, encodeButtonKey } from '../../../adapters/wecom/button-key.js';
import { LIMITS } from '../../../adapters/wecom/limits.js';
import { renderCard, type TemplateCard } from '../../../adapters/wecom/render.js';
import { makeCard } from '../../../cards/card.js';
import { sampleCards } from '../../fixtures/sample-cards.js';

const chars = (s: string) => [...s].length;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function limitViolations(card: TemplateCard): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(chars(card.main_title.title) <= LIMITS.mainTitleChars, 'main_title.title');
  check(chars(card.source.desc) <= LIMITS.sourceDescChars, 'source.desc');
  check(chars(card.sub_title_text ?? '') <= LIMITS.subTitleTextChars, 'sub_title_text');
  const horizontal = card.horizontal_content_list ?? [];
  check(horizontal.length <= LIMITS.horizontalItems, 'horizontal_content_list length');
  for (const h of horizontal) {
    check(chars(h.keyname) <= LIMITS.horizontalKeyChars, `keyname ${h.keyname}`);
    check(chars(h.value) <= LIMITS.horizontalValueChars, `value ${h.value}`);
  }
  const jumps = card.jump_list ?? [];
  check(jumps.length <= LIMITS.jumpItems, 'jump_list length');
  for (const j of jumps) check(chars(j.title) <= LIMITS.jumpTitleChars, `jump ${j.title}`);
  const buttons = card.button_list ?? [];
  check(buttons.length <= LIMITS.buttons, 'button_list length');
  for (const b of buttons) {
    check(chars(b.text) <= LIMITS.buttonTextChars, `button ${b.text}`);
    check(b.type === 1 ? Boolean(b.url) : bytes(b.key ?? '') > 0 && bytes(b.key ?? '') <= LIMITS.keyBytes, 'key');
  }
  const keys = buttons.flatMap((b) => (b.key ? [b.key] : []));
  check(new Set(keys).size === keys.length, 'unique keys');
  if (card.card_type === 'text_notice') check(Boolean(card.card_action?.url), 'text_notice card_action');
  if (card.card_type === 'button_interaction') check(buttons.length > 0, 'button_interaction buttons');
  return problems;
}

describe('WeCom rendering of every sample card', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const { name, card } of sampleCards(locale)) {
      it(`keeps the ${name} card (${locale}) within every WeCom limit`, () => {
        const message = renderCard(card, locale);
        if (message.templateCard) expect(limitViolations(message.templateCard)).toEqual([]);
        expect(bytes(message.markdown)).toBeLessThanOrEqual(LIMITS.appMarkdownBytes);
        expect(bytes(message.robotMarkdown)).toBeLessThanOrEqual(LIMITS.robotMarkdownBytes);
        expect(message.markdown).not.toContain('\uFFFD');
      });
    }
  }

  it('renders the Chinese help sample as a button card with its KPI shortcut', () => {
    const help = sampleCards('zh-CN').find((s) => s.name === 'help');
    const message = renderCard(help?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    expect(message.templateCard).toMatchObject({
      card_type: 'button_interaction',
      main_title: { title: '考谱能帮你做什么' },
      button_list: [{ type: 0, text: '我的绩效', key: 'kp:0:kpi.card.open' }],
    });
    expect(message.templateCard?.sub_title_text).toContain('help / 帮助：查看你可以使用的命令');
  });

  it('turns a notice with a help button into a button card whose key decodes back to the action', () => {
    const notice = sampleCards('zh-CN').find((s) => s.name === 'notice');
    const message = renderCard(notice?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    expect(message.templateCard?.card_type).toBe('button_interaction');
    const key = message.templateCard?.button_list?.[0]?.key ?? '';
    expect(decodeButtonKey(key)).toEqual({ actionId: 'help.show' });
  });

  it('splits the oversized card into its content as markdown and a card with title and buttons', () => {
    const oversized = sampleCards('zh-CN').find((s) => s.name === 'oversized');
    const message = renderCard(oversized?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    expect(message.templateCard).toEqual({
      card_type: 'button_interaction',
      source: { desc: '考谱', desc_color: 1 },
      main_title: { title: expect.stringMatching(/^超长卡片.*…$/) },
      button_list: expect.any(Array),
    });
    expect(message.templateCard?.button_list).toHaveLength(6);
    expect(message.lead).toBe(message.markdown);
  });

  it('ends both markdowns of the oversized card with "…" and links nowhere the card does not', () => {
    const oversized = sampleCards('zh-CN').find((s) => s.name === 'oversized');
    const message = renderCard(oversized?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    for (const md of [message.markdown, message.robotMarkdown]) expect(md.endsWith('\n…')).toBe(true);
    expect(JSON.stringify(message)).not.toContain('/console');
  });

  it('sends a button card whole, without a lead, when its content fits', () => {
    const notice = sampleCards('zh-CN').find((s) => s.name === 'notice');
    const message = renderCard(notice?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    expect(message.lead).toBeUndefined();
    expect(message.templateCard?.sub_title_text).toBe('请发送一条命令，例如“帮助”。');
  });

  it('falls back to markdown for a card with a table and no buttons', () => {
    const card = makeCard({
      title: '团队排名',
      blocks: [{ type: 'table', columns: ['姓名', '得分'], rows: [['李明', '92']] }],
    });
    const message = renderCard(card, 'zh-CN');
    expect(message.templateCard).toBeUndefined();
    expect(message.markdown).toBe('**团队排名**\n**姓名 | 得分**\n李明 | 92');
  });

  it('sends a card that fits a text_notice but has no link as markdown, with no made-up URL', () => {
    const card = makeCard({
      title: '本月考勤',
      blocks: [{ type: 'fields', fields: [{ label: '迟到', value: '2 次' }] }],
    });
    const message = renderCard(card, 'zh-CN');
    expect(message.templateCard).toBeUndefined();
    expect(message.markdown).toBe('**本月考勤**\n**迟到**：2 次');
    expect(message.robotMarkdown).toBe(message.markdown);
    expect(JSON.stringify(message)).not.toMatch(/https?:|\/console/);
  });

  it('puts short fields side by side and tapping a text_notice opens the card’s first link', () => {
    const card = makeCard({
      title: '本月考勤',
      blocks: [
        { type: 'fields', fields: [{ label: '迟到', value: '2 次' }] },
        {
          type: 'actions',
          buttons: [
            { url: 'https://kaopu.example/files/att.xlsx', label: '下载明细' },
            { url: 'https://kaopu.example/files/att.pdf', label: '下载PDF' },
          ],
        },
      ],
    });
    expect(renderCard(card, 'zh-CN').templateCard).toEqual({
      card_type: 'text_notice',
      source: { desc: '考谱', desc_color: 0 },
      main_title: { title: '本月考勤' },
      horizontal_content_list: [{ keyname: '迟到', value: '2 次' }],
      jump_list: [
        { type: 1, title: '下载明细', url: 'https://kaopu.example/files/att.xlsx' },
        { type: 1, title: '下载PDF', url: 'https://kaopu.example/files/att.pdf' },
      ],
      card_action: { type: 1, url: 'https://kaopu.example/files/att.xlsx' },
    });
  });

  it('gives a button card no card_action: tapping it opens nothing the card does not link to', () => {
    const notice = sampleCards('zh-CN').find((s) => s.name === 'notice');
    const message = renderCard(notice?.card ?? makeCard({ title: '', blocks: [] }), 'zh-CN');
    expect(message.templateCard?.card_type).toBe('button_interaction');
    expect(message.templateCard?.card_action).toBeUndefined();
  });

  it('never points any sample card at the console', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const { card } of sampleCards(locale)) {
        expect(JSON.stringify(renderCard(card, locale))).not.toContain('/console');
      }
    }
  });

  it('cuts long Chinese markdown on a character boundary under 2048 bytes', () => {
    const card = makeCard({ title: '长文', blocks: [{ type: 'text', text: '你'.repeat(3000) }] });
    const { markdown } = renderCard(card, 'zh-CN');
    expect(bytes(markdown)).toBeLessThanOrEqual(2048);
    expect(markdown.endsWith('你\n…')).toBe(true);
  });
});

describe('WeCom button keys', () => {
  it('round-trips an action id with a value holding separators and Chinese', () => {
    const key = encodeButtonKey(3, 'alerts.ack', 'a:b|c 你好') as string;
    expect(decodeButtonKey(key)).toEqual({ actionId: 'alerts.ack', value: 'a:b|c 你好' });
  });

  it('refuses a value that would push the key past 1024 bytes', () => {
    expect(encodeButtonKey(0, 'x.y', 'v'.repeat(1100))).toBeNull();
  });

  it('does not mistake an admin menu key for an action', () => {
    expect(decodeButtonKey('help')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { decodeActionText } from '../../../adapters/dingtalk/action-text.js';
import {
  MAX_BUTTON_TITLE_CHARS,
  MAX_BUTTONS,
  MAX_MSG_PARAM_BYTES,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from '../../../adapters/dingtalk/limits.js';
import { type DingtalkMessage, length, renderCard, toWebhookBody } from '../../../adapters/dingtalk/render.js';
import { makeCard } from '../../../cards/card.js';
import { sampleCards } from '../../fixtures/sample-cards.js';

function buttonsOf(message: DingtalkMessage): { title: string; url: string }[] {
  const p = message.msgParam;
  if (message.msgKey === 'sampleActionCard') return [{ title: p.singleTitle ?? '', url: p.singleURL ?? '' }];
  const out: { title: string; url: string }[] = [];
  for (let i = 1; p[`actionTitle${i}`] !== undefined; i++) {
    out.push({ title: p[`actionTitle${i}`] ?? '', url: p[`actionURL${i}`] ?? '' });
  }
  return out;
}

function pressedAction(url: string) {
  const content = new URL(url).searchParams.get('content') ?? '';
  return decodeActionText(content);
}

describe('DingTalk rendering', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const { name, card } of sampleCards(locale)) {
      it(`renders the ${name} card (${locale}) within DingTalk's limits`, () => {
        const message = renderCard(card, locale);
        const { title = '', text = '' } = message.msgParam;
        expect(length(title)).toBeLessThanOrEqual(MAX_TITLE_CHARS);
        expect(length(text)).toBeLessThanOrEqual(MAX_TEXT_CHARS);
        expect(Buffer.byteLength(JSON.stringify(message.msgParam))).toBeLessThanOrEqual(MAX_MSG_PARAM_BYTES);
        const buttons = buttonsOf(message);
        expect(buttons.length).toBeLessThanOrEqual(MAX_BUTTONS);
        for (const b of buttons) expect(length(b.title)).toBeLessThanOrEqual(MAX_BUTTON_TITLE_CHARS);
        expect(message.msgKey).toBe(
          buttons.length === 0
            ? 'sampleMarkdown'
            : buttons.length === 1
              ? 'sampleActionCard'
              : `sampleActionCard${buttons.length}`,
        );
      });
    }
  }

  it('turns the notice card help button into a dtmd link that sends the help action back', () => {
    const notice = sampleCards('zh-CN').find((s) => s.name === 'notice')?.card;
    const message = renderCard(notice as NonNullable<typeof notice>, 'zh-CN');
    expect(message.msgKey).toBe('sampleActionCard');
    expect(message.msgParam.singleURL).toMatch(/^dtmd:\/\/dingtalkclient\/sendMessage\?content=/);
    expect(pressedAction(message.msgParam.singleURL ?? '')).toEqual({ actionId: 'help.show' });
  });

  it('keeps a button value through the encoded action text', () => {
    const card = makeCard({
      title: 'x',
      blocks: [{ type: 'actions', buttons: [{ actionId: 'alerts.ack', label: '确认', value: 'a 1/2&b' }] }],
    });
    const url = renderCard(card, 'zh-CN').msgParam.singleURL ?? '';
    expect(pressedAction(url)).toEqual({ actionId: 'alerts.ack', value: 'a 1/2&b' });
  });

  it('cuts the oversized card with a note and keeps its first buttons, linking nowhere it does not know', () => {
    const oversized = sampleCards('zh-CN').find((s) => s.name === 'oversized')?.card;
    const card = oversized as NonNullable<typeof oversized>;
    const message = renderCard(card, 'zh-CN');
    expect(message.msgParam.text?.endsWith('\n\n（内容过长，已截断）')).toBe(true);
    const buttons = buttonsOf(message);
    expect(buttons).toHaveLength(MAX_BUTTONS);
    expect(buttons.map((b) => b.title.split(' ')[0])).toEqual(
      Array.from({ length: MAX_BUTTONS }, (_, i) => `按钮${i}`),
    );
    expect(JSON.stringify(message)).not.toContain('/console');
    expect(message.msgKey).toBe('sampleActionCard5');
  });

  it('stays under the msgParam byte limit even when the text is all 4-byte emoji', () => {
    const card = makeCard({
      title: '表情',
      blocks: [{ type: 'text', text: '😀'.repeat(6000) }],
    });
    const message = renderCard(card, 'zh-CN');
    expect(Buffer.byteLength(JSON.stringify(message.msgParam))).toBeLessThanOrEqual(MAX_MSG_PARAM_BYTES);
    expect(message.msgParam.text).toContain('😀');
  });

  it('shows fields, progress and tables as markdown a DingTalk client can display', () => {
    const card = makeCard({
      title: '本月绩效',
      blocks: [
        { type: 'fields', fields: [{ label: '工单', value: '42' }] },
        { type: 'progress', label: '满意度', ratio: 0.5, display: '50%', highlight: true },
        { type: 'table', columns: ['姓名', '得分'], rows: [['李明', '90']] },
      ],
    });
    const text = renderCard(card, 'zh-CN').msgParam.text;
    expect(text).toContain('- **工单**: 42');
    expect(text).toContain('**满意度** ❗  \n█████░░░░░ 50%');
    expect(text).toContain('- 姓名: 李明 · 得分: 90');
  });

  it('translates a multi-button card into the webhook actionCard with btns', () => {
    const card = makeCard({
      title: 't',
      blocks: [
        {
          type: 'actions',
          buttons: [
            { actionId: 'help.show', label: '帮助' },
            { url: 'https://kaopu.example/x', label: '打开' },
          ],
        },
      ],
    });
    const body = toWebhookBody(renderCard(card, 'zh-CN'));
    expect(body).toMatchObject({
      msgtype: 'actionCard',
      actionCard: {
        title: 't',
        btnOrientation: '0',
        btns: [
          { title: '帮助', actionURL: expect.stringMatching(/^dtmd:/) },
          { title: '打开', actionURL: 'https://kaopu.example/x' },
        ],
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { decodeActionText, encodeActionText } from '../../../adapters/dingtalk/action-text.js';
import { toBotEvent } from '../../../adapters/dingtalk/inbound.js';
import { robotMessage } from '../../../adapters/dingtalk/schemas.js';
import { type MessageOverrides, makeRobotMessage } from '../../fixtures/dingtalk/messages.js';

const at = new Date('2026-11-18T04:00:00Z');
const normalise = (o: MessageOverrides) => toBotEvent(robotMessage.parse(makeRobotMessage(o)), at);

describe('DingTalk inbound normalisation', () => {
  it('turns a 1:1 text into a dm event replying to the sender with the session webhook hint', () => {
    const result = normalise({
      staffId: 'staff-9',
      text: ' 帮助 ',
      sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=x',
      sessionWebhookExpiredTime: 1_763_442_000_000,
    });
    expect(result).toMatchObject({
      kind: 'event',
      event: {
        platform: 'dingtalk',
        user: { platformUserId: 'staff-9' },
        conversation: { kind: 'dm', id: 'cidDMstaff-9' },
        replyTo: {
          kind: 'user',
          userId: 'staff-9',
          hint: {
            sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=x',
            sessionWebhookExpiresAt: '1763442000000',
          },
        },
        payload: { kind: 'text', text: '帮助' },
      },
    });
  });

  it('strips a leading @mention in a group and replies to the conversation', () => {
    const result = normalise({ staffId: 's', text: '@考谱 kpi 本月', group: true, conversationId: 'cidG==' });
    expect(result).toMatchObject({
      kind: 'event',
      event: { conversation: { kind: 'group', id: 'cidG==' }, replyTo: { kind: 'group', chatId: 'cidG==' } },
    });
    expect(result.kind === 'event' && result.event.payload).toEqual({ kind: 'text', text: 'kpi 本月' });
  });

  it('turns the reserved action text back into an action event with its value', () => {
    const result = normalise({ staffId: 's', text: encodeActionText('alerts.ack', '工单 #12') });
    expect(result.kind === 'event' && result.event.payload).toEqual({
      kind: 'action',
      actionId: 'alerts.ack',
      value: '工单 #12',
    });
  });

  it('ignores a non-text message instead of failing', () => {
    expect(normalise({ staffId: 's', msgtype: 'richText' })).toMatchObject({ kind: 'ignored' });
  });

  it('treats look-alike or broken action texts as ordinary text', () => {
    expect(decodeActionText('/kaopu-action')).toBeNull();
    expect(decodeActionText('/kaopu-action bad id here')).toBeNull();
    expect(decodeActionText('/kaopu-action ok %E0%A4%A')).toBeNull();
    expect(decodeActionText('please /kaopu-action help.show')).toBeNull();
  });
});

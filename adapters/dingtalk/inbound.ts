// Raw DingTalk robot message → BotEvent. Shared by the HTTP callback and Stream mode.
import type { BotEvent } from '../../src/bot/event.js';
import { decodeActionText } from './action-text.js';
import type { RobotMessage } from './schemas.js';

export type Inbound = { kind: 'event'; event: BotEvent } | { kind: 'ignored'; reason: string };

/** Hint keys for replying in place through the message's sessionWebhook. */
export const HINT_SESSION_WEBHOOK = 'sessionWebhook';
export const HINT_SESSION_EXPIRES_AT = 'sessionWebhookExpiresAt';

export function toBotEvent(message: RobotMessage, receivedAt: Date): Inbound {
  // Only text carries commands; pictures, files, audio and rich text are acknowledged and ignored.
  if (message.msgtype !== 'text' || !message.text) return { kind: 'ignored', reason: `msgtype ${message.msgtype}` };
  // senderStaffId is the userid our chat identities store; senderId is an opaque fallback that
  // simply resolves to nobody (and so gets the onboarding reply).
  const userId = message.senderStaffId ?? message.senderId;
  if (!userId) return { kind: 'ignored', reason: 'no sender' };
  const isGroup = message.conversationType === '2';
  // In groups DingTalk usually removes the @robot mention itself; a leading one may remain.
  const text = (isGroup ? message.text.content.replace(/^\s*@\S+\s+/, '') : message.text.content).trim();
  const hint: Record<string, string> = {};
  if (message.sessionWebhook && message.sessionWebhookExpiredTime) {
    hint[HINT_SESSION_WEBHOOK] = message.sessionWebhook;
    hint[HINT_SESSION_EXPIRES_AT] = String(message.sessionWebhookExpiredTime);
  }
  const action = decodeActionText(text);
  return {
    kind: 'event',
    event: {
      id: message.msgId,
      platform: 'dingtalk',
      user: { platformUserId: userId, ...(message.senderNick ? { displayName: message.senderNick } : {}) },
      conversation: { kind: isGroup ? 'group' : 'dm', id: message.conversationId },
      replyTo: isGroup ? { kind: 'group', chatId: message.conversationId, hint } : { kind: 'user', userId, hint },
      payload: action ? { kind: 'action', ...action } : { kind: 'text', text },
      receivedAt,
    },
  };
}

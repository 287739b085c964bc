// Decrypted WeCom XML → BotEvent. Message and event formats:
// https://developer.work.weixin.qq.com/document/path/90239 (messages), 90240 (events).
import type { BotEvent, EventPayload } from '../../src/bot/event.js';
import { decodeButtonKey } from './button-key.js';
import {
  clickEvent,
  groupRobotText,
  locationMessage,
  messageHead,
  parseXml,
  templateCardEvent,
  textMessage,
} from './schemas.js';

/** Hint key: the group robot webhook that answers the group a message was said in. */
export const HINT_ROBOT_WEBHOOK = 'robotWebhook';

export type Inbound =
  | { kind: 'event'; event: BotEvent }
  /** Well-formed but nothing for the bot (enter_agent, subscribe, image…): acknowledged. */
  | { kind: 'ignored'; what: string }
  | { kind: 'malformed'; reason: string };

/** Turns the decrypted XML of one callback into a BotEvent, or says why not. */
export function toBotEvent(xml: string, receivedAt: Date): Inbound {
  const tree = parseXml(xml);
  if (tree === null) return { kind: 'malformed', reason: 'decrypted payload is not XML' };
  const head = messageHead.safeParse(tree);
  if (!head.success) return { kind: 'malformed', reason: 'decrypted XML has no MsgType' };
  const raw = (tree as { xml: unknown }).xml;
  const { MsgType, Event, ChatType } = head.data.xml;
  if (ChatType === 'group') return fromGroupRobot(raw, receivedAt);

  const build = (from: string, id: string, payload: EventPayload, hint?: Record<string, string>): Inbound => ({
    kind: 'event',
    event: {
      id,
      platform: 'wecom',
      user: { platformUserId: from },
      // A self-built app only receives one-to-one messages, so every event is a DM.
      conversation: { kind: 'dm', id: from },
      replyTo: { kind: 'user', userId: from, ...(hint ? { hint } : {}) },
      payload,
      receivedAt,
    },
  });

  if (MsgType === 'text') {
    const m = textMessage.safeParse(raw);
    if (!m.success) return { kind: 'malformed', reason: 'text message fields' };
    return build(m.data.FromUserName, m.data.MsgId, { kind: 'text', text: m.data.Content });
  }
  if (MsgType === 'location') {
    const m = locationMessage.safeParse(raw);
    if (!m.success) return { kind: 'malformed', reason: 'location message fields' };
    // Location_X is latitude and Location_Y longitude, in GCJ-02 like every map inside China.
    return build(m.data.FromUserName, m.data.MsgId, {
      kind: 'location',
      lat: m.data.Location_X,
      lng: m.data.Location_Y,
      datum: 'GCJ02',
      ...(m.data.Label ? { label: m.data.Label } : {}),
    });
  }
  if (MsgType !== 'event') return { kind: 'ignored', what: `message ${MsgType.slice(0, 32)}` };

  if (Event === 'click') {
    const m = clickEvent.safeParse(raw);
    if (!m.success) return { kind: 'malformed', reason: 'click event fields' };
    const { FromUserName: from, CreateTime, EventKey } = m.data;
    const action = decodeButtonKey(EventKey);
    // Menu keys are either one of our encoded actions or a plain command such as "help".
    const payload: EventPayload = action ? { kind: 'action', ...action } : { kind: 'text', text: EventKey };
    return build(from, eventId(from, CreateTime, 'click', EventKey), payload);
  }
  if (Event === 'template_card_event') {
    const m = templateCardEvent.safeParse(raw);
    if (!m.success) return { kind: 'malformed', reason: 'template_card_event fields' };
    const { FromUserName: from, CreateTime, EventKey, TaskId, ResponseCode } = m.data;
    const action = decodeButtonKey(EventKey);
    if (!action) return { kind: 'ignored', what: 'template card key not ours' };
    // The response_code lets the reply update the pressed card once, within 72 h.
    const hint = ResponseCode ? { responseCode: ResponseCode, taskId: TaskId } : undefined;
    return build(from, eventId(from, CreateTime, 'template_card_event', EventKey), { kind: 'action', ...action }, hint);
  }
  // enter_agent, LOCATION (background location, which we never ask for), subscribe, …
  return { kind: 'ignored', what: `event ${(Event ?? '').slice(0, 32)}` };
}

// Events carry no MsgId; WeCom's own dedupe advice is FromUserName + CreateTime (+ the event).
function eventId(from: string, createTime: string, event: string, key: string): string {
  return `${from}:${createTime}:${event}:${key}`.slice(0, 1100);
}

function fromGroupRobot(raw: unknown, receivedAt: Date): Inbound {
  const m = groupRobotText.safeParse(raw);
  if (!m.success) return { kind: 'ignored', what: 'group robot message other than text' };
  const { ChatId, From, WebhookUrl, MsgId } = m.data;
  return {
    kind: 'event',
    event: {
      id: MsgId,
      platform: 'wecom',
      user: { platformUserId: From.UserId },
      conversation: { kind: 'group', id: ChatId },
      replyTo: { kind: 'group', chatId: ChatId, hint: { [HINT_ROBOT_WEBHOOK]: WebhookUrl } },
      // The text starts with the robot's @name.
      payload: { kind: 'text', text: m.data.Text.Content.replace(/^\s*@\S+\s*/, '').trim() },
      receivedAt,
    },
  };
}

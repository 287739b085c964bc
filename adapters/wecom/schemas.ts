// zod for everything WeCom sends us: callback query strings, the encrypted XML envelope, the
// decrypted message or event (接收消息与事件, https://developer.work.weixin.qq.com/document/path/90239)
// and API responses. XML is parsed with every value kept as a string (MsgId exceeds 2^53).
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

const nonEmpty = z.string().min(1);

export const verifyUrlQuery = z.object({
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/, 'expected a 40-hex-digit SHA1'),
  timestamp: z.string().regex(/^\d{1,12}$/, 'expected unix seconds'),
  nonce: nonEmpty.max(64),
  echostr: nonEmpty.max(4096),
});

export const callbackQuery = verifyUrlQuery.omit({ echostr: true });

export const envelope = z.object({
  xml: z.object({
    Encrypt: nonEmpty,
    ToUserName: z.string().optional(),
    AgentID: z.string().optional(),
  }),
});

const common = {
  ToUserName: z.string(),
  FromUserName: nonEmpty,
  CreateTime: z.string().regex(/^\d+$/),
  AgentID: z.string().optional(),
};

const number = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);

export const textMessage = z.object({
  ...common,
  MsgType: z.literal('text'),
  Content: z.string(),
  MsgId: nonEmpty,
});

export const locationMessage = z.object({
  ...common,
  MsgType: z.literal('location'),
  Location_X: number,
  Location_Y: number,
  Scale: z.string().optional(),
  Label: z.string().optional(),
  MsgId: nonEmpty,
});

export const clickEvent = z.object({
  ...common,
  MsgType: z.literal('event'),
  Event: z.literal('click'),
  EventKey: z.string(),
});

export const templateCardEvent = z.object({
  ...common,
  MsgType: z.literal('event'),
  Event: z.literal('template_card_event'),
  EventKey: z.string(),
  TaskId: z.string(),
  CardType: z.string().optional(),
  ResponseCode: z.string().optional(),
});

/**
 * A group member @-mentioning the group robot (群机器人 message callback): the robot's own webhook
 * answers the group, and the sender's userid lets a personal reply go to them privately.
 */
export const groupRobotText = z.object({
  WebhookUrl: z.string().url().max(1000),
  ChatId: nonEmpty.max(128),
  ChatType: z.literal('group'),
  From: z.object({ UserId: nonEmpty.max(128) }),
  MsgType: z.literal('text'),
  Text: z.object({ Content: z.string() }),
  MsgId: nonEmpty.max(128),
});

/** Just enough to route: what kind of message or event this is. */
export const messageHead = z.object({
  xml: z.object({
    MsgType: nonEmpty,
    Event: z.string().optional(),
    FromUserName: z.string().optional(),
    ChatType: z.string().optional(),
  }),
});

// Keep every leaf a string: parseTagValue off, CDATA merged into the text value. WeCom never
// sends a DOCTYPE, and an internal entity in one was expanded into the reply (issue 8, finding 5):
// entities stay off, and a DOCTYPE anywhere makes the payload malformed.
const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: false,
});

/** Parses XML into plain objects; null when it is not well-formed XML or declares a DOCTYPE. */
export function parseXml(text: string): unknown {
  if (/<!DOCTYPE/i.test(text)) return null;
  try {
    return parser.parse(text, true);
  } catch {
    return null;
  }
}

export const tokenResponse = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
});

export const apiResponse = z
  .object({
    errcode: z.number(),
    errmsg: z.string().optional(),
    msgid: z.string().optional(),
    response_code: z.string().optional(),
  })
  .passthrough();

export type ApiResponse = z.infer<typeof apiResponse>;

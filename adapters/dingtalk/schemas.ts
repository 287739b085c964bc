// zod for DingTalk's raw payloads; nothing outside this folder sees these shapes.
import { z } from 'zod';

/**
 * One robot message, as POSTed to the HTTP callback or carried in a Stream CALLBACK frame's
 * `data` (https://open.dingtalk.com/document/orgapp/receive-message). Unknown fields pass.
 */
export const robotMessage = z.object({
  msgId: z.string().min(1).max(200),
  msgtype: z.string().min(1).max(50),
  conversationType: z.enum(['1', '2']),
  conversationId: z.string().min(1).max(300),
  senderStaffId: z.string().min(1).max(200).optional(),
  senderId: z.string().max(300).optional(),
  senderNick: z.string().max(200).optional(),
  robotCode: z.string().max(200).optional(),
  sessionWebhook: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  sessionWebhookExpiredTime: z.coerce.number().int().nonnegative().optional(),
  createAt: z.coerce.number().optional(),
  text: z.object({ content: z.string().max(10_000) }).optional(),
});
export type RobotMessage = z.infer<typeof robotMessage>;

/** A frame the Stream gateway pushes (https://open.dingtalk.com/document/direction/stream-mode-protocol-access-description). */
export const streamFrame = z.object({
  specVersion: z.string().optional(),
  type: z.enum(['SYSTEM', 'EVENT', 'CALLBACK']),
  headers: z.looseObject({ topic: z.string(), messageId: z.string().optional() }),
  data: z.string().optional().default(''),
});
export type StreamFrame = z.infer<typeof streamFrame>;

export const openConnectionResponse = z.object({ endpoint: z.url({ protocol: /^wss?$/ }), ticket: z.string().min(1) });

export const accessTokenResponse = z.object({ accessToken: z.string().min(1), expireIn: z.coerce.number().positive() });

/** New-style API errors (api.dingtalk.com): HTTP 4xx/5xx with {code, message}. */
export const apiError = z.object({ code: z.string().optional(), message: z.string().optional() });

export const batchSendResponse = z.object({
  processQueryKey: z.string().optional(),
  invalidStaffIdList: z.array(z.string()).optional(),
  flowControlledStaffIdList: z.array(z.string()).optional(),
});

export const groupSendResponse = z.object({ processQueryKey: z.string().optional() });

/** sessionWebhook and custom robot webhooks answer HTTP 200 with {errcode, errmsg}. */
export const webhookResponse = z.object({ errcode: z.coerce.number(), errmsg: z.string().optional() });

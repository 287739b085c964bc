// DingTalk HTTP calls: app access token, robot send APIs, sessionWebhook and custom robot webhooks.
// Every failure becomes a SendError the outbox understands (429/5xx/network → retry later).

import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { z } from 'zod';
import type { SendResult } from '../../src/bot/adapter.js';
import { createLimiters, type Limiters } from '../../src/bot/limiters.js';
import { retryAfterMs, SendError } from '../../src/bot/send-error.js';
import { WEBHOOK_PER_MINUTE, WEBHOOK_THROTTLE_MS } from './limits.js';
import { type DingtalkMessage, toWebhookBody } from './render.js';
import {
  accessTokenResponse,
  apiError,
  batchSendResponse,
  groupSendResponse,
  openConnectionResponse,
  webhookResponse,
} from './schemas.js';
import { signWebhookUrl } from './verify.js';

export interface DingtalkClientOptions {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  /** https://api.dingtalk.com, or a stand-in in tests. */
  apiBase: string;
  /** https://oapi.dingtalk.com: the contacts API (topapi) lives there. */
  oapiBase?: string;
  now: () => Date;
  /** Stream subscription topic for robot messages. */
  topics?: string[];
  /** Shared rate limiters (Redis-backed across replicas when REDIS_URL is set); process-local if absent. */
  limiters?: Limiters;
}

export type DingtalkClient = ReturnType<typeof createDingtalkClient>;

// Refresh this long before DingTalk's stated expiry (expireIn is 7200 s) so no call carries a dying token.
const TOKEN_MARGIN_MS = 5 * 60_000;
// Custom robot error for "sent more than 20 messages this minute"; DingTalk then throttles for 10 min.
const WEBHOOK_TOO_FAST = 130101;

export function createDingtalkClient(options: DingtalkClientOptions) {
  const http: AxiosInstance = axios.create({
    timeout: 10_000,
    validateStatus: () => true,
    headers: { 'content-type': 'application/json' },
  });
  // A conservative pace for the robot APIs; excess answers 429, which the outbox retries.
  const limiters = options.limiters ?? createLimiters();
  const apiLimiter = limiters.create('dingtalk.api', { maxConcurrent: 4, minTime: 50 });
  // Custom group robots accept 20 messages a minute each (自定义机器人发送群消息, 消息发送频率限制).
  const webhookLimiters = limiters.group('dingtalk.webhook', {
    maxConcurrent: 1,
    reservoir: WEBHOOK_PER_MINUTE,
    reservoirRefreshAmount: WEBHOOK_PER_MINUTE,
    reservoirRefreshInterval: 60_000,
  });
  let token: { value: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function call(method: 'post', url: string, body: unknown, headers?: Record<string, string>) {
    try {
      return await http.request({ method, url, data: body, headers });
    } catch (err) {
      throw new SendError(`dingtalk network error: ${(err as Error).message}`, { retryable: true, cause: err });
    }
  }

  async function fetchToken(): Promise<string> {
    const res = await call('post', `${options.apiBase}/v1.0/oauth2/accessToken`, {
      appKey: options.clientId,
      appSecret: options.clientSecret,
    });
    if (res.status !== 200) throw failure(res, options.now(), 'access token');
    const parsed = accessTokenResponse.safeParse(res.data);
    if (!parsed.success) throw new SendError('dingtalk access token: unexpected response', { retryable: true });
    token = {
      value: parsed.data.accessToken,
      expiresAt: options.now().getTime() + parsed.data.expireIn * 1000 - TOKEN_MARGIN_MS,
    };
    return token.value;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > options.now().getTime()) return token.value;
    fetching ??= fetchToken().finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  /** POSTs to a robot API with the token; on an invalid-token answer, refreshes once and repeats. */
  async function robotApi(path: string, body: unknown): Promise<AxiosResponse> {
    return apiLimiter.schedule(async () => {
      for (let attempt = 0; ; attempt++) {
        const value = await accessToken();
        const res = await call('post', `${options.apiBase}${path}`, body, { 'x-acs-dingtalk-access-token': value });
        if (attempt === 0 && isInvalidToken(res)) {
          if (token?.value === value) token = undefined;
          continue;
        }
        return res;
      }
    });
  }

  async function webhook(url: string, message: DingtalkMessage): Promise<SendResult> {
    const res = await call('post', url, toWebhookBody(message));
    if (res.status !== 200) throw failure(res, options.now(), 'webhook');
    const parsed = webhookResponse.safeParse(res.data);
    if (!parsed.success) throw new SendError('dingtalk webhook: unexpected response', { retryable: true });
    if (parsed.data.errcode === 0) return {};
    const reason = `dingtalk webhook errcode ${parsed.data.errcode}: ${parsed.data.errmsg ?? ''}`;
    if (parsed.data.errcode === WEBHOOK_TOO_FAST) {
      throw new SendError(reason, { retryable: true, retryAfterMs: WEBHOOK_THROTTLE_MS, rateLimited: true });
    }
    throw new SendError(reason, { retryable: false });
  }

  /**
   * POSTs to an OAPI (topapi) path with the token in the query, paced by the API limiter. The
   * body's errcode decides: an invalid token is renewed once; -1 (busy) and 90018/90002 (rate
   * limits, 钉钉服务端 API 限流) are retryable; anything else is final.
   */
  async function oapi(path: string, body: unknown): Promise<Record<string, unknown>> {
    const base = options.oapiBase ?? 'https://oapi.dingtalk.com';
    return apiLimiter.schedule(async () => {
      for (let attempt = 0; ; attempt++) {
        const value = await accessToken();
        const res = await call('post', `${base}${path}?access_token=${encodeURIComponent(value)}`, body);
        if (res.status !== 200) throw failure(res, options.now(), path);
        const parsed = oapiResponse.safeParse(res.data);
        if (!parsed.success) throw new SendError(`dingtalk ${path}: unexpected response`, { retryable: true });
        const { errcode } = parsed.data;
        if (errcode === 0) return parsed.data;
        if (attempt === 0 && OAPI_TOKEN_ERRORS.has(errcode)) {
          if (token?.value === value) token = undefined;
          continue;
        }
        throw new SendError(`dingtalk ${path} errcode ${errcode}: ${(parsed.data.errmsg ?? '').slice(0, 200)}`, {
          retryable: OAPI_BUSY_ERRORS.has(errcode),
          ...(OAPI_BUSY_ERRORS.has(errcode) ? { retryAfterMs: 1000 } : {}),
        });
      }
    });
  }

  return {
    accessToken,
    oapi,

    /** 1:1 message (https://open.dingtalk.com/document/orgapp/chatbots-send-one-on-one-chat-messages-in-batches). */
    async sendToUser(userId: string, message: DingtalkMessage): Promise<SendResult> {
      const res = await robotApi('/v1.0/robot/oToMessages/batchSend', {
        robotCode: options.robotCode,
        userIds: [userId],
        msgKey: message.msgKey,
        msgParam: JSON.stringify(message.msgParam),
      });
      if (res.status !== 200) throw failure(res, options.now(), 'batchSend');
      const parsed = batchSendResponse.safeParse(res.data);
      if (!parsed.success) throw new SendError('dingtalk batchSend: unexpected response', { retryable: true });
      if (parsed.data.invalidStaffIdList?.includes(userId)) {
        throw new SendError('dingtalk batchSend: invalid staff id', { retryable: false });
      }
      if (parsed.data.flowControlledStaffIdList?.includes(userId)) {
        throw new SendError('dingtalk batchSend: flow controlled', {
          retryable: true,
          retryAfterMs: 60_000,
          rateLimited: true,
        });
      }
      return parsed.data.processQueryKey ? { platformMessageId: parsed.data.processQueryKey } : {};
    },

    /** Group message (https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message). */
    async sendToGroup(openConversationId: string, message: DingtalkMessage): Promise<SendResult> {
      const res = await robotApi('/v1.0/robot/groupMessages/send', {
        robotCode: options.robotCode,
        openConversationId,
        msgKey: message.msgKey,
        msgParam: JSON.stringify(message.msgParam),
      });
      if (res.status !== 200) throw failure(res, options.now(), 'groupMessages/send');
      const parsed = groupSendResponse.safeParse(res.data);
      if (!parsed.success) throw new SendError('dingtalk groupMessages/send: unexpected response', { retryable: true });
      return parsed.data.processQueryKey ? { platformMessageId: parsed.data.processQueryKey } : {};
    },

    /** Reply in place through a received message's sessionWebhook (no token needed). */
    sendSessionWebhook(url: string, message: DingtalkMessage): Promise<SendResult> {
      return webhook(url, message);
    },

    /** Custom group robot with 加签: timestamp and sign are added at send time. */
    sendCustomWebhook(url: string, secret: string | null, message: DingtalkMessage): Promise<SendResult> {
      return webhookLimiters
        .key(url)
        .schedule(() => webhook(secret ? signWebhookUrl(url, secret, options.now()) : url, message));
    },

    /** Registers a Stream connection (POST /v1.0/gateway/connections/open) → endpoint + ticket. */
    async openStream(): Promise<{ endpoint: string; ticket: string }> {
      const res = await call('post', `${options.apiBase}/v1.0/gateway/connections/open`, {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        subscriptions: (options.topics ?? []).map((topic) => ({ type: 'CALLBACK', topic })),
        ua: 'kaopu',
      });
      if (res.status !== 200) throw failure(res, options.now(), 'gateway connections/open');
      const parsed = openConnectionResponse.safeParse(res.data);
      if (!parsed.success) throw new SendError('dingtalk gateway: unexpected response', { retryable: true });
      return parsed.data;
    },

    async stop(): Promise<void> {
      await apiLimiter.disconnect();
      for (const limiter of webhookLimiters.limiters()) await limiter.limiter.disconnect();
    },
  };
}

// 40014 invalid token, 42001 expired, 88 (legacy) invalid: renew once.
const OAPI_TOKEN_ERRORS = new Set([40014, 42001, 88]);
// -1 busy; 90002/90018 over the API's QPS or the app's per-minute quota.
const OAPI_BUSY_ERRORS = new Set([-1, 90002, 90018]);
const oapiResponse = z.looseObject({ errcode: z.number(), errmsg: z.string().optional() });

function isInvalidToken(res: AxiosResponse): boolean {
  if (res.status === 401) return true;
  const body = apiError.safeParse(res.data);
  return body.success && /InvalidAuthentication|token/i.test(body.data.code ?? '');
}

function failure(res: AxiosResponse, now: Date, what: string): SendError {
  const body = apiError.safeParse(res.data);
  const detail = body.success ? `${body.data.code ?? ''} ${body.data.message ?? ''}`.trim() : '';
  const message = `dingtalk ${what} HTTP ${res.status}${detail ? `: ${detail}` : ''}`;
  if (res.status === 429 || res.status >= 500) {
    const header = res.headers['retry-after'];
    return new SendError(message, {
      retryable: true,
      retryAfterMs: retryAfterMs(header ? String(header) : null, now),
      rateLimited: res.status === 429,
    });
  }
  return new SendError(message, { retryable: false });
}

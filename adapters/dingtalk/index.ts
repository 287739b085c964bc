import type { Logger } from 'pino';
import type { Adapter, AdapterContext, SendResult } from '../../src/bot/adapter.js';
import type { ChatAddress } from '../../src/bot/event.js';
import type { Limiters } from '../../src/bot/limiters.js';
import { SendError } from '../../src/bot/send-error.js';
import type { DingtalkConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { outboundUrl } from '../../src/http/outbound-url.js';
import { callbackRoute, receive } from './callback.js';
import { createDingtalkClient } from './client.js';
import { dingtalkDirectory } from './directory.js';
import { HINT_SESSION_EXPIRES_AT, HINT_SESSION_WEBHOOK } from './inbound.js';
import { MAX_BUTTONS } from './limits.js';
import { type DingtalkMessage, renderCard } from './render.js';
import { claimSignature } from './replay.js';
import { createStream, ROBOT_TOPIC, type Stream, type StreamOptions } from './stream.js';

export interface DingtalkAdapterOptions {
  config: DingtalkConfig;
  /** Records each callback signature once, so a replayed callback is refused. */
  db: Db;
  now: () => Date;
  /** Stream timings (tests shorten them). */
  stream?: Pick<StreamOptions, 'watchdogMs' | 'keepAliveMs' | 'backoffMs'>;
  limiters?: Limiters;
}

// A sessionWebhook this close to its expiry is not worth the race; the robot API is used instead.
const SESSION_MARGIN_MS = 60_000;

/** DingTalk enterprise-internal robot: HTTP callback or Stream in, robot APIs and webhooks out. */
export function createDingtalkAdapter(options: DingtalkAdapterOptions): Adapter<DingtalkMessage> {
  const { config, db, now } = options;
  const client = createDingtalkClient({ ...config, now, topics: [ROBOT_TOPIC], limiters: options.limiters });
  let context: AdapterContext | undefined;
  let stream: Stream | undefined;
  let logger: Logger | undefined;

  // A team's custom robot: URL and secret come resolved in the address (src/kit/recipients.ts), and
  // are posted to only on DingTalk's robot origin, whatever the stored row says.
  async function sendWebhook(to: Extract<ChatAddress, { kind: 'webhook' }>, message: DingtalkMessage) {
    const url = outboundUrl(to.url, [config.oapiBase]);
    if (!url) {
      throw new SendError(`group chat ${to.groupChatId}: GroupChat.webhookUrl is not on DINGTALK_OAPI_BASE`, {
        retryable: false,
      });
    }
    return client.sendCustomWebhook(url.href, to.secret ?? null, message);
  }

  // The callback body names the sessionWebhook and its signature does not cover the body, so only
  // a URL on the origin DingTalk issues them from is used; anything else goes through the robot API.
  function sessionWebhook(to: ChatAddress): URL | null {
    const raw = to.kind === 'webhook' ? undefined : to.hint?.[HINT_SESSION_WEBHOOK];
    if (!raw) return null;
    const url = outboundUrl(raw, [config.oapiBase]);
    if (!url) logger?.warn('dingtalk sessionWebhook is not on DINGTALK_OAPI_BASE; replying through the robot API');
    return url;
  }

  return {
    directory: dingtalkDirectory(client),
    platform: 'dingtalk',
    capabilities: { maxButtons: MAX_BUTTONS, canUpdateCard: false, canShowImages: true, canUploadFiles: false },

    mount(server, ctx) {
      context = ctx;
      logger = ctx.logger;
      callbackRoute(server, ctx, {
        secret: config.clientSecret,
        now,
        claim: (use) => claimSignature(db, { ...use, now: now() }),
      });
    },

    render: renderCard,

    // At-least-once after a crash, and so no findSent: the robot APIs (msgKey/msgParam), sessionWebhook
    // and custom-robot webhooks take no caller-chosen id to deduplicate on, the processQueryKey comes
    // back only in the answer a crash loses, and a robot cannot read the conversation's history.
    async send(to: ChatAddress, message: DingtalkMessage): Promise<SendResult> {
      if (to.kind === 'webhook') return sendWebhook(to, message);
      const session = sessionWebhook(to);
      const expiresAt = Number(to.hint?.[HINT_SESSION_EXPIRES_AT] ?? 0);
      if (session && expiresAt - SESSION_MARGIN_MS > now().getTime()) {
        try {
          return await client.sendSessionWebhook(session.href, message);
        } catch (err) {
          // A refused session (e.g. expired early) still has the robot API; a 5xx is retried as is.
          if (!(err instanceof SendError) || err.retryable) throw err;
          logger?.warn({ reason: err.message }, 'dingtalk sessionWebhook refused; using the robot API');
        }
      }
      return to.kind === 'user' ? client.sendToUser(to.userId, message) : client.sendToGroup(to.chatId, message);
    },

    async start() {
      if (!config.stream || !context || stream) return;
      const ctx = context;
      stream = createStream({
        ...options.stream,
        logger: ctx.logger,
        open: () => client.openStream(),
        async onCallback(topic, data) {
          if (topic !== ROBOT_TOPIC) return 'ack';
          let body: unknown;
          try {
            body = JSON.parse(data);
          } catch {
            ctx.logger.warn('dingtalk stream: callback data is not JSON');
            return 'ack';
          }
          const received = await receive(body, ctx, now());
          if (received.kind === 'malformed') ctx.logger.warn({ detail: received.detail }, 'dingtalk stream malformed');
          if (received.kind === 'event') ctx.deliver(received.event);
          return 'ack';
        },
      });
      await stream.start();
    },

    async stop() {
      await stream?.stop();
      stream = undefined;
      await client.stop();
    },
  };
}

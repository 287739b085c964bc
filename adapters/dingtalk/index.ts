import type { Logger } from 'pino';
import type { Adapter, AdapterContext, SendResult } from '../../src/bot/adapter.js';
import type { ChatAddress } from '../../src/bot/event.js';
import type { Limiters } from '../../src/bot/limiters.js';
import { SendError } from '../../src/bot/send-error.js';
import type { DingtalkConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { callbackRoute, receive } from './callback.js';
import { createDingtalkClient } from './client.js';
import { HINT_SESSION_EXPIRES_AT, HINT_SESSION_WEBHOOK } from './inbound.js';
import { MAX_BUTTONS } from './limits.js';
import { type DingtalkMessage, renderCard } from './render.js';
import { createStream, ROBOT_TOPIC, type Stream, type StreamOptions } from './stream.js';

export interface DingtalkAdapterOptions {
  config: DingtalkConfig;
  /** Custom robot webhooks are configured per team on GroupChat rows. */
  db: Db;
  now: () => Date;
  /** Stream timings (tests shorten them). */
  stream?: Pick<StreamOptions, 'watchdogMs' | 'keepAliveMs' | 'backoffMs'>;
  limiters?: Limiters;
}

// A sessionWebhook this close to its expiry is not worth the race; the robot API is used instead.
const SESSION_MARGIN_MS = 60_000;

/** DingTalk enterprise-internal robot: HTTP callback or Stream in, robot APIs and webhooks out. */
export function createDingtalkAdapter(options: DingtalkAdapterOptions): Adapter {
  const { config, db, now } = options;
  const client = createDingtalkClient({ ...config, now, topics: [ROBOT_TOPIC], limiters: options.limiters });
  let context: AdapterContext | undefined;
  let stream: Stream | undefined;
  let logger: Logger | undefined;

  async function sendWebhook(groupChatId: string, message: DingtalkMessage): Promise<SendResult> {
    const chat = await db.groupChat.findUnique({
      where: { id: groupChatId },
      select: { webhookUrl: true, webhookSecret: true },
    });
    if (!chat?.webhookUrl) {
      throw new SendError(`group chat ${groupChatId} has no DingTalk robot webhook (GroupChat.webhookUrl)`, {
        retryable: false,
      });
    }
    return client.sendCustomWebhook(chat.webhookUrl, chat.webhookSecret, message);
  }

  return {
    platform: 'dingtalk',
    capabilities: { maxButtons: MAX_BUTTONS, canUpdateCard: false, canShowImages: true, canUploadFiles: false },

    mount(server, ctx) {
      context = ctx;
      logger = ctx.logger;
      callbackRoute(server, ctx, { secret: config.clientSecret, now });
    },

    render: renderCard,

    async send(to: ChatAddress, native: unknown): Promise<SendResult> {
      const message = native as DingtalkMessage;
      if (to.kind === 'webhook') return sendWebhook(to.groupChatId, message);
      const session = to.hint?.[HINT_SESSION_WEBHOOK];
      const expiresAt = Number(to.hint?.[HINT_SESSION_EXPIRES_AT] ?? 0);
      if (session && expiresAt - SESSION_MARGIN_MS > now().getTime()) {
        try {
          return await client.sendSessionWebhook(session, message);
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

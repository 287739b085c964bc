import type { Logger } from 'pino';
import type { Adapter, AdapterContext } from '../../src/bot/adapter.js';
import type { Limiters } from '../../src/bot/limiters.js';
import { SendError } from '../../src/bot/send-error.js';
import type { SlackConfig } from '../../src/config.js';
import type { Locale } from '../../src/i18n/index.js';
import { createAcceptor, HINT_SURFACE, type SlackAck, SURFACE_HOME } from './accept.js';
import { SlackClient } from './client.js';
import { findSent } from './find-sent.js';
import type { SlackInbound } from './inbound.js';
import { renderSlackMessage, type SlackMessage } from './render.js';
import { slackRoutes } from './routes.js';
import { usersInfo } from './schemas.js';
import { startSocketMode } from './socket.js';

export interface SlackAdapterOptions {
  config: SlackConfig;
  logger: Logger;
  /** The app's clock for event times. */
  now: () => Date;
  /** Wall clock in ms for signature freshness; real time unless a test pins it. */
  clock?: () => number;
  /** Locale for the adapter's own words (the "open the full view" link) where no event says. */
  locale: Locale;
  /** Per-channel spacing of messages, ~1/s by Slack's rules; tests shorten it. */
  channelMinTimeMs?: number;
  limiters?: Limiters;
}

/** Slack: Events API over HTTP (and Socket Mode with an app token), replies in Block Kit. */
export function createSlackAdapter(options: SlackAdapterOptions): Adapter<SlackMessage> {
  const { config, logger, now } = options;
  const client = new SlackClient({
    botToken: config.botToken,
    apiUrl: config.apiUrl,
    now,
    channelMinTimeMs: options.channelMinTimeMs,
    limiters: options.limiters,
  });
  let accept: ((inbound: SlackInbound) => Promise<SlackAck>) | undefined;
  let socket: { stop(): Promise<void> } | undefined;

  return {
    platform: 'slack',
    capabilities: { maxButtons: 25, canUpdateCard: true, canShowImages: true, canUploadFiles: true },
    mount(server, context: AdapterContext) {
      accept = createAcceptor({ context, client, logger, locale: options.locale, now });
      slackRoutes(server, {
        signingSecret: config.signingSecret,
        clock: options.clock ?? Date.now,
        now,
        logger,
        accept,
      });
    },
    render: renderSlackMessage,
    async send(to, message, meta) {
      if (to.kind === 'user' && to.hint?.[HINT_SURFACE] === SURFACE_HOME) {
        // views.publish replaces the whole tab (https://docs.slack.dev/reference/methods/views.publish).
        await client.publishHome(to.userId, { type: 'home', blocks: message.blocks });
        return {};
      }
      return client.send(to, message, meta?.messageId);
    },
    // https://docs.slack.dev/reference/methods/chat.update: the channel and ts `send` returned.
    async update(_to, platformMessageId, message) {
      const [channel, ts] = platformMessageId.split(':');
      if (!channel || !ts) throw new SendError('not a Slack message id', { retryable: false });
      await client.update(channel, ts, message);
      return { platformMessageId };
    },
    async findSent(to, interrupted) {
      try {
        return await findSent(client, to, interrupted);
      } catch (err) {
        // No personal data: the row id and Slack's error code (missing_scope, not_in_channel …) only.
        logger.warn(
          { outboxId: interrupted.messageId, reason: (err as Error).message },
          'slack history unreadable (needs channels:history, groups:history, im:history); sending the message again',
        );
        return null;
      }
    },
    async lookupUser(platformUserId) {
      try {
        const parsed = usersInfo.safeParse(await client.read('users.info', { user: platformUserId }));
        if (!parsed.success || parsed.data.user.deleted || parsed.data.user.is_bot) return null;
        const { user } = parsed.data;
        const name = user.profile?.real_name || user.real_name;
        return { ...(user.profile?.email ? { email: user.profile.email } : {}), ...(name ? { name } : {}) };
      } catch (err) {
        // Slack's error code only (missing_scope, user_not_found …), never the user's data.
        logger.warn({ reason: (err as Error).message }, 'slack users.info failed (needs users:read.email)');
        return null;
      }
    },
    async start() {
      if (!config.appToken || !accept) return;
      socket = await startSocketMode({ appToken: config.appToken, apiUrl: config.apiUrl, logger, now, accept });
    },
    async stop() {
      await socket?.stop();
      socket = undefined;
      await client.stop();
    },
  };
}

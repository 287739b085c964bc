import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Card } from '../../cards/card.js';
import type { Adapter, SendMeta } from '../../src/bot/adapter.js';
import type { ChatAddress } from '../../src/bot/event.js';
import type { Limiters } from '../../src/bot/limiters.js';
import { SendError } from '../../src/bot/send-error.js';
import type { WecomConfig } from '../../src/config.js';
import { outboundUrl } from '../../src/http/outbound-url.js';
import { type Locale, translator } from '../../src/i18n/index.js';
import { callbackRoutes } from './callback.js';
import { WecomClient } from './client.js';
import { wecomDirectory } from './directory.js';
import { HINT_ROBOT_WEBHOOK } from './inbound.js';
import { DUPLICATE_CHECK_SECONDS } from './limits.js';

const RESPONSE_CODE_TTL_MS = 71 * 3_600_000;

import type { WindowRate } from './rate-window.js';
import { renderCard, type WecomMessage } from './render.js';

export interface WecomAdapterOptions {
  config: WecomConfig;
  logger: Logger;
  now?: () => Date;
  robotRate?: WindowRate;
  memberRate?: WindowRate;
  limiters?: Limiters;
}

/**
 * WeCom (企业微信) self-built app: encrypted callback in, template cards and markdown out through
 * the message API, group-robot webhooks for team alerts.
 */
export function createWecomAdapter(options: WecomAdapterOptions): Adapter<WecomMessage> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const agentid = Number(config.agentId);
  const client = new WecomClient({
    apiBase: config.apiBase,
    corpId: config.corpId,
    secret: config.secret,
    logger,
    robotRate: options.robotRate,
    memberRate: options.memberRate,
    now: () => now().getTime(),
    limiters: options.limiters,
  });
  // A response_code may be spent once; a reply that is retried must not spend it again.
  const spent = new Set<string>();

  // The response_codes that can still replace a card sent to a person, by its outbox id: one from
  // the send itself and one per press (each single-use, valid 72 h). In memory: after a restart an
  // update is sent as a new message instead (document/path/94888).
  const codes = new Map<string, { code: string; at: number }[]>();
  const remember = (outboxId: string, code: string) => {
    codes.set(outboxId, [...(codes.get(outboxId) ?? []), { code, at: now().getTime() }].slice(-4));
    if (codes.size > 10_000) codes.delete(codes.keys().next().value as string);
  };
  const takeCode = (outboxId: string): string | undefined => {
    const fresh = (codes.get(outboxId) ?? []).filter(
      (c) => !spent.has(c.code) && now().getTime() - c.at < RESPONSE_CODE_TTL_MS,
    );
    const newest = fresh.at(-1);
    if (newest) spent.add(newest.code);
    return newest?.code;
  };

  async function updatePressedCard(userId: string, responseCode: string, locale: Locale): Promise<void> {
    if (spent.has(responseCode)) return;
    spent.add(responseCode);
    if (spent.size > 10_000) spent.delete(spent.values().next().value as string);
    try {
      await client.call('/cgi-bin/message/update_template_card', {
        userids: [userId],
        agentid,
        response_code: responseCode,
        button: { replace_name: translator(locale)('wecom.button.done') },
      });
    } catch (err) {
      // Greying the button is a courtesy (it fails after 72 h); the reply itself still goes out.
      logger.warn({ reason: (err as Error).message }, 'wecom update_template_card failed');
    }
  }

  // Group robot webhooks live on the API host (…/cgi-bin/webhook/send?key=…); nothing else is posted
  // to, whatever the stored GroupChat row (copied into the address by src/kit/recipients.ts) says.
  function robotUrl(to: Extract<ChatAddress, { kind: 'webhook' }>): string {
    const url = outboundUrl(to.url, [config.apiBase]);
    if (!url)
      throw new SendError(`group chat ${to.groupChatId}: webhookUrl is not on WECOM_API_BASE`, { retryable: false });
    return url.href;
  }

  return {
    directory: wecomDirectory(client),
    platform: 'wecom',
    capabilities: { maxButtons: 6, canUpdateCard: true, canShowImages: true, canUploadFiles: true },
    mount(server, context) {
      // A press on one of our cards carries a fresh response_code for it (task_id "kp-<outbox id>").
      const accept: typeof context.accept = async (source, id, event) => {
        const hint = event && event.replyTo.kind !== 'webhook' ? event.replyTo.hint : undefined;
        const { taskId, responseCode } = hint ?? {};
        if (taskId?.startsWith('kp-') && responseCode) remember(taskId.slice(3), responseCode);
        return context.accept(source, id, event);
      };
      callbackRoutes(
        server,
        { ...context, accept },
        {
          token: config.token,
          encodingAesKey: config.encodingAesKey,
          corpId: config.corpId,
          now,
        },
      );
    },
    render(card: Card, locale: Locale): WecomMessage {
      return renderCard(card, locale);
    },
    async send(to: ChatAddress, message: WecomMessage, meta?: SendMeta) {
      const markdown = { msgtype: 'markdown', markdown: { content: message.markdown } };
      switch (to.kind) {
        case 'user': {
          const responseCode = to.hint?.responseCode;
          if (responseCode) await updatePressedCard(to.userId, responseCode, message.locale);
          const send = (content: Record<string, unknown>) =>
            client.sendToMember(to.userId, {
              touser: to.userId,
              agentid,
              ...content,
              // WeCom drops a repeat of the same JSON within the interval, so a retry after a lost
              // response (or after the lead went out and the card failed) reaches the user once.
              // Button cards carry the outbox row id as task_id, so a retry repeats the same JSON too.
              enable_duplicate_check: 1,
              duplicate_check_interval: DUPLICATE_CHECK_SECONDS,
            });
          if (message.lead) await send({ msgtype: 'markdown', markdown: { content: message.lead } });
          const res = await send(
            message.templateCard
              ? {
                  msgtype: 'template_card',
                  template_card: {
                    ...message.templateCard,
                    // Unique per app and required for button cards: the outbox row id is unique and stable
                    // across retries (added here, so render stays pure).
                    ...(message.templateCard.card_type === 'button_interaction'
                      ? { task_id: `kp-${meta?.messageId ?? randomUUID()}` }
                      : {}),
                  },
                }
              : markdown,
          );
          if (message.templateCard?.card_type === 'button_interaction' && res.response_code && meta) {
            remember(meta.messageId, res.response_code);
          }
          return res.msgid ? { platformMessageId: res.msgid } : {};
        }
        case 'group': {
          const robot = to.hint?.[HINT_ROBOT_WEBHOOK];
          if (robot) {
            // Asked in a group through its robot: the same robot answers there.
            if (!isWecomWebhook(robot, config.apiBase)) {
              throw new SendError('wecom robot webhook is not on qyapi.weixin.qq.com or WECOM_API_BASE', {
                retryable: false,
              });
            }
            await client.sendToRobot(robot, { msgtype: 'markdown', markdown: { content: message.robotMarkdown } });
            return {};
          }
          // appchat/send has no template cards (document/path/90248).
          await client.call('/cgi-bin/appchat/send', { chatid: to.chatId, ...markdown });
          return {};
        }
        case 'webhook': {
          await client.sendToRobot(robotUrl(to), { msgtype: 'markdown', markdown: { content: message.robotMarkdown } });
          return {};
        }
      }
    },
    // update_template_card (document/path/94888) replaces a button card sent to a person, once per
    // response_code. Groups only ever got markdown (appchat/send and robots take no template
    // cards): there is nothing to update, so their message stays as sent.
    async update(to, platformMessageId, message, meta) {
      if (to.kind !== 'user') return { platformMessageId };
      const code = message.templateCard ? takeCode(meta.messageId) : undefined;
      if (!code || !message.templateCard) {
        throw new SendError('no unspent response_code for this card', { retryable: false });
      }
      await client.call('/cgi-bin/message/update_template_card', {
        userids: [to.userId],
        agentid,
        response_code: code,
        template_card: { ...message.templateCard, task_id: `kp-${meta.messageId}` },
      });
      return { platformMessageId };
    },
  };
}

// A webhook URL arrives inside a callback; only WeCom's own hosts (or the configured API base, a
// stand-in in tests) may receive the bot's messages.
function isWecomWebhook(url: string, apiBase: string): boolean {
  try {
    const { protocol, hostname, origin } = new URL(url);
    if (origin === new URL(apiBase).origin) return true;
    // The robot callback names an in.qyapi.weixin.qq.com URL, sometimes over plain http.
    const web = protocol === 'https:' || protocol === 'http:';
    return web && (hostname === 'qyapi.weixin.qq.com' || hostname.endsWith('.qyapi.weixin.qq.com'));
  } catch {
    return false;
  }
}

import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import type { AdapterContext } from '../../src/bot/adapter.js';
import type { BotEvent } from '../../src/bot/event.js';
import { type Locale, translator } from '../../src/i18n/index.js';
import type { SlackClient } from './client.js';
import { formModal } from './form.js';
import type { SlackInbound } from './inbound.js';
import { renderSlackHome } from './render.js';

/** How to answer Slack now, and what to do once the answer is on its way. */
export interface SlackAck {
  status: 200 | 400;
  body?: Record<string, unknown>;
  detail?: string;
  after?: () => void;
}

export interface AcceptDeps {
  context: AdapterContext;
  client: SlackClient;
  logger: Logger;
  locale: Locale;
  now: () => Date;
  /** Events the bot works on at once after their ack. */
  deliveryConcurrency?: number;
}

/** The App Home tab shows what the `kpi` command would answer this user. */
export const HOME_COMMAND = 'kpi';

/**
 * The part of the inbound order shared by HTTP and Socket Mode: dedupe → ack → deliver.
 * Slack retries any event not acknowledged within 3 s, so the event id is stored first
 * and the bot runs only after the ack (https://docs.slack.dev/apis/events-api/#retries).
 */
export function createAcceptor(deps: AcceptDeps): (inbound: SlackInbound) => Promise<SlackAck> {
  const { context, logger } = deps;
  // Replies run a few at a time, so a burst of events is acknowledged before the bot's
  // database work for it piles onto the same event loop.
  const work = new Bottleneck({ maxConcurrent: deps.deliveryConcurrency ?? 4 });
  return async (inbound) => {
    switch (inbound.kind) {
      case 'challenge':
        return { status: 200, body: { challenge: inbound.challenge } };
      case 'ignored':
        logger.debug({ reason: inbound.reason }, 'slack event ignored');
        return { status: 200 };
      case 'malformed':
        logger.warn({ detail: inbound.detail }, 'slack request malformed');
        return { status: 400, detail: inbound.detail };
      case 'event': {
        if (!(await context.isNew('slack', inbound.dedupeId, inbound.event))) return { status: 200 };
        const { event } = inbound;
        return {
          status: 200,
          ...(inbound.ackBody ? { body: inbound.ackBody } : {}),
          after: () => {
            work
              .schedule(() => context.deliver(event))
              .catch((err) => logger.error({ err, eventId: event.id }, 'slack delivery failed'));
          },
        };
      }
      case 'form_errors': {
        // Slack keeps the modal open and shows these under the fields; nothing is stored.
        const message = translator(deps.locale)('slack.form.required');
        const errors = Object.fromEntries(inbound.missing.map((id) => [id, message]));
        return { status: 200, body: { response_action: 'errors', errors } };
      }
      case 'form': {
        // The trigger id expires 3 s after the click, so the modal cannot wait for the outbox or
        // the bot: the form travels in the button (render.ts) and views.open runs right after
        // the ack. Validation and permissions happen when the modal is submitted, in the
        // feature. If Slack still refuses the trigger (expired under load), the user presses the
        // button again; the message keeps the feature's command fallback in its text.
        if (!(await context.isNew('slack', inbound.dedupeId))) return { status: 200 };
        const view = formModal(inbound.spec, translator(deps.locale), inbound.channel);
        return {
          status: 200,
          after: () => {
            deps.client
              .openView(inbound.triggerId, view)
              .catch((err) => logger.warn({ err: (err as Error).message }, 'slack views.open failed'));
          },
        };
      }
      case 'home': {
        if (!(await context.isNew('slack', inbound.dedupeId))) return { status: 200 };
        return {
          status: 200,
          after: () => {
            work
              .schedule(() => publishHome(deps, inbound.dedupeId, inbound.userId))
              .catch((err) => logger.error({ err: (err as Error).message }, 'slack views.publish failed'));
          },
        };
      }
    }
  };
}

async function publishHome(deps: AcceptDeps, eventId: string, userId: string): Promise<void> {
  const event: BotEvent = {
    id: `${eventId}:home`,
    platform: 'slack',
    user: { platformUserId: userId },
    conversation: { kind: 'dm', id: userId },
    replyTo: { kind: 'user', userId },
    payload: { kind: 'text', text: HOME_COMMAND },
    receivedAt: deps.now(),
  };
  const cards = await deps.context.handle(event);
  await deps.client.publishHome(userId, renderSlackHome(cards, deps.locale));
}

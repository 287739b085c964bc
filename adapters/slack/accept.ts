import type { Logger } from 'pino';
import type { AdapterContext } from '../../src/bot/adapter.js';
import type { BotEvent } from '../../src/bot/event.js';
import { type Locale, translator } from '../../src/i18n/index.js';
import type { SlackClient } from './client.js';
import { formModal } from './form.js';
import type { SlackInbound } from './inbound.js';

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
}

/** The App Home tab shows what the `kpi` command would answer this user. */
export const HOME_COMMAND = 'kpi';
/** An address hint: the reply replaces the user's App Home tab instead of posting a message. */
export const HINT_SURFACE = 'surface';
export const SURFACE_HOME = 'home';

/**
 * The part of the inbound order shared by HTTP and Socket Mode: dedupe → ack → deliver.
 * Slack retries any event not acknowledged within 3 s, so the event id is stored first
 * and the bot runs only after the ack (https://docs.slack.dev/apis/events-api/#retries);
 * pacing and reply privacy are the shared pipeline's.
 */
export function createAcceptor(deps: AcceptDeps): (inbound: SlackInbound) => Promise<SlackAck> {
  const { context, logger } = deps;
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
        if (!(await context.accept('slack', inbound.dedupeId, inbound.event))) return { status: 200 };
        const { event } = inbound;
        return {
          status: 200,
          ...(inbound.ackBody ? { body: inbound.ackBody } : {}),
          after: () => context.deliver(event),
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
        if (!(await context.accept('slack', inbound.dedupeId))) return { status: 200 };
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
        // The Home tab is published through the outbox like any reply: views.publish is retried
        // on a 429 and a restart loses nothing.
        const event = homeEvent(inbound.dedupeId, inbound.userId, deps.now());
        if (!(await context.accept('slack', inbound.dedupeId, event))) return { status: 200 };
        return { status: 200, after: () => context.deliver(event) };
      }
    }
  };
}

/** What opening the App Home asks the bot: the `kpi` answer, shown as the tab's one view. */
function homeEvent(eventId: string, userId: string, receivedAt: Date): BotEvent {
  return {
    id: `${eventId}:home`,
    platform: 'slack',
    user: { platformUserId: userId },
    conversation: { kind: 'dm', id: userId },
    replyTo: { kind: 'user', userId, hint: { [HINT_SURFACE]: SURFACE_HOME } },
    singleView: true,
    payload: { kind: 'text', text: HOME_COMMAND },
    receivedAt,
  };
}

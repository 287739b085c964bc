import { formValue } from '../../cards/card.js';
import type { BotEvent, ChatAddress } from '../../src/bot/event.js';
import {
  FORM_CALLBACK_ID,
  FORM_OPEN_ACTION,
  type FormSpec,
  parseFormButton,
  readSubmission,
  viewSubmissionPayload,
} from './form.js';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  envelopeBody,
  eventCallbackBody,
  interactionPayload,
  messageEvent,
  slashCommandBody,
  urlVerificationBody,
} from './schemas.js';

/** What one Slack request or Socket Mode envelope means to us, before dedupe and ack. */
export type SlackInbound =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'event'; dedupeId: string; event: BotEvent; ackBody?: Record<string, unknown> }
  | { kind: 'form'; dedupeId: string; triggerId: string; spec: FormSpec; channel?: string }
  | { kind: 'form_errors'; missing: string[] }
  | { kind: 'home'; dedupeId: string; userId: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'malformed'; detail: string };

/** Link buttons still send block_actions; their ids carry this prefix so we can skip them. */
export const LINK_ACTION_PREFIX = 'link:';
/** Slack wants action ids unique within a message, so repeats get `~n` (stripped on the way in). */
export const ACTION_REPEAT_SEPARATOR = '~';

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
    .join('; ');

/** Slack escapes &, < and > in message text and wraps mentions as <@U123>. */
function commandText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

// A DM channel id starts with D; replying there needs no conversations.open.
function replyToChannel(userId: string, channelId: string | undefined): ChatAddress {
  if (channelId?.startsWith('D')) return { kind: 'user', userId, hint: { channel: channelId } };
  if (channelId) return { kind: 'group', chatId: channelId };
  return { kind: 'user', userId };
}

function textEvent(
  id: string,
  userId: string,
  conversation: BotEvent['conversation'],
  replyTo: ChatAddress,
  text: string,
  receivedAt: Date,
): BotEvent {
  return {
    id,
    platform: 'slack',
    user: { platformUserId: userId },
    conversation,
    replyTo,
    payload: { kind: 'text', text },
    receivedAt,
  };
}

/** Events API body (HTTP) or the `events_api` Socket Mode payload. */
export function fromEventsApi(body: unknown, receivedAt: Date): SlackInbound {
  const envelope = envelopeBody.safeParse(body);
  if (!envelope.success) return { kind: 'malformed', detail: issues(envelope.error) };
  if (envelope.data.type === 'url_verification') {
    const parsed = urlVerificationBody.safeParse(body);
    return parsed.success
      ? { kind: 'challenge', challenge: parsed.data.challenge }
      : { kind: 'malformed', detail: issues(parsed.error) };
  }
  if (envelope.data.type !== 'event_callback') return { kind: 'ignored', reason: `envelope ${envelope.data.type}` };
  const callback = eventCallbackBody.safeParse(body);
  if (!callback.success) return { kind: 'malformed', detail: issues(callback.error) };
  const { event_id: eventId, event } = callback.data;

  switch (event.type) {
    case 'message': {
      const m = messageEvent.safeParse(event);
      if (!m.success) return { kind: 'malformed', detail: issues(m.error) };
      // Edits, joins and bot posts (our own replies included) arrive as subtypes or with bot_id.
      if (m.data.subtype || m.data.bot_id || !m.data.user) return { kind: 'ignored', reason: 'not a person' };
      if (m.data.channel_type !== 'im') return { kind: 'ignored', reason: 'channel message without mention' };
      const { user, channel } = m.data;
      return {
        kind: 'event',
        dedupeId: eventId,
        event: textEvent(
          eventId,
          user,
          { kind: 'dm', id: channel },
          replyToChannel(user, channel),
          commandText(m.data.text ?? ''),
          receivedAt,
        ),
      };
    }
    case 'app_mention': {
      const m = appMentionEvent.safeParse(event);
      if (!m.success) return { kind: 'malformed', detail: issues(m.error) };
      if (m.data.bot_id || !m.data.user) return { kind: 'ignored', reason: 'not a person' };
      const { user, channel } = m.data;
      return {
        kind: 'event',
        dedupeId: eventId,
        event: textEvent(
          eventId,
          user,
          { kind: 'group', id: channel },
          replyToChannel(user, channel),
          commandText(m.data.text),
          receivedAt,
        ),
      };
    }
    case 'app_home_opened': {
      const h = appHomeOpenedEvent.safeParse(event);
      if (!h.success) return { kind: 'malformed', detail: issues(h.error) };
      if (h.data.tab && h.data.tab !== 'home') return { kind: 'ignored', reason: 'messages tab' };
      return { kind: 'home', dedupeId: eventId, userId: h.data.user };
    }
    default:
      return { kind: 'ignored', reason: `event ${event.type}` };
  }
}

/**
 * `/kaopu <text>`. The answer goes to the user's DM, never the channel the command was typed
 * in: HR answers are personal, and the bot may not be a member of that channel.
 */
export function fromSlashCommand(body: unknown, receivedAt: Date): SlackInbound {
  const parsed = slashCommandBody.safeParse(body);
  if (!parsed.success) return { kind: 'malformed', detail: issues(parsed.error) };
  const { user_id: user, channel_id: channel, trigger_id: trigger, text } = parsed.data;
  const id = `command:${trigger}`;
  const dm = channel.startsWith('D');
  return {
    kind: 'event',
    dedupeId: id,
    event: textEvent(
      id,
      user,
      { kind: dm ? 'dm' : 'group', id: channel },
      dm ? replyToChannel(user, channel) : { kind: 'user', userId: user },
      commandText(text),
      receivedAt,
    ),
  };
}

/** Interactivity payloads (the form field `payload`, or Socket Mode `interactive`). */
export function fromInteraction(payload: unknown, receivedAt: Date): SlackInbound {
  const envelope = interactionPayload.safeParse(payload);
  if (!envelope.success) return { kind: 'malformed', detail: issues(envelope.error) };
  if (envelope.data.type === 'view_submission') return fromViewSubmission(payload, receivedAt);
  if (envelope.data.type !== 'block_actions') return { kind: 'ignored', reason: `interaction ${envelope.data.type}` };
  const parsed = blockActionsPayload.safeParse(payload);
  if (!parsed.success) return { kind: 'malformed', detail: issues(parsed.error) };
  const { user, trigger_id: trigger, channel, container } = parsed.data;
  const action = parsed.data.actions[0];
  if (!action || action.action_id.startsWith(LINK_ACTION_PREFIX)) return { kind: 'ignored', reason: 'link button' };
  const actionId = action.action_id.split(ACTION_REPEAT_SEPARATOR)[0] ?? action.action_id;
  const channelId = channel?.id ?? container?.channel_id;
  const id = `action:${trigger}`;
  if (actionId === FORM_OPEN_ACTION) {
    const spec = parseFormButton(action.value);
    if (!spec) return { kind: 'malformed', detail: 'form button value is not a form' };
    const dm = channelId?.startsWith('D') ? { channel: channelId } : {};
    return { kind: 'form', dedupeId: id, triggerId: trigger, spec, ...dm };
  }
  return {
    kind: 'event',
    dedupeId: id,
    event: {
      id,
      platform: 'slack',
      user: { platformUserId: user.id },
      conversation:
        channelId?.startsWith('D') || !channelId
          ? { kind: 'dm', id: channelId ?? user.id }
          : { kind: 'group', id: channelId },
      replyTo: replyToChannel(user.id, channelId),
      payload: { kind: 'action', actionId, ...(action.value !== undefined ? { value: action.value } : {}) },
      receivedAt,
    },
  };
}

/**
 * A submitted modal becomes the form's action event; its value is the JSON features parse.
 * The view id and hash together name one submission, so a replay is recognised.
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
 */
function fromViewSubmission(payload: unknown, receivedAt: Date): SlackInbound {
  const parsed = viewSubmissionPayload.safeParse(payload);
  if (!parsed.success) return { kind: 'malformed', detail: issues(parsed.error) };
  const { user, view } = parsed.data;
  if (view.callback_id !== FORM_CALLBACK_ID) return { kind: 'ignored', reason: 'view of another app' };
  const submitted = readSubmission(view);
  if (!submitted.ok) {
    return 'missing' in submitted
      ? { kind: 'form_errors', missing: submitted.missing }
      : { kind: 'malformed', detail: submitted.detail };
  }
  const id = `view:${view.id}:${view.hash ?? ''}`;
  return {
    kind: 'event',
    dedupeId: id,
    // An empty object closes the modal (https://docs.slack.dev/surfaces/modals#close_current_view).
    ackBody: {},
    event: {
      id,
      platform: 'slack',
      user: { platformUserId: user.id },
      conversation: { kind: 'dm', id: submitted.channel ?? user.id },
      replyTo: replyToChannel(user.id, submitted.channel),
      payload: {
        kind: 'action',
        actionId: submitted.actionId,
        value: formValue(submitted.value, submitted.fields),
      },
      receivedAt,
    },
  };
}

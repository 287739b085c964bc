// zod for the raw payloads Slack sends us; nothing outside this folder sees these shapes.
// https://docs.slack.dev/apis/events-api/  https://docs.slack.dev/interactivity/
import { z } from 'zod';

const id = z.string().min(1).max(255);

/** Every Events API body has a `type`; the variants we act on are parsed further. */
export const envelopeBody = z.looseObject({ type: z.string().min(1).max(100) });

export const urlVerificationBody = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(500),
});

export const eventCallbackBody = z.looseObject({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: id.optional(),
  event: z.looseObject({ type: z.string().min(1).max(100) }),
});

export const messageEvent = z.looseObject({
  type: z.literal('message'),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  text: z.string().max(40_000).optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  ts: z.string().optional(),
});

export const appMentionEvent = z.looseObject({
  type: z.literal('app_mention'),
  channel: id,
  user: id.optional(),
  text: z.string().max(40_000).default(''),
  bot_id: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

export const appHomeOpenedEvent = z.looseObject({
  type: z.literal('app_home_opened'),
  user: id,
  tab: z.string().optional(),
});

// https://docs.slack.dev/interactivity/implementing-slash-commands
export const slashCommandBody = z.looseObject({
  command: z.string().min(1).max(100),
  text: z.string().max(4000).default(''),
  user_id: id,
  channel_id: id,
  trigger_id: id,
});

// https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
export const blockActionsPayload = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: id,
  user: z.looseObject({ id }),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({ channel_id: id.optional(), message_ts: z.string().optional() }).optional(),
  actions: z
    .array(z.looseObject({ action_id: id, value: z.string().max(2000).optional(), action_ts: z.string().optional() }))
    .min(1),
});

export const interactionPayload = z.looseObject({ type: z.string().min(1).max(100) });

/** What every Web API method answers: `ok` and, when false, an error code. */
export const webApiResponse = z.looseObject({
  ok: z.boolean(),
  error: z.string().optional(),
  ts: z.string().optional(),
  channel: z.union([z.string(), z.looseObject({ id })]).optional(),
});

/** One page of conversations.history / conversations.replies with `include_all_metadata`. */
export const historyPage = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        ts: z.string(),
        metadata: z
          .looseObject({ event_type: z.string().optional(), event_payload: z.unknown().optional() })
          .optional(),
      }),
    )
    .default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.looseObject({ next_cursor: z.string().optional() }).optional(),
});

/** users.info: the e-mail needs the users:read.email scope (https://docs.slack.dev/reference/methods/users.info). */
export const usersInfo = z.looseObject({
  user: z.looseObject({
    id: z.string(),
    deleted: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    real_name: z.string().max(500).optional(),
    profile: z
      .looseObject({ email: z.string().max(320).optional(), real_name: z.string().max(500).optional() })
      .optional(),
  }),
});

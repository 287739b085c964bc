// After a crash, looks for a message the outbox may have posted: every post carries its outbox id
// in message metadata, so the conversation's recent history says whether it went out.
// https://docs.slack.dev/reference/methods/conversations.history (include_all_metadata, oldest, cursor)
import type { InterruptedSend, SendResult } from '../../src/bot/adapter.js';
import type { ChatAddress } from '../../src/bot/event.js';
import { OUTBOX_EVENT_TYPE, type SlackClient } from './client.js';
import { historyPage } from './schemas.js';

/** Slack's clock and ours differ a little, and a post is stamped when Slack stores it. */
const MARGIN_MS = 60_000;
const PAGE_SIZE = 50;
/** A busy channel posts more than this in the window only by accident; then we send again. */
const MAX_PAGES = 4;

/**
 * The posted message's result when the history holds it, null when it does not. Throws a
 * SendError when the history cannot be read (missing channels:history, groups:history or
 * im:history scope, not in the channel); the caller then sends again.
 */
export async function findSent(
  client: SlackClient,
  to: ChatAddress,
  interrupted: InterruptedSend,
): Promise<SendResult | null> {
  if (to.kind === 'webhook') return null;
  const channel = to.kind === 'group' ? to.chatId : (to.hint?.channel ?? (await client.openDm(to.userId)));
  const threadTs = to.kind === 'group' ? to.hint?.thread_ts : undefined;
  // Thread replies are not in conversations.history, only in conversations.replies.
  const method = threadTs ? 'conversations.replies' : 'conversations.history';
  const oldest = ((interrupted.sendingAt.getTime() - MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.read(method, {
      channel,
      ...(threadTs ? { ts: threadTs } : {}),
      oldest,
      include_all_metadata: 'true',
      limit: String(PAGE_SIZE),
      ...(cursor ? { cursor } : {}),
    });
    const parsed = historyPage.safeParse(res);
    if (!parsed.success) return null;
    const match = parsed.data.messages.find(
      (m) =>
        m.metadata?.event_type === OUTBOX_EVENT_TYPE &&
        (m.metadata.event_payload as { id?: unknown } | undefined)?.id === interrupted.messageId,
    );
    if (match) return { platformMessageId: `${channel}:${match.ts}` };
    cursor = parsed.data.response_metadata?.next_cursor;
    if (!parsed.data.has_more || !cursor) return null;
  }
  return null;
}

import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { Translate } from '../i18n/index.js';
import type { BotEvent, ChatAddress } from './event.js';

/** One reply and where it goes; `private` when only the sender sees it. */
export interface PlannedReply {
  to: ChatAddress;
  card: Card;
  private: boolean;
}

/** The sender's private conversation with the bot on the event's own platform. */
export function privateAddress(event: BotEvent): ChatAddress {
  return event.replyTo.kind === 'user' ? event.replyTo : { kind: 'user', userId: event.user.platformUserId };
}

/**
 * Reply privacy, decided once for every platform: a personal card asked for in a group chat is
 * never posted there. The group gets a one-line notice and the sender gets the card privately;
 * other cards (help, refusals) answer where they were asked.
 */
export function planReplies(event: BotEvent, cards: Card[], t: Translate): PlannedReply[] {
  if (event.replyTo.kind === 'user') return cards.map((card) => ({ to: event.replyTo, card, private: true }));
  const group = event.replyTo;
  const sender = privateAddress(event);
  const replies = cards.map(
    (card): PlannedReply =>
      card.audience === 'personal' ? { to: sender, card, private: true } : { to: group, card, private: false },
  );
  if (!replies.some((r) => r.private)) return replies;
  const notice = noticeCard({ body: t('bot.sent_privately') }, t);
  return [{ to: group, card: notice, private: false }, ...replies];
}

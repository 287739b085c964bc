// `kit.notify`: a card to a person, a team's group chat or a person's manager, without an inbound
// message. Resolves the recipient once, writes the card in their language, and hands it to the
// outbox, which owns retries: a crash or a 429 loses nothing, a repeated dedupe key sends nothing.
import type { Logger } from 'pino';
import type { Card } from '../../cards/card.js';
import type { Audit } from '../audit/audit.js';
import type { ChatAddress, PlatformName } from '../bot/event.js';
import type { Enqueue } from '../bot/outbox.js';
import type { Db } from '../db/client.js';
import { isLocale, type Locale, type Translate, translator } from '../i18n/index.js';
import { type Recipient, type ResolveOptions, resolveRecipient, type Undeliverable } from './recipients.js';

export type { Recipient, Undeliverable } from './recipients.js';

export type NotifyOutcome =
  /** Stored in the outbox; it will be sent (and retried) from there. */
  | { status: 'queued'; platform: PlatformName; locale: Locale }
  /** The dedupe key was used before: nothing new was queued. */
  | { status: 'duplicate'; platform: PlatformName; locale: Locale }
  /** Nobody to send to; logged and audited, never thrown, so a job carries on with the next one. */
  | { status: 'undeliverable'; reason: Undeliverable };

export interface NotifyOptions {
  /** Stable per message ("surveys.invite:<workOrderId>"): the same key is sent once, ever. */
  dedupeKey: string;
}

/** A finished card, or one written for the recipient's language once it is known. */
export type CardFor = Card | ((t: Translate, locale: Locale) => Card);

export type UpdateOutcome =
  /** The new card is queued to replace the one sent under that key (in place where possible). */
  | { status: 'queued' }
  /** Nothing was ever sent under that key. */
  | { status: 'unknown' };

/**
 * A card to a person, a team's group chat or a manager. A notification's dedupe key is also the
 * card's stable identity: `update(dedupeKey, card)` replaces what was sent under it, in place on
 * every platform that can (the console, Slack chat.update) and as a new message elsewhere.
 */
export interface Notify {
  (recipient: Recipient, card: CardFor, options: NotifyOptions): Promise<NotifyOutcome>;
  update(dedupeKey: string, card: CardFor): Promise<UpdateOutcome>;
}

export interface NotifyDeps extends ResolveOptions {
  db: Db;
  logger: Logger;
  audit: Audit;
  /** The outbox's public enqueue (and a nudge to send now rather than at the next poll). */
  enqueue(message: Enqueue): Promise<string | null>;
  kick(): void;
}

export function createNotify(deps: NotifyDeps): Notify {
  const send = async (recipient: Recipient, card: CardFor, { dedupeKey }: NotifyOptions): Promise<NotifyOutcome> => {
    const resolved = await resolveRecipient(deps.db, recipient, deps);
    if (!resolved.ok) {
      const subject = subjectOf(recipient);
      deps.logger.warn({ ...subject, reason: resolved.reason, dedupeKey }, 'notification undeliverable');
      await deps.audit({
        actorKind: 'system',
        action: 'notify.undeliverable',
        subjectType: subject.subjectType,
        subjectId: subject.subjectId,
        details: { reason: resolved.reason, dedupeKey },
      });
      return { status: 'undeliverable', reason: resolved.reason };
    }
    const { platform, to, locale } = resolved;
    const written = typeof card === 'function' ? card(translator(locale), locale) : card;
    // Namespaced so a notification can never collide with an inbound reply's key.
    const id = await deps.enqueue({ platform, to, card: written, locale, dedupeKey: `notify:${dedupeKey}` });
    if (id === null) return { status: 'duplicate', platform, locale };
    deps.kick();
    return { status: 'queued', platform, locale };
  };
  const update = async (dedupeKey: string, card: CardFor): Promise<UpdateOutcome> => {
    const original = await deps.db.outboxMessage.findUnique({
      where: { dedupeKey: `notify:${dedupeKey}` },
      select: { id: true, platform: true, address: true, locale: true },
    });
    if (!original) return { status: 'unknown' };
    const locale = isLocale(original.locale) ? original.locale : deps.defaultLocale;
    const written = typeof card === 'function' ? card(translator(locale), locale) : card;
    await deps.enqueue({
      platform: original.platform.toLowerCase() as PlatformName,
      to: original.address as unknown as ChatAddress,
      card: written,
      locale,
      updatesId: original.id,
    });
    deps.kick();
    return { status: 'queued' };
  };
  return Object.assign(send, { update });
}

function subjectOf(recipient: Recipient): { subjectType: string; subjectId: string } {
  if ('teamId' in recipient) return { subjectType: 'Team', subjectId: recipient.teamId };
  if ('managerOf' in recipient) return { subjectType: 'Employee', subjectId: recipient.managerOf };
  return { subjectType: 'Employee', subjectId: recipient.employeeId };
}

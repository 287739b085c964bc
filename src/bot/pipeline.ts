import type { Logger } from 'pino';
import { type Card, joinCards } from '../../cards/card.js';
import { KaopuError } from '../errors.js';
import { translator } from '../i18n/index.js';
import type { Bot } from './bot.js';
import type { BotEvent } from './event.js';
import type { Inbox } from './inbox.js';
import type { Outbox } from './outbox.js';
import { planReplies } from './reply-plan.js';
import { createWorkQueue } from './work-queue.js';

/**
 * The one backpressure policy for every platform: at most 4 events are answered at once and at
 * most 200 more wait. An event arriving when all 204 places are taken is not dropped: it is
 * already stored (and acknowledged), so recovery answers it once the grace period has passed.
 */
export const PIPELINE_LIMITS = { concurrency: 4, maxWaiting: 200 } as const;

/** How long an inbound event may wait for its replies before it is treated as interrupted. */
export const INBOUND_GRACE_MS = 30_000;

export interface PipelineOptions {
  inbox: Inbox;
  bot: Bot;
  outbox: Outbox;
  logger: Logger;
  now: () => Date;
  /** Overrides PIPELINE_LIMITS (tests use small numbers to fill the queue). */
  limits?: { concurrency: number; maxWaiting: number };
  graceMs?: number;
}

/**
 * Inbound, the same for every adapter: dedupe → store → (the adapter acks) → respond → outbox.
 * Adapters only translate bytes into a BotEvent and call `accept`, then `deliver` after their ack.
 */
export interface Pipeline {
  /**
   * Dedupe and store: records the platform's event id with the normalised event, so a crash before
   * the replies are queued is finished after a restart; false when it was seen before.
   */
  accept(source: string, eventId: string, event?: BotEvent): Promise<boolean>;
  /** Answers an accepted event in the background, through the outbox; never throws. */
  deliver(event: BotEvent): void;
  /**
   * For channels that answer in the response (the console): stores and answers the event now and
   * returns what only the sender sees; replies for the group go through the outbox.
   */
  answer(event: BotEvent): Promise<Card[]>;
  /** Claims stored events left unanswered past the grace period and answers them again. */
  recover(): Promise<number>;
  /** Resolves once no event is being answered or waiting (tests, shutdown). */
  idle(): Promise<void>;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const { inbox, bot, outbox, logger, now } = options;
  const queue = createWorkQueue(options.limits ?? PIPELINE_LIMITS);
  const graceMs = options.graceMs ?? INBOUND_GRACE_MS;

  // Replies carry dedupe keys by event and position, so an event answered twice (recovery racing
  // a slow original) still reaches the chat once.
  async function respond(event: BotEvent, returnPrivate: boolean): Promise<Card[]> {
    const { cards, locale } = await bot.respond(event);
    const shown = event.singleView && cards.length > 1 ? [joinCards(cards)] : cards;
    const kept: Card[] = [];
    for (const [i, reply] of planReplies(event, shown, translator(locale)).entries()) {
      if (returnPrivate && reply.private) {
        kept.push(reply.card);
        continue;
      }
      await outbox.enqueue({
        platform: event.platform,
        to: reply.to,
        card: reply.card,
        locale,
        dedupeKey: `reply:${event.platform}:${event.id}:${i}`,
      });
    }
    await inbox.markHandled(event);
    // a drain only when this process queued something (replies, notifications): the console's
    // private answers cost no claim statement
    outbox.nudge();
    return kept;
  }

  const refused = (event: BotEvent): void =>
    logger.warn(
      { eventId: event.id, platform: event.platform },
      'inbound queue full: the event stays stored and recovery answers it after the grace period',
    );

  return {
    accept: (source, eventId, event) => inbox.isNew(source, eventId, event),

    deliver(event) {
      const run = queue.offer(() => respond(event, false));
      if (!run) return refused(event);
      run.catch((err) => logger.error({ err, eventId: event.id, platform: event.platform }, 'inbound delivery failed'));
    },

    async answer(event) {
      if (!(await inbox.isNew(event.platform, event.id, event))) return [];
      const run = queue.offer(() => respond(event, true));
      if (!run) {
        refused(event);
        throw new KaopuError('bot.busy', { status: 503 });
      }
      return run;
    },

    async recover() {
      const stale = await inbox.claimStale(new Date(now().getTime() - graceMs), now());
      const runs = stale.map((event) => {
        const run = queue.offer(() => respond(event, false));
        if (!run) refused(event);
        return run?.catch((err) => logger.error({ err, eventId: event.id }, 'inbound recovery failed'));
      });
      await Promise.all(runs);
      if (stale.length) logger.warn({ count: stale.length }, 'recovered unanswered inbound events');
      return stale.length;
    },

    idle: () => queue.idle(),
  };
}

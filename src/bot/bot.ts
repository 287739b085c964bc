import type { Logger } from 'pino';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import { onboardingCard } from '../../cards/onboarding-card.js';
import type { Audit } from '../audit/audit.js';
import { auditRefusal } from '../audit/refuse.js';
import type { Db } from '../db/client.js';
import { KaopuError } from '../errors.js';
import { type Locale, type Translate, translator } from '../i18n/index.js';
import { type Actor, allows, resolveActor } from './actor.js';
import type { BotEvent } from './event.js';
import { parseCommand, suggestAlias } from './parse-command.js';
import { Registry } from './registry.js';

export interface BotDeps {
  db: Db;
  logger: Logger;
  audit: Audit;
  defaultLocale: Locale;
  now: () => Date;
}

/**
 * The platform-neutral bot: features register commands and actions on it; adapters hand it
 * normalised events and get cards back. It answers every event, never with silence.
 */
export class Bot {
  readonly registry = new Registry();
  constructor(readonly deps: BotDeps) {}

  /** The replies and the language they are written in (adapters render their own words in it). */
  async respond(event: BotEvent): Promise<{ cards: Card[]; locale: Locale }> {
    const { db, defaultLocale } = this.deps;
    let actor = await resolveActor(db, event, event.locale ?? defaultLocale);
    if (!actor) {
      const locale = event.locale ?? defaultLocale;
      const unknown = this.registry.unknownUser;
      if (!unknown) return { cards: this.onboarding(event, locale), locale };
      const result = await unknown
        .handle({ event, locale, t: translator(locale), now: this.deps.now() })
        .catch((err: unknown) => {
          this.deps.logger.error({ err, eventId: event.id, platform: event.platform }, 'unknown-user handler failed');
          return { cards: this.onboarding(event, locale) };
        });
      if ('cards' in result) return { cards: result.cards, locale };
      // Linked just now (a Slack e-mail match): answer the message as that employee.
      actor = await resolveActor(db, { ...event, user: { ...event.user, employeeId: result.employeeId } }, locale);
      if (!actor) return { cards: this.onboarding(event, locale), locale };
    }
    const locale = event.locale ?? actor.locale;
    return { cards: await this.answer(event, actor, locale), locale };
  }

  private onboarding(event: BotEvent, locale: Locale): Card[] {
    return [
      onboardingCard(
        {
          platformLabel: translator(locale)(`platform.${event.platform}`),
          platformUserId: event.user.platformUserId,
        },
        translator(locale),
      ),
    ];
  }

  private async answer(event: BotEvent, actor: Actor, locale: Locale): Promise<Card[]> {
    const { logger } = this.deps;
    const t = translator(locale);
    const base = { event, actor, locale, t, now: this.deps.now() };
    try {
      switch (event.payload.kind) {
        case 'text': {
          const parsed = parseCommand(event.payload.text);
          if (!parsed) return [noticeCard({ body: t('bot.empty_message'), withHelp: true }, t)];
          const spec = this.registry.findCommand(parsed.word);
          if (!spec) {
            const alias = suggestAlias(parsed.word, this.registry.aliases());
            const suggestion = alias ? t('bot.unknown_command.suggestion', { alias }) : '';
            return [
              noticeCard(
                {
                  title: t('bot.unknown_command.title'),
                  body: t('bot.unknown_command.body', { command: parsed.word.slice(0, 40), suggestion }),
                  tone: 'warning',
                  withHelp: true,
                },
                t,
              ),
            ];
          }
          if (!allows(spec.roles, actor.role)) return this.refuse(actor, spec.id, parsed.word, t, event);
          return await spec.handle({ ...base, args: parsed.args });
        }
        case 'action': {
          const spec = this.registry.actions.get(event.payload.actionId);
          if (!spec) return [noticeCard({ body: t('bot.unknown_action'), tone: 'warning', withHelp: true }, t)];
          if (!allows(spec.roles, actor.role)) return this.refuse(actor, spec.id, spec.id, t, event);
          return await spec.handle({ ...base, value: event.payload.value });
        }
        case 'location': {
          const spec = this.registry.location;
          if (!spec || !allows(spec.roles, actor.role)) {
            return [noticeCard({ body: t('bot.empty_message'), withHelp: true }, t)];
          }
          return await spec.handle({ ...base, location: event.payload });
        }
      }
    } catch (err) {
      if (err instanceof KaopuError) {
        return [noticeCard({ body: t(err.code, err.params), tone: 'warning' }, t)];
      }
      logger.error({ err, eventId: event.id, platform: event.platform }, 'bot handler failed');
      return [noticeCard({ body: t('bot.internal_error'), tone: 'danger' }, t)];
    }
  }

  private async refuse(actor: Actor, what: string, word: string, t: Translate, event: BotEvent): Promise<Card[]> {
    await auditRefusal(
      this.deps.audit,
      { actor, event },
      { action: 'bot.refused', subjectType: 'command', subjectId: what },
    );
    return [
      noticeCard(
        { body: t('bot.forbidden', { role: t(`role.${actor.role}`), command: word.slice(0, 40) }), tone: 'warning' },
        t,
      ),
    ];
  }
}

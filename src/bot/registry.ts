import type { Card } from '../../cards/card.js';
import type { Locale, MessageKey, Translate } from '../i18n/index.js';
import type { Actor, Role } from './actor.js';
import type { BotEvent } from './event.js';

export interface HandlerContext {
  event: BotEvent;
  actor: Actor;
  locale: Locale;
  t: Translate;
  now: Date;
}

export interface CommandContext extends HandlerContext {
  /** Words after the command name, e.g. ["dept", "售后服务部"]. */
  args: string[];
}

export interface ActionContext extends HandlerContext {
  value?: string;
}

export interface CommandSpec {
  /** Stable dotted id, e.g. "kpi.card". */
  id: string;
  /** Words that invoke it, English and Chinese; the first is shown in help. */
  aliases: string[];
  /** Roles that may use it (ADMIN always may). */
  roles: readonly Role[];
  /** Shown in help, e.g. "report dept <name> [period]"; defaults to the first alias. */
  usage?: string;
  describe: MessageKey;
  handle(ctx: CommandContext): Promise<Card[]>;
}

export interface ActionSpec {
  /** Stable dotted id carried by buttons, e.g. "kpi.why". */
  id: string;
  roles: readonly Role[];
  handle(ctx: ActionContext): Promise<Card[]>;
}

export interface LocationSpec {
  roles: readonly Role[];
  handle(ctx: HandlerContext & { location: Extract<BotEvent['payload'], { kind: 'location' }> }): Promise<Card[]>;
}

/** What an unknown sender's message is answered with, or the employee it turned out to be. */
export type UnknownUserResult = { employeeId: string } | { cards: Card[] };

/**
 * A message from someone no employee is linked to (or a leaver): one feature (identities) owns
 * it, and either links them (then the message is answered as that employee) or answers itself.
 */
export interface UnknownUserSpec {
  handle(ctx: { event: BotEvent; locale: Locale; t: Translate; now: Date }): Promise<UnknownUserResult>;
}

/** Holds the commands and actions features register; the router reads it. */
export class Registry {
  readonly commands: CommandSpec[] = [];
  readonly actions = new Map<string, ActionSpec>();
  location?: LocationSpec;
  unknownUser?: UnknownUserSpec;
  private readonly byAlias = new Map<string, CommandSpec>();

  command(spec: CommandSpec): void {
    for (const alias of spec.aliases) {
      const key = alias.toLowerCase();
      if (this.byAlias.has(key)) throw new Error(`command alias "${alias}" registered twice`);
      this.byAlias.set(key, spec);
    }
    this.commands.push(spec);
  }

  action(spec: ActionSpec): void {
    if (this.actions.has(spec.id)) throw new Error(`action "${spec.id}" registered twice`);
    this.actions.set(spec.id, spec);
  }

  onLocation(spec: LocationSpec): void {
    this.location = spec;
  }

  onUnknownUser(spec: UnknownUserSpec): void {
    if (this.unknownUser) throw new Error('the unknown-user handler is registered twice');
    this.unknownUser = spec;
  }

  findCommand(word: string): CommandSpec | undefined {
    return this.byAlias.get(word.toLowerCase());
  }

  aliases(): string[] {
    return [...this.byAlias.keys()];
  }
}

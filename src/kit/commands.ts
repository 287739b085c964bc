// `kit.commands`: registers chat commands on the bot's registry, and lets one feature add a word
// to a command another feature owns (`kpi close` is payroll's close under the `kpi` command), so
// neither imports the other's handlers.
import type { Card } from '../../cards/card.js';
import { allows, type Role } from '../bot/actor.js';
import type { CommandContext, CommandSpec, Registry } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import type { KitAudit } from './audit.js';

export interface SubcommandSpec {
  /** The first word after the parent command, e.g. "close"; aliases ("结账") route the same way. */
  words: string[];
  roles: readonly Role[];
  /** ctx.args no longer hold the subcommand's word. */
  handle(ctx: CommandContext): Promise<Card[]>;
}

export interface KitCommands {
  register(spec: CommandSpec): void;
  /** Adds `<parent> <word> …` to the command with id `parentId` (registered before or after). */
  extend(parentId: string, spec: SubcommandSpec): void;
  list(): readonly CommandSpec[];
}

export function createKitCommands(registry: Registry, audit: KitAudit): KitCommands {
  const subcommands = new Map<string, Map<string, SubcommandSpec>>();
  return {
    register(spec) {
      registry.command({
        ...spec,
        async handle(ctx) {
          const word = ctx.args[0]?.toLowerCase();
          const sub = word ? subcommands.get(spec.id)?.get(word) : undefined;
          if (!sub || !word) return spec.handle(ctx);
          if (!allows(sub.roles, ctx.actor.role)) {
            await audit.as(ctx)({
              action: 'bot.refused',
              subjectType: 'command',
              subjectId: `${spec.aliases[0]}.${word}`,
            });
            throw new KaopuError('bot.forbidden', {
              status: 403,
              params: { role: ctx.t(`role.${ctx.actor.role}`), command: `${spec.aliases[0]} ${word.slice(0, 20)}` },
            });
          }
          return sub.handle({ ...ctx, args: ctx.args.slice(1) });
        },
      });
    },
    extend(parentId, spec) {
      const words = subcommands.get(parentId) ?? new Map<string, SubcommandSpec>();
      for (const word of spec.words) {
        const key = word.toLowerCase();
        if (words.has(key)) throw new Error(`subcommand "${word}" of ${parentId} registered twice`);
        words.set(key, spec);
      }
      subcommands.set(parentId, words);
    },
    list: () => registry.commands,
  };
}

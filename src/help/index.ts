import { helpCard } from '../../cards/help-card.js';
import { allows } from '../bot/actor.js';
import type { Feature } from '../bot/feature.js';
import type { CommandContext, HandlerContext } from '../bot/registry.js';
import { KPI_ACTIONS } from '../kpi/index.js';

export const HELP_ACTIONS = { show: 'help.show' } as const;
export const HELP_COMMANDS = { help: 'help' } as const;

/** `help` / `帮助`: lists exactly what the current user's role may do, in their language. */
export const help: Feature = (kit) => {
  const render = async (ctx: HandlerContext | CommandContext) => {
    const { t, actor } = ctx;
    const commands = kit.commands
      .list()
      .filter((c) => allows(c.roles, actor.role))
      .map((c) => ({ usage: c.usage ?? aliasesFor(c.aliases), description: t(c.describe) }));
    const shortcuts = kit.actions
      .list()
      .filter((a) => a.id === KPI_ACTIONS.open && allows(a.roles, actor.role))
      .map((a) => ({ actionId: a.id, label: t('help.button.kpi') }));
    return [helpCard({ name: actor.name, roleLabel: t(`role.${actor.role}`), commands, shortcuts }, t)];
  };

  kit.commands.register({
    id: HELP_COMMANDS.help,
    aliases: ['help', '帮助', 'h', '?', '？'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'],
    describe: 'help.command.help',
    usage: 'help / 帮助',
    handle: render,
  });
  kit.actions.register({ id: HELP_ACTIONS.show, roles: ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'], handle: render });
};

function aliasesFor(aliases: string[]): string {
  const en = aliases.find((a) => /^[a-z]/i.test(a));
  const zh = aliases.find((a) => /[\u4e00-\u9fff]/.test(a));
  return [en, zh].filter(Boolean).join(' / ');
}

// People processes (seed 003): the labour-law pre-check before ending a probation contract, the
// contracts it reads, and the hiring conditions employees acknowledge through the bot.
// Probation reports and transfer recommendations land here next (issue 20).
import { PEOPLE_ACTIONS } from '../../cards/people-cards.js';
import type { Feature } from '../bot/feature.js';
import { localDate } from '../time/zoned.js';
import { peopleHandlers } from './handlers.js';
import { remindProbationEnds } from './reminders.js';

export const people: Feature = (kit) => {
  const h = peopleHandlers(kit);
  kit.commands.register({
    id: 'people.precheck',
    aliases: ['termination', '解除预检'],
    roles: ['HR'],
    usage: 'termination check <person> [YYYY-MM-DD]',
    describe: 'people.command.precheck',
    // "termination check 杨帆": the word "check" is part of the command's name.
    handle: (ctx) =>
      h.precheck({ ...ctx, args: ctx.args[0]?.toLowerCase() === 'check' ? ctx.args.slice(1) : ctx.args }),
  });
  kit.commands.register({
    id: 'people.probation',
    aliases: ['probation', '试用期报表', '试用期'],
    roles: ['MANAGER', 'HR'],
    usage: 'probation report',
    describe: 'people.command.probation',
    // "probation report": the word "report" is part of the command's name.
    handle: (ctx) =>
      h.probation({ ...ctx, args: ctx.args[0]?.toLowerCase() === 'report' ? ctx.args.slice(1) : ctx.args }),
  });
  kit.commands.register({
    id: 'people.contract',
    aliases: ['contract', '合同'],
    roles: ['HR'],
    usage: 'contract <person> [fixed|open|task <start> <end|-> <probation end|-> [again]]',
    describe: 'people.command.contract',
    handle: h.contract,
  });
  kit.commands.register({
    id: 'people.conditions',
    aliases: ['conditions', '录用条件'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    describe: 'people.command.conditions',
    handle: h.conditions,
  });
  kit.jobs.register({
    name: 'people.probation.remind',
    cron: '0 9 * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => localDate(now, kit.config.timeZone),
    run: async (now) => void (await remindProbationEnds(kit, now)),
  });
  kit.actions.register({ id: PEOPLE_ACTIONS.acknowledge, roles: ['EMPLOYEE', 'MANAGER', 'HR'], handle: h.acknowledge });
};

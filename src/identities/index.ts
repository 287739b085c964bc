// Organisation and identities: who a chat user is. Unknown senders get a one-time linking code
// (or, on Slack, are matched by e-mail), HR links / unlinks / looks people up, leavers are refused.
import { noticeCard } from '../../cards/notice-card.js';
import type { Feature } from '../bot/feature.js';
import { createFileService } from '../files/index.js';
import { leaver, link, unlink, whois } from './commands.js';
import { directoryCommand, registerDirectoryJob } from './directory.js';
import { importCommand, importRoutes } from './import-routes.js';
import { eraseCommand, exportCommand } from './personal-data.js';
import { unknownUser } from './unknown-user.js';

export const identities: Feature = (kit) => {
  kit.onUnknownUser(unknownUser(kit));
  kit.commands.register({
    id: 'identities.link',
    aliases: ['link', '绑定'],
    roles: ['HR'],
    usage: 'link <code> <employee>',
    describe: 'identities.command.link',
    handle: (ctx) => link(kit, ctx),
  });
  kit.commands.register({
    id: 'identities.unlink',
    aliases: ['unlink', '解绑'],
    roles: ['HR'],
    usage: 'unlink <employee> [platform]',
    describe: 'identities.command.unlink',
    handle: (ctx) => unlink(kit, ctx),
  });
  kit.commands.register({
    id: 'identities.whois',
    aliases: ['whois', '查人'],
    roles: ['HR'],
    usage: 'whois <name>',
    describe: 'identities.command.whois',
    handle: (ctx) => whois(kit, ctx, kit.config.timeZone),
  });
  kit.commands.register({
    id: 'identities.leaver',
    aliases: ['leaver', '离职'],
    roles: ['HR'],
    usage: 'leaver <employee> [YYYY-MM-DD]',
    describe: 'identities.command.leaver',
    handle: (ctx) => leaver(kit, ctx),
  });
  kit.commands.register({
    id: 'identities.directory',
    aliases: ['directory', '通讯录'],
    roles: ['HR'],
    usage: 'directory [sync]',
    describe: 'identities.command.directory',
    handle: (ctx) => directoryCommand(kit, ctx),
  });
  registerDirectoryJob(kit);
  // Exports are served by the file routes the reports feature mounts (/files/:token).
  const files = createFileService({ db: kit.db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links });
  kit.commands.register({
    id: 'identities.pipl',
    aliases: ['pipl', '个人信息'],
    roles: ['HR'],
    usage: 'pipl export|erase <employee>',
    describe: 'identities.command.pipl',
    handle: async (ctx) => {
      const word = ctx.args[0]?.toLowerCase();
      const rest = { ...ctx, args: ctx.args.slice(1) };
      if (word === 'export' || word === '导出') return exportCommand(kit, files, rest);
      if (word === 'erase' || word === '删除') return eraseCommand(kit, rest);
      return [noticeCard({ body: ctx.t('identities.pipl.usage'), tone: 'warning' }, ctx.t)];
    },
  });
  kit.commands.register({
    id: 'identities.import',
    aliases: ['import', '导入'],
    roles: ['HR'],
    usage: 'import',
    describe: 'identities.command.import',
    handle: (ctx) => importCommand(kit, files, ctx),
  });
  importRoutes(kit);
};

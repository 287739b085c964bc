// Turns "this person", "this team's group chat" or "this person's manager" into one platform,
// one address and one language, from ChatIdentity, GroupChat and the employee's locale. The only
// place that reads those tables for sending: adapters get a finished address.
import type { ChatAddress, PlatformName } from '../bot/event.js';
import type { Db } from '../db/client.js';
import { isLocale, type Locale } from '../i18n/index.js';

export type Recipient = { employeeId: string } | { teamId: string } | { managerOf: string };

export type Undeliverable = 'unknown_recipient' | 'no_chat_identity' | 'no_group_chat' | 'no_manager';

export type Resolved =
  | { ok: true; platform: PlatformName; to: ChatAddress; locale: Locale; employeeId?: string; teamId?: string }
  | { ok: false; reason: Undeliverable };

export interface ResolveOptions {
  /** Configured platforms in order of preference; the first that reaches the recipient wins. */
  platforms: readonly PlatformName[];
  /** Language for group chats (a team has no language of its own) and unset employee locales. */
  defaultLocale: Locale;
  /**
   * The open demo console stands in for every employee (it has no identities of its own); behind
   * a token or in production it is an operator tool, and nobody is "reached" there.
   */
  consoleReachesEveryone: boolean;
}

const PLATFORM_OF = { SLACK: 'slack', WECOM: 'wecom', DINGTALK: 'dingtalk', CONSOLE: 'console' } as const;

export async function resolveRecipient(db: Db, recipient: Recipient, options: ResolveOptions): Promise<Resolved> {
  if ('teamId' in recipient) return resolveTeam(db, recipient.teamId, options);
  if ('managerOf' in recipient) {
    const subject = await db.employee.findUnique({
      where: { id: recipient.managerOf },
      select: { id: true, managerId: true, team: { select: { managerId: true } } },
    });
    if (!subject) return { ok: false, reason: 'unknown_recipient' };
    // The line manager; without one, the manager of the person's team (never the person themself).
    const managerId = subject.managerId ?? subject.team?.managerId ?? null;
    if (!managerId || managerId === subject.id) return { ok: false, reason: 'no_manager' };
    return resolveEmployee(db, managerId, options);
  }
  return resolveEmployee(db, recipient.employeeId, options);
}

async function resolveEmployee(db: Db, employeeId: string, options: ResolveOptions): Promise<Resolved> {
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, status: true, locale: true, identities: { select: { platform: true, platformUserId: true } } },
  });
  if (!employee || employee.status === 'LEFT') return { ok: false, reason: 'unknown_recipient' };
  const locale = isLocale(employee.locale) ? employee.locale : options.defaultLocale;
  for (const platform of options.platforms) {
    const identity = employee.identities.find((i) => PLATFORM_OF[i.platform] === platform);
    if (identity) {
      return { ok: true, platform, to: { kind: 'user', userId: identity.platformUserId }, locale, employeeId };
    }
    if (platform === 'console' && options.consoleReachesEveryone) {
      return { ok: true, platform, to: { kind: 'user', userId: employee.id }, locale, employeeId };
    }
  }
  return { ok: false, reason: 'no_chat_identity' };
}

async function resolveTeam(db: Db, teamId: string, options: ResolveOptions): Promise<Resolved> {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      groupChats: { select: { id: true, platform: true, platformChatId: true, webhookUrl: true, webhookSecret: true } },
    },
  });
  if (!team) return { ok: false, reason: 'unknown_recipient' };
  const locale = options.defaultLocale;
  for (const platform of options.platforms) {
    const chat = team.groupChats.find((g) => PLATFORM_OF[g.platform] === platform);
    if (!chat) continue;
    // A team that configured a group robot is posted to through it (the only way into a DingTalk
    // or WeCom group the app did not create); otherwise through the app into the chat.
    const to: ChatAddress = chat.webhookUrl
      ? {
          kind: 'webhook',
          groupChatId: chat.id,
          url: chat.webhookUrl,
          ...(chat.webhookSecret ? { secret: chat.webhookSecret } : {}),
        }
      : // The console keys its groups by GroupChat id (its history view lists `group:<id>`).
        { kind: 'group', chatId: platform === 'console' ? chat.id : chat.platformChatId };
    return { ok: true, platform, to, locale, teamId };
  }
  return { ok: false, reason: 'no_group_chat' };
}

// HR's hand tools: `link <code> <employee>` / 绑定, `unlink <employee> [platform]` / 解绑,
// `whois <name>` / 查人. Every change and every look-up is audited.
import type { Card } from '../../cards/card.js';
import { makeCard } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { PlatformName } from '../bot/event.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { localParts } from '../time/zoned.js';
import { type DbPlatform, findLiveCode, normaliseCode } from './codes.js';
import { markLeft } from './leavers.js';

const PLATFORM_WORDS: Record<string, DbPlatform> = {
  slack: 'SLACK',
  wecom: 'WECOM',
  企业微信: 'WECOM',
  dingtalk: 'DINGTALK',
  钉钉: 'DINGTALK',
  console: 'CONSOLE',
  控制台: 'CONSOLE',
};

export function platformName(p: DbPlatform): PlatformName {
  return p.toLowerCase() as PlatformName;
}

const employeeSelect = { id: true, employeeNo: true, name: true, status: true } as const;

/** One employee by exact employee number, else by exact name; several by name is an error naming them. */
export async function findEmployee(kit: FeatureKit, query: string) {
  const byNo = await kit.db.employee.findUnique({ where: { employeeNo: query }, select: employeeSelect });
  if (byNo) return byNo;
  const byName = await kit.db.employee.findMany({ where: { name: query }, select: employeeSelect, take: 10 });
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length === 0) throw new KaopuError('identities.link.no_employee', { params: { query } });
  throw new KaopuError('identities.link.ambiguous', {
    params: { query, list: byName.map((e) => `${e.name} (${e.employeeNo})`).join(', ') },
  });
}

function notice(ctx: CommandContext, body: string, tone: 'success' | 'warning' = 'success'): Card[] {
  return [noticeCard({ body, tone }, ctx.t)];
}

export async function link(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const [code, ...rest] = ctx.args;
  const query = rest.join(' ').trim().slice(0, 100);
  if (!code || !query) return notice(ctx, ctx.t('identities.link.usage'), 'warning');
  const shown = normaliseCode(code).slice(0, 20);
  const audit = kit.audit.as(ctx);
  const row = await findLiveCode(kit.db, code, ctx.now);
  if (!row) {
    await audit({ action: 'identity.link_refused', subjectType: 'LinkCode', details: { reason: 'bad_code' } });
    return notice(ctx, ctx.t('identities.link.bad_code', { code: shown }), 'warning');
  }
  const employee = await findEmployee(kit, query);
  if (!(await kit.access.employee(ctx.actor, employee.id))) throw new KaopuError('error.forbidden', { status: 403 });
  if (employee.status === 'LEFT')
    return notice(ctx, ctx.t('identities.link.employee_left', { name: employee.name }), 'warning');
  const platform = platformName(row.platform);
  const taken = await kit.db.chatIdentity.findUnique({
    where: { platform_platformUserId: { platform: row.platform, platformUserId: row.platformUserId } },
    select: { employee: { select: { name: true, employeeNo: true } } },
  });
  if (taken) {
    return notice(
      ctx,
      ctx.t('identities.link.taken', {
        platform: ctx.t(`platform.${platform}`),
        name: taken.employee.name,
        employeeNo: taken.employee.employeeNo,
        platformWord: platform,
      }),
      'warning',
    );
  }
  // Spend the code and link in one transaction: a code used twice at once links once.
  const linked = await kit.db.$transaction(async (tx) => {
    const spent = await tx.linkCode.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: ctx.now, usedById: ctx.actor.id },
    });
    if (spent.count !== 1) return false;
    await tx.chatIdentity.create({
      data: {
        platform: row.platform,
        platformUserId: row.platformUserId,
        employeeId: employee.id,
        displayName: row.displayName,
        linkedAt: ctx.now,
      },
    });
    return true;
  });
  if (!linked) return notice(ctx, ctx.t('identities.link.bad_code', { code: shown }), 'warning');
  await audit({
    action: 'identity.linked',
    subjectType: 'Employee',
    subjectId: employee.id,
    details: { platform, platformUserId: row.platformUserId, method: 'code' },
  });
  return notice(
    ctx,
    ctx.t('identities.link.done', {
      platform: ctx.t(`platform.${platform}`),
      userId: row.platformUserId,
      name: employee.name,
      employeeNo: employee.employeeNo,
    }),
  );
}

export async function unlink(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const args = [...ctx.args];
  const last = args.at(-1)?.toLowerCase();
  const platform = last && args.length > 1 ? PLATFORM_WORDS[last] : undefined;
  if (platform) args.pop();
  const query = args.join(' ').trim().slice(0, 100);
  if (!query) return notice(ctx, ctx.t('identities.unlink.usage'), 'warning');
  const employee = await findEmployee(kit, query);
  if (!(await kit.access.employee(ctx.actor, employee.id))) throw new KaopuError('error.forbidden', { status: 403 });
  const where = { employeeId: employee.id, ...(platform ? { platform } : { platform: { not: 'CONSOLE' as const } }) };
  const identities = await kit.db.chatIdentity.findMany({
    where,
    select: { id: true, platform: true, platformUserId: true },
  });
  if (identities.length === 0) return notice(ctx, ctx.t('identities.unlink.none', { name: employee.name }), 'warning');
  await kit.db.chatIdentity.deleteMany({ where: { id: { in: identities.map((i) => i.id) } } });
  const audit = kit.audit.as(ctx);
  for (const i of identities) {
    await audit({
      action: 'identity.unlinked',
      subjectType: 'Employee',
      subjectId: employee.id,
      details: { platform: platformName(i.platform), platformUserId: i.platformUserId },
    });
  }
  const list = identities.map((i) => `${ctx.t(`platform.${platformName(i.platform)}`)} ${i.platformUserId}`).join(', ');
  return notice(ctx, ctx.t('identities.unlink.done', { name: employee.name, count: identities.length, list }));
}

const WHOIS_LIMIT = 10;

export async function whois(kit: FeatureKit, ctx: CommandContext, timeZone: string): Promise<Card[]> {
  const query = ctx.args.join(' ').trim().slice(0, 100);
  if (!query) return notice(ctx, ctx.t('identities.whois.usage'), 'warning');
  const people = await kit.db.employee.findMany({
    where: { OR: [{ name: { contains: query } }, { employeeNo: query }] },
    orderBy: { employeeNo: 'asc' },
    take: WHOIS_LIMIT + 1,
    select: {
      ...employeeSelect,
      identities: { orderBy: { platform: 'asc' }, select: { platform: true, platformUserId: true, linkedAt: true } },
    },
  });
  const visible = [];
  for (const p of people.slice(0, WHOIS_LIMIT)) if (await kit.access.employee(ctx.actor, p.id)) visible.push(p);
  await kit.audit.as(ctx)({
    action: 'identity.whois',
    subjectType: 'Employee',
    details: { matched: visible.map((p) => p.id) },
  });
  if (visible.length === 0) return notice(ctx, ctx.t('identities.whois.none', { query }), 'warning');
  const t = ctx.t;
  const rows: string[][] = [];
  for (const p of visible) {
    const person = `${p.name} (${p.employeeNo})`;
    const status = t(`identities.status.${p.status}`);
    if (p.identities.length === 0) rows.push([person, status, '—', t('identities.whois.not_linked'), '']);
    for (const i of p.identities) {
      rows.push([
        person,
        status,
        t(`platform.${platformName(i.platform)}`),
        i.platformUserId,
        formatLocalTime(i.linkedAt, timeZone),
      ]);
    }
  }
  return [
    makeCard({
      title: t('identities.whois.title', { query }),
      audience: 'personal',
      blocks: [
        {
          type: 'table',
          columns: [
            t('identities.whois.col.person'),
            t('identities.whois.col.status'),
            t('identities.whois.col.platform'),
            t('identities.whois.col.user'),
            t('identities.whois.col.linked'),
          ],
          rows,
        },
        ...(people.length > WHOIS_LIMIT
          ? [{ type: 'text' as const, text: t('identities.whois.more', { count: WHOIS_LIMIT }) }]
          : []),
      ],
    }),
  ];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function leaver(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const args = [...ctx.args];
  const date = args.at(-1) && DATE.test(args.at(-1) as string) && args.length > 1 ? (args.pop() as string) : undefined;
  const query = args.join(' ').trim().slice(0, 100);
  if (!query) return notice(ctx, ctx.t('identities.leaver.usage'), 'warning');
  const employee = await findEmployee(kit, query);
  if (!(await kit.access.employee(ctx.actor, employee.id))) throw new KaopuError('error.forbidden', { status: 403 });
  const leftDate = date ?? localParts(ctx.now, kit.config.timeZone).date;
  const handOver = await markLeft(kit, employee.id, leftDate, {
    actorId: ctx.actor.id,
    actorKind: 'employee',
    channel: ctx.event.platform,
  });
  if (!handOver) return notice(ctx, ctx.t('identities.leaver.already', { name: employee.name }), 'warning');
  if (!handOver.successorId) {
    return notice(ctx, ctx.t('identities.leaver.no_successor', { name: employee.name, date: leftDate }), 'warning');
  }
  const successor = await kit.db.employee.findUnique({ where: { id: handOver.successorId }, select: { name: true } });
  return notice(
    ctx,
    ctx.t('identities.leaver.done', {
      name: employee.name,
      date: leftDate,
      successor: successor?.name ?? '',
      alerts: handOver.alerts,
      appeals: handOver.appeals,
      reports: handOver.reports,
      teams: handOver.teams,
    }),
  );
}

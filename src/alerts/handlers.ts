// The card buttons (Acknowledge, Assign to…, Snooze, Details) and `alerts` / `预警`. Every press is
// checked against the actor's scope, audited, and re-renders the alert's card(s) in place.
import { alertAssignCard, alertCard, alertDetailsCard, alertListCard } from '../../cards/alert-card.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext, CommandContext } from '../bot/registry.js';
import { formatLocalTime } from '../time/format-local-time.js';
import type { AlertEngine, AlertRow } from './engine.js';
import { isRuleId, RULE_IDS } from './rules.js';

const SNOOZE_MS = 60 * 60_000;
const alertId = (value: string | undefined) => (value && /^[\w-]{1,64}$/.test(value) ? value : null);

export function createHandlers(kit: FeatureKit, engine: AlertEngine) {
  const { db } = kit;

  /** The alert, if this actor may handle it: HR all, managers their teams', nobody else. */
  async function mayHandle(ctx: ActionContext, id: string | null): Promise<AlertRow | null> {
    if (!id) return null;
    const alert = await db.alert.findUnique({ where: { id }, select: engine.select });
    if (!alert) return null;
    if (ctx.actor.role === 'HR' || ctx.actor.role === 'ADMIN') return alert;
    if (alert.teamId && (await kit.access.team(ctx.actor, alert.teamId))) return alert;
    return null;
  }

  const notFound = (ctx: ActionContext): Card[] => [
    noticeCard({ body: ctx.t('alerts.not_found'), tone: 'warning' }, ctx.t),
  ];
  // The updated card is the answer, in a group and in a direct chat alike: a reply would be one
  // more message (and on WeCom it would spend the press's response_code the update needs).
  const done = (): Card[] => [];

  async function ack(ctx: ActionContext): Promise<Card[]> {
    const alert = await mayHandle(ctx, alertId(ctx.value));
    if (!alert || alert.status === 'RESOLVED') return notFound(ctx);
    if (alert.status !== 'ACKNOWLEDGED') {
      await db.alert.update({
        where: { id: alert.id },
        data: { status: 'ACKNOWLEDGED', ackById: ctx.actor.id, ackAt: ctx.now, snoozedUntil: null },
      });
      await kit.audit.as(ctx)({
        action: 'alerts.ack',
        subjectType: 'Alert',
        subjectId: alert.id,
        details: { rule: alert.rule },
      });
      await engine.refresh(alert.id);
    }
    return done();
  }

  async function assignMenu(ctx: ActionContext): Promise<Card[]> {
    const alert = await mayHandle(ctx, alertId(ctx.value));
    if (!alert || alert.status === 'RESOLVED') return notFound(ctx);
    const people = await db.employee.findMany({
      where: {
        status: { not: 'LEFT' },
        OR: [
          ...(alert.teamId ? [{ teamId: alert.teamId }, { managedTeams: { some: { id: alert.teamId } } }] : []),
          { id: ctx.actor.id },
        ],
      },
      orderBy: { employeeNo: 'asc' },
      select: { id: true, name: true },
      take: 20,
    });
    return [alertAssignCard(alert.id, people, ctx.t)];
  }

  async function assignTo(ctx: ActionContext): Promise<Card[]> {
    const [id, employeeId] = (ctx.value ?? '').split(':');
    const alert = await mayHandle(ctx, alertId(id));
    const assignee = employeeId
      ? await db.employee.findUnique({ where: { id: employeeId }, select: { id: true, name: true, teamId: true } })
      : null;
    if (!alert || alert.status === 'RESOLVED' || !assignee) return notFound(ctx);
    if (!(await kit.access.employee(ctx.actor, assignee.id))) return notFound(ctx);
    await db.alert.update({ where: { id: alert.id }, data: { status: 'ASSIGNED', assignedToId: assignee.id } });
    await kit.audit.as(ctx)({
      action: 'alerts.assign',
      subjectType: 'Alert',
      subjectId: alert.id,
      details: { rule: alert.rule, to: assignee.id },
    });
    await engine.refresh(alert.id);
    // The assignee gets the alert in a direct chat, with the same buttons.
    const fresh = await db.alert.findUniqueOrThrow({ where: { id: alert.id }, select: engine.select });
    const view = await engine.view(fresh);
    await kit.notify({ employeeId: assignee.id }, (t) => alertCard(view, t), {
      dedupeKey: `alerts:${alert.id}:assigned:${assignee.id}`,
    });
    return done();
  }

  async function snooze(ctx: ActionContext): Promise<Card[]> {
    const alert = await mayHandle(ctx, alertId(ctx.value));
    if (!alert || alert.status === 'RESOLVED') return notFound(ctx);
    const until = new Date(ctx.now.getTime() + SNOOZE_MS);
    await db.alert.update({ where: { id: alert.id }, data: { snoozedUntil: until } });
    await kit.audit.as(ctx)({
      action: 'alerts.snooze',
      subjectType: 'Alert',
      subjectId: alert.id,
      details: { until: until.toISOString() },
    });
    await engine.refresh(alert.id);
    return done();
  }

  async function details(ctx: ActionContext): Promise<Card[]> {
    const alert = await mayHandle(ctx, alertId(ctx.value));
    if (!alert) return notFound(ctx);
    await kit.audit.as(ctx)({
      action: 'alerts.details',
      subjectType: 'Alert',
      subjectId: alert.id,
      details: { rule: alert.rule },
    });
    return [alertDetailsCard(await engine.view(alert), ctx.t)];
  }

  async function list(ctx: CommandContext): Promise<Card[]> {
    if ((ctx.args[0] ?? '').toLowerCase() === 'mute' || ctx.args[0] === '静音') return mute(ctx);
    const scope = await kit.access.scope(ctx.actor);
    const alerts = await db.alert.findMany({
      where: {
        status: { not: 'RESOLVED' },
        ...(scope.all ? {} : { teamId: { in: [...scope.teamIds] } }),
      },
      orderBy: [{ createdAt: 'desc' }],
      take: 50,
      select: engine.select,
    });
    const views = await Promise.all(alerts.map((a) => engine.view(a)));
    return [{ ...alertListCard(views, ctx.t), audience: 'personal' }];
  }

  async function mute(ctx: CommandContext): Promise<Card[]> {
    const rule = ctx.args[1] ?? '';
    const duration = /^(\d{1,4})(m|h|d)$/i.exec(ctx.args[2] ?? '');
    const usage = () => [
      noticeCard({ body: ctx.t('alerts.mute.usage', { rules: RULE_IDS.join(', ') }), tone: 'warning' }, ctx.t),
    ];
    if (!isRuleId(rule) || !duration) return usage();
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[(duration[2] as string).toLowerCase() as 'm' | 'h' | 'd'];
    const ms = Number(duration[1]) * unit;
    if (ms <= 0 || ms > 90 * 86_400_000) return usage();
    const until = new Date(ctx.now.getTime() + ms);
    const hr = ctx.actor.role === 'HR' || ctx.actor.role === 'ADMIN';
    const teams = hr
      ? [{ id: 'company', name: ctx.t('alerts.company') }]
      : await db.team.findMany({ where: { managerId: ctx.actor.id }, select: { id: true, name: true } });
    if (!teams.length) return [noticeCard({ body: ctx.t('alerts.mute.no_team'), tone: 'warning' }, ctx.t)];
    for (const team of teams) {
      await db.alertRuleSetting.upsert({
        where: { scope_rule: { scope: team.id, rule } },
        create: { scope: team.id, rule, mutedUntil: until, updatedById: ctx.actor.id },
        update: { mutedUntil: until, updatedById: ctx.actor.id },
      });
      await kit.audit.as(ctx)({
        action: 'alerts.mute',
        subjectType: 'AlertRule',
        subjectId: rule,
        details: { scope: team.id, until: until.toISOString() },
      });
    }
    const at = formatLocalTime(until, ctx.actor.timeZone);
    return [
      noticeCard(
        {
          body: ctx.t('alerts.mute.done', { rule, team: teams.map((t) => t.name).join(', '), until: at }),
          tone: 'success',
        },
        ctx.t,
      ),
    ];
  }

  return { ack, assignMenu, assignTo, snooze, details, list };
}

// Raising and delivering alerts. `raise` stores an alert once per dedupe key (rule + subject +
// window), re-alerts only when the severity rises, and lets a critical alert inhibit its lesser
// duplicate. `pump` delivers what waits, per team chat, within the chat's messages-per-minute
// (single cards, critical first, the rest in one digest), holds non-critical alerts through quiet
// hours for the morning digest, re-posts snoozed alerts and escalates unacknowledged critical ones.
import { type AlertView, alertCard, alertDigestCard } from '../../cards/alert-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { Prisma } from '../db/client.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { localParts } from '../time/zoned.js';
import {
  DELIVERY_PARAMS,
  type Decision,
  type DeliveryParams,
  inQuietHours,
  planDelivery,
  RULE_IDS,
  RULE_META,
  RULE_PARAMS,
  type RuleId,
  type RuleParams,
  SEVERITY_RANK,
  type Severity,
} from './rules.js';

export type RaiseOutcome = 'raised' | 'escalated' | 'duplicate' | 'inhibited' | 'muted';

export interface RaiseInput {
  rule: RuleId;
  decision: Decision;
  employeeId?: string | null;
  /** Defaults to the employee's team. */
  teamId?: string | null;
}

const ALERT_SELECT = {
  id: true,
  rule: true,
  severity: true,
  status: true,
  teamId: true,
  employeeId: true,
  payload: true,
  ackById: true,
  ackAt: true,
  assignedToId: true,
  snoozedUntil: true,
  escalationLevel: true,
  digestKey: true,
  deliveredAt: true,
  createdAt: true,
  updatedAt: true,
  employee: { select: { name: true } },
} as const;

export type AlertRow = Prisma.AlertGetPayload<{ select: typeof ALERT_SELECT }>;

const COMPANY = 'company';
const DELIVERY = 'delivery';

export interface AlertEngine {
  raise(input: RaiseInput): Promise<RaiseOutcome>;
  /** Delivers what is due; returns how many alerts went out (on their own card or in a digest). */
  pump(): Promise<number>;
  params<R extends RuleId>(rule: R, teamId: string | null): Promise<RuleParams<R>>;
  delivery(teamId: string | null): Promise<DeliveryParams>;
  view(alert: AlertRow): Promise<AlertView>;
  /** Re-renders an alert's card(s) in place after a button press or an escalation. */
  refresh(alertId: string): Promise<void>;
  select: typeof ALERT_SELECT;
}

export interface EngineOptions {
  /** The window a chat's messages-per-minute limit counts over; the storm benchmark scales it. */
  windowMs?: number;
}

export function createAlertEngine(kit: FeatureKit, options: EngineOptions = {}): AlertEngine {
  const { db, now, logger } = kit;
  const windowMs = options.windowMs ?? 60_000;
  const tz = kit.config.timeZone;
  let pumping: Promise<number> | null = null;
  let again = false;

  async function settings(rule: string, teamId: string | null) {
    const scopes = teamId ? [COMPANY, teamId] : [COMPANY];
    const rows = await db.alertRuleSetting.findMany({ where: { rule, scope: { in: scopes } } });
    const company = rows.find((r) => r.scope === COMPANY);
    const team = rows.find((r) => r.scope !== COMPANY);
    const merged = { ...((company?.params as object) ?? {}), ...((team?.params as object) ?? {}) };
    const mutedUntil = [company?.mutedUntil, team?.mutedUntil]
      .filter((d): d is Date => !!d)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return { merged, mutedUntil };
  }

  async function params<R extends RuleId>(rule: R, teamId: string | null): Promise<RuleParams<R>> {
    const { merged } = await settings(rule, teamId);
    const parsed = RULE_PARAMS[rule].safeParse(merged);
    if (parsed.success) return parsed.data as RuleParams<R>;
    // A bad override is logged and ignored rather than silencing the rule.
    logger.warn({ rule, teamId }, 'invalid alert rule override; using the defaults');
    return RULE_PARAMS[rule].parse({}) as RuleParams<R>;
  }

  async function delivery(teamId: string | null): Promise<DeliveryParams> {
    const { merged } = await settings(DELIVERY, teamId);
    const parsed = DELIVERY_PARAMS.safeParse(merged);
    return parsed.success ? parsed.data : DELIVERY_PARAMS.parse({});
  }

  async function raise(input: RaiseInput): Promise<RaiseOutcome> {
    const { rule, decision } = input;
    let teamId = input.teamId ?? null;
    if (!teamId && input.employeeId) {
      const employee = await db.employee.findUnique({ where: { id: input.employeeId }, select: { teamId: true } });
      teamId = employee?.teamId ?? null;
    }
    const { mutedUntil } = await settings(rule, teamId);
    if (mutedUntil && mutedUntil > now()) return 'muted';
    // A critical alert on the same subject from the rule that inhibits this one wins.
    const inhibitor = RULE_IDS.find((r) => RULE_META[r].inhibits === rule);
    if (inhibitor) {
      const stronger = await db.alert.findUnique({ where: { dedupeKey: `${inhibitor}:${decision.key}` } });
      if (stronger && stronger.status !== 'RESOLVED') return 'inhibited';
    }
    const dedupeKey = `${rule}:${decision.key}`;
    const payload = { evidence: decision.evidence } as Prisma.InputJsonValue;
    const existing = await db.alert.findUnique({ where: { dedupeKey } });
    let outcome: RaiseOutcome;
    if (!existing) {
      try {
        await db.alert.create({
          data: {
            rule,
            dedupeKey,
            severity: decision.severity,
            teamId,
            employeeId: input.employeeId ?? null,
            payload,
            // The kit's clock, not the database's: quiet hours and digests are judged by it.
            createdAt: now(),
          },
        });
        outcome = 'raised';
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002') return 'duplicate';
        throw err;
      }
    } else if (
      existing.status !== 'RESOLVED' &&
      SEVERITY_RANK[decision.severity] > SEVERITY_RANK[existing.severity as Severity]
    ) {
      // Escalation: the same condition got worse, so it is delivered again (a new card).
      const { count } = await db.alert.updateMany({
        where: { id: existing.id, severity: existing.severity },
        data: { severity: decision.severity, payload, deliveredAt: null, digestKey: null },
      });
      if (!count) return 'duplicate';
      outcome = 'escalated';
    } else {
      return 'duplicate';
    }
    // This alert inhibits a lesser one: an undelivered lesser duplicate is closed unseen.
    const inhibited = RULE_META[rule].inhibits;
    if (inhibited) {
      await db.alert.updateMany({
        where: { dedupeKey: `${inhibited}:${decision.key}`, deliveredAt: null, status: 'OPEN' },
        data: { status: 'RESOLVED' },
      });
    }
    kick();
    return outcome;
  }

  function kick(): void {
    void pump().catch((err) => logger.error({ err }, 'alert delivery failed'));
  }

  async function nameOf(id: string | null): Promise<string | undefined> {
    if (!id) return undefined;
    return (await db.employee.findUnique({ where: { id }, select: { name: true } }))?.name;
  }

  async function view(alert: AlertRow): Promise<AlertView> {
    const payload = (alert.payload ?? {}) as { evidence?: Record<string, string | number>; escalatedTo?: string };
    const ackName = await nameOf(alert.ackById);
    const assigned = await nameOf(alert.assignedToId);
    const snoozed = alert.snoozedUntil && alert.snoozedUntil > now() ? alert.snoozedUntil : null;
    return {
      id: alert.id,
      rule: alert.rule,
      severity: alert.severity as Severity,
      status: alert.status,
      who:
        alert.employee?.name ?? (typeof payload.evidence?.sourceName === 'string' ? payload.evidence.sourceName : null),
      raisedAt: formatLocalTime(alert.createdAt, tz),
      evidence: payload.evidence ?? {},
      ...(ackName && alert.ackAt ? { ackBy: { name: ackName, at: formatLocalTime(alert.ackAt, tz) } } : {}),
      ...(assigned ? { assignedTo: assigned } : {}),
      ...(snoozed ? { snoozedUntil: formatLocalTime(snoozed, tz) } : {}),
      ...(payload.escalatedTo ? { escalatedTo: payload.escalatedTo } : {}),
    };
  }

  /** Messages this team's chat got from alerts in the last minute (a digest is one). */
  async function usedThisMinute(teamId: string, at: Date): Promise<number> {
    const rows = await db.alert.findMany({
      where: { teamId, deliveredAt: { gt: new Date(at.getTime() - windowMs) }, digestKey: { not: null } },
      select: { digestKey: true },
      distinct: ['digestKey'],
    });
    return rows.length;
  }

  async function sendSingle(alert: AlertRow, at: Date): Promise<boolean> {
    const key = `alerts:${alert.id}:${alert.updatedAt.getTime()}`;
    // Claimed before it is sent: a second pump (or replica) finds nothing left to send.
    const { count } = await db.alert.updateMany({
      where: { id: alert.id, deliveredAt: null },
      data: { deliveredAt: at, digestKey: key },
    });
    if (!count) return false;
    const card = await view({ ...alert, digestKey: key });
    const audience = RULE_META[alert.rule as RuleId]?.audience ?? 'team';
    if (audience === 'hr' || !alert.teamId) {
      const hr = await db.employee.findMany({ where: { role: 'HR', status: { not: 'LEFT' } }, select: { id: true } });
      for (const person of hr) {
        await kit.notify({ employeeId: person.id }, (t) => alertCard(card, t), { dedupeKey: `${key}:hr:${person.id}` });
      }
      return true;
    }
    await kit.notify({ teamId: alert.teamId }, (t) => alertCard(card, t), { dedupeKey: key });
    if (audience === 'team+manager' || alert.severity === 'critical') {
      const team = await db.team.findUnique({ where: { id: alert.teamId }, select: { managerId: true } });
      if (team?.managerId) {
        await kit.notify({ employeeId: team.managerId }, (t) => alertCard(card, t), { dedupeKey: `${key}:mgr` });
      }
    }
    return true;
  }

  async function sendDigest(teamId: string, ids: string[], morning: boolean, at: Date): Promise<number> {
    const key = `alerts.digest:${teamId}:${at.getTime()}${morning ? ':morning' : ''}`;
    await db.alert.updateMany({
      where: { id: { in: ids }, deliveredAt: null },
      data: { deliveredAt: at, digestKey: key },
    });
    const claimed = await db.alert.findMany({ where: { digestKey: key }, select: ALERT_SELECT });
    if (!claimed.length) return 0;
    const views = await Promise.all(claimed.map(view));
    await kit.notify({ teamId }, (t) => alertDigestCard(views, morning, t), { dedupeKey: key });
    return claimed.length;
  }

  async function pumpOnce(): Promise<number> {
    const at = now();
    // Snoozes that ran out: the alert is posted again if still unacknowledged.
    await db.alert.updateMany({
      where: { snoozedUntil: { lte: at }, status: { in: ['OPEN', 'ASSIGNED'] } },
      data: { snoozedUntil: null, deliveredAt: null, digestKey: null },
    });
    const pending = await db.alert.findMany({
      where: { deliveredAt: null, status: { in: ['OPEN', 'ASSIGNED'] } },
      select: ALERT_SELECT,
      orderBy: { createdAt: 'asc' },
    });
    let delivered = 0;
    const byTeam = new Map<string | null, AlertRow[]>();
    for (const a of pending) byTeam.set(a.teamId, [...(byTeam.get(a.teamId) ?? []), a]);
    for (const [teamId, alerts] of byTeam) {
      if (!teamId) {
        for (const a of alerts) if (await sendSingle(a, at)) delivered++;
        continue;
      }
      const d = await delivery(teamId);
      const quiet = inQuietHours(localParts(at, tz).minuteOfDay, d);
      const morning = !quiet && alerts.some((a) => inQuietHours(localParts(a.createdAt, tz).minuteOfDay, d));
      const budget = d.perMinute - (await usedThisMinute(teamId, at));
      const plan = planDelivery(
        alerts.map((a) => ({ id: a.id, severity: a.severity as Severity, createdAt: a.createdAt })),
        budget,
        quiet,
        morning,
      );
      const byId = new Map(alerts.map((a) => [a.id, a]));
      for (const id of plan.single) if (await sendSingle(byId.get(id) as AlertRow, at)) delivered++;
      if (plan.digest.length) delivered += await sendDigest(teamId, plan.digest, morning, at);
    }
    delivered += await escalate(at);
    return delivered;
  }

  /** Unacknowledged critical alerts past the team's escalation time go to the next manager up. */
  async function escalate(at: Date): Promise<number> {
    const due = await db.alert.findMany({
      where: {
        severity: 'critical',
        status: 'OPEN',
        escalationLevel: 0,
        deliveredAt: { not: null },
        snoozedUntil: null,
        teamId: { not: null },
      },
      select: { ...ALERT_SELECT, team: { select: { managerId: true } } },
    });
    let sent = 0;
    for (const alert of due) {
      const d = await delivery(alert.teamId);
      if ((alert.deliveredAt as Date).getTime() + d.escalateAfterMinutes * 60_000 > at.getTime()) continue;
      const managerId = alert.team?.managerId;
      if (!managerId) continue;
      const manager = await db.employee.findUnique({
        where: { id: managerId },
        select: { manager: { select: { id: true, name: true } } },
      });
      const up = manager?.manager;
      if (!up) continue;
      const payload = { ...((alert.payload as object) ?? {}), escalatedTo: up.name } as Prisma.InputJsonValue;
      const { count } = await db.alert.updateMany({
        where: { id: alert.id, escalationLevel: 0 },
        data: { escalationLevel: 1, escalatedAt: at, payload },
      });
      if (!count) continue;
      const fresh = await db.alert.findUniqueOrThrow({ where: { id: alert.id }, select: ALERT_SELECT });
      const card = await view(fresh);
      await kit.notify({ employeeId: up.id }, (t) => alertCard(card, t), { dedupeKey: `alerts:${alert.id}:esc1` });
      await kit.audit.system({
        action: 'alerts.escalate',
        subjectType: 'Alert',
        subjectId: alert.id,
        details: { to: up.id, rule: alert.rule },
      });
      await refresh(alert.id);
      sent++;
    }
    return sent;
  }

  function pump(): Promise<number> {
    // One pass at a time in this process (the row claims keep replicas apart); a call while one
    // runs asks it for one more pass rather than queueing its own, so a storm of raises costs a
    // few passes, not one each.
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      let total = 0;
      do {
        again = false;
        total += await pumpOnce();
      } while (again);
      return total;
    })().finally(() => {
      pumping = null;
    });
    return pumping;
  }

  async function refresh(alertId: string): Promise<void> {
    const alert = await db.alert.findUnique({ where: { id: alertId }, select: ALERT_SELECT });
    if (!alert?.digestKey) return;
    if (alert.digestKey.startsWith('alerts.digest:')) {
      const members = await db.alert.findMany({ where: { digestKey: alert.digestKey }, select: ALERT_SELECT });
      const views = await Promise.all(members.map(view));
      const morning = alert.digestKey.endsWith(':morning');
      await kit.notify.update(alert.digestKey, (t) => alertDigestCard(views, morning, t));
      return;
    }
    const card = await view(alert);
    const keys = [alert.digestKey, `${alert.digestKey}:mgr`, `alerts:${alert.id}:esc1`];
    for (const key of keys) await kit.notify.update(key, (t) => alertCard(card, t));
  }

  return { raise, pump, params, delivery, view, refresh, select: ALERT_SELECT };
}

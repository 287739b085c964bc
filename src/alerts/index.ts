// Anomaly alerts (issue 15): rules evaluated on events (at once) and on a schedule, delivered to
// team group chats within each chat's rate limit, with quiet hours, digests, escalation, and
// Acknowledge / Assign to… / Snooze / Details buttons that update the card in place.
import { ALERT_BUTTONS } from '../../cards/alert-card.js';
import type { Feature } from '../bot/feature.js';
import { serviceToken } from '../kit/index.js';
import { type AlertEngine, createAlertEngine } from './engine.js';
import { createHandlers } from './handlers.js';
import { RULE_META } from './rules.js';
import { raiseSurvey, scanAll } from './scans.js';

export { RULE_IDS, RULE_META, RULE_PARAMS } from './rules.js';

export interface AlertsRuntime {
  engine: AlertEngine;
  /** Runs every scheduled rule now; returns how many alerts were raised or escalated. */
  scan(): Promise<number>;
}
export const ALERTS_RUNTIME = serviceToken<AlertsRuntime>('alerts.runtime');

/** How often waiting alerts are looked at (quiet hours ending, a chat's minute passing, escalations). */
const PUMP_INTERVAL_MS = 10_000;

export const alerts: Feature = (kit) => {
  const engine = createAlertEngine(kit);
  const handlers = createHandlers(kit, engine);
  const scan = () => scanAll(kit, engine);
  kit.services.provide(ALERTS_RUNTIME, { engine, scan });

  // ─── event rules: evaluated as the event is delivered ───
  kit.events.on('survey.answered', 'alerts.survey', async (answer) => {
    await raiseSurvey(engine, answer, kit.db);
  });
  kit.events.on('checkIn.flagged', 'alerts.checkIn', async (flagged) => {
    await engine.raise({
      rule: 'checkIn.flagged',
      decision: {
        key: flagged.checkInId,
        severity: RULE_META['checkIn.flagged'].severity,
        evidence: { flags: flagged.flags.join(', ') },
      },
      employeeId: flagged.employeeId,
    });
  });
  kit.events.on('attendance.missing', 'alerts.attendance', async (missing) => {
    const shiftStartsAt = new Date(missing.shiftStartsAt).toISOString().slice(11, 16);
    await engine.raise({
      rule: 'attendance.missing',
      decision: {
        key: `${missing.employeeId}:${missing.date}`,
        severity: 'warning',
        evidence: { date: missing.date, shiftStartsAt: `${shiftStartsAt} UTC` },
      },
      employeeId: missing.employeeId,
    });
  });
  kit.events.on('probation.atRisk', 'alerts.probation', async (risk) => {
    await engine.raise({
      rule: 'probation.atRisk',
      decision: {
        key: `${risk.employeeId}:${risk.endsOn}`,
        severity: RULE_META['probation.atRisk'].severity,
        evidence: { endsOn: risk.endsOn, missed: risk.missed.length },
      },
      employeeId: risk.employeeId,
    });
  });
  kit.events.on('sync.failed', 'alerts.sync', async (failed) => {
    const p = await engine.params('sync.failed', null);
    if (failed.failures < p.failures) return;
    await engine.raise({
      rule: 'sync.failed',
      decision: {
        key: failed.source,
        severity: 'critical',
        evidence: { sourceName: failed.source, failures: failed.failures, lastError: failed.error },
      },
    });
  });

  // ─── scheduled rules: every ten minutes, once per run key across replicas ───
  kit.jobs.register({
    name: 'alerts.scan',
    cron: '*/10 * * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => new Date(Math.floor(now.getTime() / 600_000) * 600_000).toISOString(),
    run: async () => {
      await scan();
    },
  });

  // ─── delivery ───
  const timer = setInterval(() => {
    engine.pump().catch((err) => kit.logger.error({ err }, 'alert delivery failed'));
  }, PUMP_INTERVAL_MS);
  timer.unref();
  kit.onStop(() => clearInterval(timer));

  // ─── buttons and the command ───
  const MANAGERS = ['MANAGER', 'HR', 'ADMIN'] as const;
  kit.actions.register({ id: ALERT_BUTTONS.ack, roles: MANAGERS, handle: handlers.ack });
  kit.actions.register({ id: ALERT_BUTTONS.assign, roles: MANAGERS, handle: handlers.assignMenu });
  kit.actions.register({ id: 'alerts.assign.to', roles: MANAGERS, handle: handlers.assignTo });
  kit.actions.register({ id: ALERT_BUTTONS.snooze, roles: MANAGERS, handle: handlers.snooze });
  kit.actions.register({ id: ALERT_BUTTONS.details, roles: MANAGERS, handle: handlers.details });
  kit.commands.register({
    id: 'alerts.list',
    aliases: ['alerts', '预警'],
    roles: MANAGERS,
    usage: 'alerts / 预警 [mute <rule> <30m|2h|1d>]',
    describe: 'alerts.command.list',
    handle: handlers.list,
  });
};

// Post-service satisfaction surveys (issue 11): a completed work order gets one invitation and a
// card for its engineer (link, QR code, forwardable text, Resend); the customer answers on
// /s/<token>; answers feed the KPI, low or suspicious ones reach the manager.
import type { Feature } from '../bot/feature.js';
import { serviceToken } from '../kit/index.js';
import { decideCommand, resendAction, statsCommand, surveyCommand } from './commands.js';
import { deviceFingerprint } from './device.js';
import { ensureInvitation, inviteCard, withCode } from './invitations.js';
import { surveyMetrics } from './kpi-metrics.js';
import { reviewAnswer } from './review.js';
import { surveyRoutes } from './routes.js';

export { surveyStats } from './stats.js';
export { surveyMetrics };

export const SURVEY_ACTIONS = { resend: 'surveys.resend' } as const;
export const SURVEY_COMMANDS = { survey: 'surveys.survey', stats: 'surveys.stats' } as const;

/**
 * The device fingerprint survey answers carry, for check-in pages to store on `CheckIn.deviceHash`
 * so an answer from the engineer's own phone is flagged.
 */
export const DEVICE_FINGERPRINT = serviceToken<typeof deviceFingerprint>('surveys.deviceFingerprint');

export const surveys: Feature = (kit) => {
  kit.kpi.metrics(surveyMetrics);
  kit.services.provide(DEVICE_FINGERPRINT, deviceFingerprint);

  kit.events.on('workOrder.completed', 'surveys.invite', async (order) => {
    if (!order.employeeId) return;
    const { invitation } = await ensureInvitation(kit, order.workOrderId, order.employeeId);
    if (invitation.usedAt) return;
    // Listeners run at least once: the dedupe key makes a second run send nothing.
    await kit.notify({ employeeId: order.employeeId }, await inviteCard(kit, invitation), {
      dedupeKey: `surveys.invite:${invitation.id}`,
    });
  });

  kit.events.on('survey.answered', 'surveys.review', (answer) => reviewAnswer(kit, answer.answerId));

  surveyRoutes(kit);

  kit.commands.register({
    id: SURVEY_COMMANDS.survey,
    aliases: ['survey', '问卷'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    usage: 'survey <work order> / 问卷 <工单号>',
    describe: 'surveys.command.survey',
    handle: (ctx) => surveyCommand(kit, ctx),
  });
  kit.commands.register({
    id: SURVEY_COMMANDS.stats,
    aliases: ['surveys', '满意度'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    usage: 'surveys [YYYY-MM] / 满意度 [月份]',
    describe: 'surveys.command.stats',
    handle: (ctx) => statsCommand(kit, ctx),
  });
  kit.commands.extend(SURVEY_COMMANDS.survey, {
    words: ['exclude', '剔除'],
    roles: ['HR'],
    handle: (ctx) => decideCommand(kit, ctx, 'EXCLUDE'),
  });
  kit.commands.extend(SURVEY_COMMANDS.survey, {
    words: ['count', '计入'],
    roles: ['HR'],
    handle: (ctx) => decideCommand(kit, ctx, 'COUNT'),
  });
  kit.actions.register({
    id: SURVEY_ACTIONS.resend,
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    handle: (ctx) => resendAction(kit, ctx),
  });

  // One reminder per unanswered invitation, `reminderHours` after it was sent.
  kit.jobs.register({
    name: 'surveys.remind',
    cron: '*/15 * * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => new Date(Math.floor(now.getTime() / 900_000) * 900_000).toISOString(),
    async run(now) {
      const due = await kit.db.surveyInvitation.findMany({
        where: {
          usedAt: null,
          remindedAt: null,
          code: { not: null },
          sentAt: { lte: new Date(now.getTime() - kit.config.surveys.reminderHours * 3_600_000) },
          expiresAt: { gt: now },
        },
        orderBy: { sentAt: 'asc' },
        take: 200,
        select: {
          id: true,
          code: true,
          workOrderId: true,
          employeeId: true,
          sentAt: true,
          expiresAt: true,
          usedAt: true,
        },
      });
      for (const found of due) {
        const invitation = await withCode(kit, found);
        await kit.notify({ employeeId: invitation.employeeId }, await inviteCard(kit, invitation, { reminder: true }), {
          dedupeKey: `surveys.remind:${invitation.id}`,
        });
        await kit.db.surveyInvitation.update({ where: { id: invitation.id }, data: { remindedAt: now } });
      }
    },
  });
};

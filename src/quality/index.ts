// The quality loop (seed 002): graded errors with attribution, appeals with review. Only errors
// attributed to the person cost them KPI points; the rest go to the manager's process list.
import { QUALITY_ACTIONS } from '../../cards/quality-cards.js';
import type { Feature } from '../bot/feature.js';
import { localParts } from '../time/zoned.js';
import { caseHandlers } from './cases.js';
import { escalateOverdueAppeals } from './escalate.js';
import { qualityHandlers } from './handlers.js';
import { qualityMetrics } from './kpi-metrics.js';

export { qualityMetrics };

export const quality: Feature = (kit) => {
  kit.kpi.metrics(qualityMetrics);
  const h = qualityHandlers(kit);
  kit.commands.register({
    id: 'quality.error',
    aliases: ['error', '差错', '记录差错'],
    roles: ['MANAGER', 'HR'],
    usage: 'error <person> <major|minor> <person|process|system|training> <category> <description>',
    describe: 'quality.command.error',
    handle: h.recordError,
  });
  kit.commands.register({
    id: 'quality.errors',
    aliases: ['errors', '我的差错', '差错列表'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    describe: 'quality.command.errors',
    handle: h.listErrors,
  });
  kit.commands.register({
    id: 'quality.appeal',
    aliases: ['appeal', '申诉'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    usage: 'appeal <ref> <statement>',
    describe: 'quality.command.appeal',
    handle: h.appealCommand,
  });
  kit.commands.register({
    id: 'quality.appeals',
    aliases: ['appeals', '申诉审核'],
    roles: ['MANAGER', 'HR'],
    describe: 'quality.command.appeals',
    handle: h.listAppeals,
  });
  const cases = caseHandlers(kit);
  kit.commands.register({
    id: 'quality.cases',
    aliases: ['cases', '案例', '案例库'],
    roles: ['EMPLOYEE', 'MANAGER', 'HR'],
    usage: 'cases [keyword]',
    describe: 'quality.command.cases',
    handle: cases.cases,
  });
  kit.jobs.register({
    name: 'quality.appeals.escalate',
    cron: '5 * * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => {
      const p = localParts(now, kit.config.timeZone);
      return `${p.date}T${String(Math.floor(p.minuteOfDay / 60)).padStart(2, '0')}`;
    },
    run: async (now) => void (await escalateOverdueAppeals(kit, now)),
  });
  const everyone = ['EMPLOYEE', 'MANAGER', 'HR'] as const;
  kit.actions.register({ id: QUALITY_ACTIONS.appealOpen, roles: everyone, handle: h.openAppeal });
  kit.actions.register({ id: QUALITY_ACTIONS.appealSubmit, roles: everyone, handle: h.submitAppeal });
  kit.actions.register({ id: QUALITY_ACTIONS.decideOpen, roles: ['MANAGER', 'HR'], handle: h.openDecision });
  kit.actions.register({ id: QUALITY_ACTIONS.decideSubmit, roles: ['MANAGER', 'HR'], handle: h.submitDecision });
};

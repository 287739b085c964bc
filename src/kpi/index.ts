// The KPI feature: `kpi` / `绩效`, `team` / `团队`, `kpi weights` / `权重`, the "why" button,
// jobs, and the debounced recompute that `record.changed` events trigger.
import { KPI_WHY_ACTION } from '../../cards/kpi-card.js';
import { KPI_WEIGHTS_EDIT_ACTION } from '../../cards/kpi-weights-card.js';
import { KPI_WEIGHTS_SAVE_ACTION } from '../../cards/kpi-weights-form-card.js';
import type { Feature } from '../bot/feature.js';
import type { Role } from '../db/generated/sqlite/enums.js';
import { previousPeriod } from '../time/zoned.js';
import { currentPeriod, type KpiContext, type KpiDeps, parsePeriod } from './context.js';
import { showCard, showWhy } from './handlers-card.js';
import { showTeam } from './handlers-team.js';
import { weights } from './handlers-weights.js';
import { editWeights, saveWeightsForm } from './handlers-weights-form.js';
import { registerKpiJobs } from './jobs.js';
import { ensureDefaultModels } from './models.js';
import { KpiScheduler } from './scheduler.js';

export const KPI_ACTIONS = {
  open: 'kpi.card.open',
  why: KPI_WHY_ACTION,
  weightsEdit: KPI_WEIGHTS_EDIT_ACTION,
  weightsSave: KPI_WEIGHTS_SAVE_ACTION,
} as const;
export const KPI_COMMANDS = { card: 'kpi.card', team: 'kpi.team', weights: 'kpi.weights' } as const;
export type { KpiDeps } from './context.js';
export { nightlyRecompute, weeklySnapshot } from './jobs.js';

const EVERYONE: Role[] = ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'];

export const kpi: Feature = (kit) => {
  const deps: KpiDeps = {
    db: kit.db,
    provider: kit.provider,
    audit: kit.audit,
    logger: kit.logger,
    now: kit.now,
    timeZone: kit.config.timeZone,
    access: kit.access,
  };
  let defaults: Promise<void> | null = null;
  // Default models are imported on first use, for the period before "now" so both demo months resolve.
  const ready = () =>
    (defaults ??= ensureDefaultModels(deps.db, previousPeriod(currentPeriod(deps.now(), kit.config.timeZone))).then(
      () => undefined,
      (err) => {
        defaults = null;
        throw err;
      },
    ));
  const context: KpiContext = {
    deps,
    engine: { db: deps.db, provider: deps.provider, logger: deps.logger, now: deps.now },
    ready,
  };
  const scheduler = new KpiScheduler(context.engine, deps.logger, ready);
  kit.onStop(() => scheduler.stop());

  kit.commands.register({
    id: KPI_COMMANDS.card,
    aliases: ['kpi', '绩效'],
    roles: EVERYONE,
    usage: 'kpi / 绩效 [YYYY-MM]',
    describe: 'kpi.command.kpi',
    handle: (ctx) => showCard(context, ctx, parsePeriod(ctx.args[0], ctx.actor, ctx.now)),
  });
  kit.commands.extend(KPI_COMMANDS.card, {
    words: ['weights', '权重'],
    roles: EVERYONE,
    handle: (ctx) => weights(context, ctx, ctx.args),
  });
  kit.commands.register({
    id: KPI_COMMANDS.team,
    aliases: ['team', '团队'],
    roles: ['MANAGER', 'HR', 'ADMIN'],
    usage: 'team / 团队 [团队名] [YYYY-MM]',
    describe: 'kpi.command.team',
    handle: (ctx) => showTeam(context, ctx),
  });
  kit.commands.register({
    id: KPI_COMMANDS.weights,
    aliases: ['weights', '权重'],
    roles: ['HR', 'ADMIN'],
    usage: 'kpi weights <model> <YYYY-MM> <metric>=<%> … reason: <…>',
    describe: 'kpi.command.weights',
    handle: (ctx) => weights(context, ctx, ctx.args),
  });
  kit.actions.register({
    id: KPI_ACTIONS.open,
    roles: EVERYONE,
    handle: (ctx) => showCard(context, ctx, currentPeriod(ctx.now, ctx.actor.timeZone)),
  });
  kit.actions.register({ id: KPI_ACTIONS.why, roles: EVERYONE, handle: (ctx) => showWhy(context, ctx) });
  kit.actions.register({
    id: KPI_ACTIONS.weightsEdit,
    roles: ['HR', 'ADMIN'],
    handle: (ctx) => editWeights(context, ctx),
  });
  kit.actions.register({
    id: KPI_ACTIONS.weightsSave,
    roles: ['HR', 'ADMIN'],
    handle: (ctx) => saveWeightsForm(context, ctx),
  });
  registerKpiJobs(context, kit.jobs);
  // A changed input record (a work order, a survey answer, a check-in) rescores its person's period.
  kit.events.on('record.changed', 'kpi.recompute', async (change) => {
    scheduler.markDirty(change.employeeId, currentPeriod(new Date(change.at), kit.config.timeZone));
  });
};

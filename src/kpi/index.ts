// The KPI feature: `kpi` / `绩效`, `team` / `团队`, `kpi weights` / `权重`, the "why" button,
// jobs, and the debounced recompute that `record.changed` events trigger.
import type { Feature } from '../bot/feature.js';
import type { Role } from '../db/generated/sqlite/enums.js';
import { createFileService } from '../files/index.js';
import { serviceToken } from '../kit/index.js';
import { currentPeriod, periodArgument, previousPeriod, splitPeriod } from '../time/period.js';
import type { KpiContext, KpiDeps } from './context.js';
import { showCard } from './handlers-card.js';
import { showTeam } from './handlers-team.js';
import { weights } from './handlers-weights.js';
import { editWeights, saveWeightsForm } from './handlers-weights-form.js';
import { exportWhy, showWhy } from './handlers-why.js';
import { registerKpiJobs } from './jobs.js';
import type { MetricRegistry } from './metrics/index.js';
import { ensureDefaultModels } from './models.js';
import { onRecordsChanged, type RecordsChanged } from './record-changes.js';
import { KpiScheduler } from './scheduler.js';

/** The KPI feature's action ids, declared once; cards get them in their view. */
export const KPI_ACTIONS = {
  open: 'kpi.card.open',
  why: 'kpi.why',
  whyExport: 'kpi.why.export',
  weightsEdit: 'kpi.weights.edit',
  weightsSave: 'kpi.weights.save',
} as const;
export const KPI_COMMANDS = { card: 'kpi.card', team: 'kpi.team', weights: 'kpi.weights' } as const;
export type { Calendar } from './calendar.js';
export type { KpiDeps } from './context.js';
export { nightlyRecompute, weeklySnapshot } from './jobs.js';
export type {
  Dialect,
  GroupedQuery,
  MetricCatalogue,
  MetricFamily,
  MetricRegistry,
  MetricSpec,
  MetricWindow,
  WhyContext,
  WhyEffect,
  WhyList,
  WhyQuery,
  WhyRow,
} from './metrics/index.js';
export { combineWhy, createMetricRegistry, empty, grouped, join, only, raw, sql, whyExcerpt } from './metrics/index.js';
export type { RecordsChanged } from './record-changes.js';
export { ruleMetric } from './validate-model.js';

/** The KPI engine as other parts of the app drive it: scripts, jobs' tests, operators. */
export interface KpiRuntime {
  context: KpiContext;
  metrics: MetricRegistry;
  scheduler: KpiScheduler;
  /** A KPI input changed: its people are recomputed after a short quiet. */
  onRecordsChanged(change: RecordsChanged): void;
}
export const KPI_RUNTIME = serviceToken<KpiRuntime>('kpi.runtime');

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
    metrics: kit.kpi.registry,
    recomputeDelayMs: kit.kpi.recomputeDelayMs,
  };
  let defaults: Promise<void> | null = null;
  // Default models are imported on first use, for the period before "now" so both demo months resolve.
  const ready = () =>
    (defaults ??= ensureDefaultModels(
      deps.db,
      previousPeriod(currentPeriod(deps.now(), kit.config.timeZone)),
      deps.metrics,
    ).then(
      () => undefined,
      (err) => {
        defaults = null;
        throw err;
      },
    ));
  const engine = {
    db: deps.db,
    provider: deps.provider,
    logger: deps.logger,
    now: deps.now,
    metrics: deps.metrics,
    databaseUrl: kit.kpi.databaseUrl,
  };
  const scheduler = new KpiScheduler(engine, deps.logger, ready, deps.recomputeDelayMs);
  const context: KpiContext = { deps, engine, ready, scheduler };
  kit.onStop(() => scheduler.stop());
  kit.services.provide(KPI_RUNTIME, {
    context,
    metrics: deps.metrics,
    scheduler,
    onRecordsChanged: (change) => onRecordsChanged(scheduler, change),
  });

  kit.commands.register({
    id: KPI_COMMANDS.card,
    aliases: ['kpi', '绩效'],
    roles: EVERYONE,
    usage: 'kpi / 绩效 [YYYY-MM]',
    describe: 'kpi.command.kpi',
    handle: (ctx) => {
      const { period, rest } = splitPeriod(ctx.args, ctx.now, ctx.actor.timeZone);
      // a word that is no month ("kpi foo") is refused as a month, as before
      return showCard(
        context,
        ctx,
        rest[0] === undefined ? period : periodArgument(rest[0], ctx.now, ctx.actor.timeZone),
      );
    },
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
  const whyActions = { why: KPI_ACTIONS.why, export: KPI_ACTIONS.whyExport };
  kit.actions.register({ id: KPI_ACTIONS.why, roles: EVERYONE, handle: (ctx) => showWhy(context, ctx, whyActions) });
  const files = createFileService({ db: kit.db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links });
  kit.actions.register({ id: KPI_ACTIONS.whyExport, roles: EVERYONE, handle: (ctx) => exportWhy(context, ctx, files) });
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
    onRecordsChanged(scheduler, { employeeIds: [change.employeeId], occurredAt: new Date(change.at) });
  });
};

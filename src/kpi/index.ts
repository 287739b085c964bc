// The KPI feature: `kpi` / `绩效`, `team` / `团队`, `kpi weights` / `权重`, the "why" button,
// jobs and the debounced recompute other features trigger with `markDirty`.
import type { Card } from '../../cards/card.js';
import { refuse } from '../audit/refuse.js';
import { allows } from '../bot/actor.js';
import type { Bot } from '../bot/bot.js';
import type { CommandContext } from '../bot/registry.js';
import type { Role } from '../db/generated/sqlite/enums.js';
import { KaopuError } from '../errors.js';
import { currentPeriod, periodArgument, previousPeriod } from '../time/period.js';
import type { KpiContext, KpiDeps } from './context.js';
import { showCard, showWhy } from './handlers-card.js';
import { showTeam } from './handlers-team.js';
import { weights } from './handlers-weights.js';
import { editWeights, saveWeightsForm } from './handlers-weights-form.js';
import { registerKpiJobs } from './jobs.js';
import type { MetricRegistry } from './metrics/index.js';
import { ensureDefaultModels } from './models.js';
import { onRecordsChanged, type RecordsChanged } from './record-changes.js';
import { KpiScheduler } from './scheduler.js';

/** The KPI feature's action ids, declared once; cards get them in their view. */
export const KPI_ACTIONS = {
  open: 'kpi.card.open',
  why: 'kpi.why',
  weightsEdit: 'kpi.weights.edit',
  weightsSave: 'kpi.weights.save',
} as const;
export const KPI_COMMANDS = { card: 'kpi.card', team: 'kpi.team', weights: 'kpi.weights' } as const;
export { workdayDates } from './calendar.js';
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
  WhyQuery,
  WhyRow,
} from './metrics/index.js';
export { createMetricRegistry, empty, grouped, join, only, raw, sql, whyExcerpt } from './metrics/index.js';
export type { RecordsChanged } from './record-changes.js';

const EVERYONE: Role[] = ['EMPLOYEE', 'MANAGER', 'HR', 'ADMIN'];

/** A `kpi <word> …` subcommand another feature adds (e.g. `kpi close`). */
export interface KpiSubcommand {
  roles: readonly Role[];
  handle(ctx: CommandContext): Promise<Card[]>;
}

export interface KpiFeature {
  context: KpiContext;
  /** The metric families the engine reads; `kit.kpi.metrics(family)` registers here. */
  metrics: MetricRegistry;
  scheduler: KpiScheduler;
  /** A KPI input changed (the kit's `record.changed`): its people are recomputed after a short quiet. */
  onRecordsChanged(change: RecordsChanged): void;
  /** Adds `kpi <word>`; the word is removed from ctx.args. */
  subcommand(word: string, spec: KpiSubcommand): void;
  stop(): void;
}

export function kpi(bot: Bot, deps: KpiDeps): KpiFeature {
  let defaults: Promise<void> | null = null;
  // Default models are imported on first use, for the period before "now" so both demo months resolve.
  const ready = () =>
    (defaults ??= ensureDefaultModels(
      deps.db,
      previousPeriod(currentPeriod(deps.now(), deps.timeZone ?? 'Asia/Shanghai')),
      deps.metrics,
    ).then(
      () => undefined,
      (err) => {
        defaults = null;
        throw err;
      },
    ));
  const engine = { db: deps.db, provider: deps.provider, logger: deps.logger, now: deps.now, metrics: deps.metrics };
  const scheduler = new KpiScheduler(engine, deps.logger, ready, deps.recomputeDelayMs);
  const context: KpiContext = { deps, engine, ready, scheduler };
  const subcommands = new Map<string, KpiSubcommand>();
  subcommands.set('weights', { roles: EVERYONE, handle: (ctx) => weights(context, ctx, ctx.args) });
  subcommands.set('权重', { roles: EVERYONE, handle: (ctx) => weights(context, ctx, ctx.args) });

  bot.registry.command({
    id: KPI_COMMANDS.card,
    aliases: ['kpi', '绩效'],
    roles: EVERYONE,
    usage: 'kpi / 绩效 [YYYY-MM]',
    describe: 'kpi.command.kpi',
    async handle(ctx) {
      const sub = ctx.args[0] ? subcommands.get(ctx.args[0].toLowerCase()) : undefined;
      if (sub && ctx.args[0]) {
        if (!allows(sub.roles, ctx.actor.role)) {
          return refuse(
            deps.audit,
            ctx,
            { action: 'bot.refused', subjectType: 'command', subjectId: `kpi.${ctx.args[0]}` },
            new KaopuError('bot.forbidden', {
              status: 403,
              params: { role: ctx.t(`role.${ctx.actor.role}`), command: `kpi ${ctx.args[0].slice(0, 20)}` },
            }),
          );
        }
        return sub.handle({ ...ctx, args: ctx.args.slice(1) });
      }
      return showCard(context, ctx, periodArgument(ctx.args[0], ctx.now, ctx.actor.timeZone));
    },
  });
  bot.registry.command({
    id: KPI_COMMANDS.team,
    aliases: ['team', '团队'],
    roles: ['MANAGER', 'HR', 'ADMIN'],
    usage: 'team / 团队 [团队名] [YYYY-MM]',
    describe: 'kpi.command.team',
    handle: (ctx) => showTeam(context, ctx),
  });
  bot.registry.command({
    id: KPI_COMMANDS.weights,
    aliases: ['weights', '权重'],
    roles: ['HR', 'ADMIN'],
    usage: 'kpi weights <model> <YYYY-MM> <metric>=<%> … reason: <…>',
    describe: 'kpi.command.weights',
    handle: (ctx) => weights(context, ctx, ctx.args),
  });
  bot.registry.action({
    id: KPI_ACTIONS.open,
    roles: EVERYONE,
    handle: (ctx) => showCard(context, ctx, currentPeriod(ctx.now, ctx.actor.timeZone)),
  });
  bot.registry.action({ id: KPI_ACTIONS.why, roles: EVERYONE, handle: (ctx) => showWhy(context, ctx) });
  bot.registry.action({
    id: KPI_ACTIONS.weightsEdit,
    roles: ['HR', 'ADMIN'],
    handle: (ctx) => editWeights(context, ctx),
  });
  bot.registry.action({
    id: KPI_ACTIONS.weightsSave,
    roles: ['HR', 'ADMIN'],
    handle: (ctx) => saveWeightsForm(context, ctx),
  });

  if (deps.jobs) registerKpiJobs(context, deps.jobs);
  return {
    context,
    metrics: deps.metrics,
    scheduler,
    onRecordsChanged: (change) => onRecordsChanged(scheduler, change),
    subcommand(word, spec) {
      subcommands.set(word.toLowerCase(), spec);
    },
    stop() {
      scheduler.stop();
    },
  };
}

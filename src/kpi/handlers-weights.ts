// `kpi weights` / `权重`: HR views a model and changes weights for one period, audited.
import type { Card } from '../../cards/card.js';
import { kpiWeightsCard } from '../../cards/kpi-weights-card.js';
import { noticeCard } from '../../cards/notice-card.js';
import { refuse } from '../audit/refuse.js';
import type { CommandContext, HandlerContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { splitPeriod } from '../time/period.js';
import { computePeriod } from './compute.js';
import type { KpiContext } from './context.js';
import { KPI_ACTIONS } from './index.js';
import type { MetricRegistry } from './metrics/index.js';
import { checkModel, importModel } from './models.js';
import { resolveVersion } from './resolve.js';
import { type ModelDefinition, modelSchema, weightsArgsSchema } from './schemas.js';
import { listVersions, periodClosed, versionDefinition } from './store.js';
import { listModelsWithVersions } from './store-views.js';

const CHANGE = /^([a-z_]+)=(\d+(?:\.\d+)?)%?$/;

/** A model's definition in force for a period, as the weights card and form show it. */
export interface WeightsModel {
  code: string;
  period: string;
  version: number;
  scope: string;
  current: ModelDefinition;
}

/** Only HR (and admins) see or change weights; a refusal is audited. */
export async function requireWeightsRole(kpi: KpiContext, ctx: HandlerContext, subjectId: string): Promise<void> {
  if (ctx.actor.role === 'HR' || ctx.actor.role === 'ADMIN') return;
  await refuse(
    kpi.deps.audit,
    ctx,
    { action: 'kpi.weights.refused', subjectType: 'command', subjectId },
    new KaopuError('kpi.weights.forbidden', { status: 403 }),
  );
}

/** args: [model?, period?, metric=pct…, reason: …] (the "weights" word already removed). */
export async function weights(kpi: KpiContext, ctx: CommandContext, args: string[]): Promise<Card[]> {
  const { t, actor, now } = ctx;
  await requireWeightsRole(kpi, ctx, 'kpi.weights');
  await kpi.ready();
  const [code, ...rest] = args;
  if (!code) {
    const list = (await listModelsWithVersions(kpi.deps.db)).map((m) => m.code).join(', ');
    // The weight models are HR's configuration, not for a group chat.
    return [{ ...noticeCard({ body: t('kpi.weights.models', { list }) }, t), audience: 'personal' }];
  }
  const reasonAt = rest.findIndex((a) => /^(reason|原因)[:：]/i.test(a));
  const reason =
    reasonAt < 0
      ? ''
      : rest
          .slice(reasonAt)
          .join(' ')
          .replace(/^(reason|原因)[:：]\s*/i, '')
          .trim();
  const words = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
  const { period } = splitPeriod(words, now, actor.timeZone);
  const changes = words.flatMap((w) => {
    const m = CHANGE.exec(w);
    return m ? [{ metric: m[1] as string, weight: Number(m[2]) }] : [];
  });
  const model = await loadWeightsModel(kpi, code, period);
  if (changes.length === 0)
    return [view(model.current, period, model.version, model.scope, null, false, t, kpi.engine.metrics)];
  return saveWeights(kpi, ctx, model, changes, reason);
}

/** The model `code` as it stands for `period`; unknown codes name the models that exist. */
export async function loadWeightsModel(kpi: KpiContext, code: string, period: string): Promise<WeightsModel> {
  const { db } = kpi.deps;
  const models = await listModelsWithVersions(db);
  const list = models.map((m) => m.code).join(', ');
  const model = models.find((m) => m.code === code);
  const version =
    model &&
    resolveVersion(
      (await listVersions(db)).filter((v) => v.modelCode === code),
      period,
    );
  if (!model || !version)
    throw new KaopuError('kpi.weights.unknown_model', { params: { model: code.slice(0, 40), list } });
  const current = modelSchema.parse(await versionDefinition(db, version.id));
  const scope = [model.department?.name, model.position?.name].filter(Boolean).join(' / ');
  return { code, period, version: version.version, scope, current };
}

/**
 * Applies weight changes as a new model version for the period: the one path both the command
 * and the edit form take, so both validate, audit and recompute the same way.
 */
export async function saveWeights(
  kpi: KpiContext,
  ctx: HandlerContext,
  model: WeightsModel,
  changes: { metric: string; weight: number }[],
  reason: string,
): Promise<Card[]> {
  const { db, audit } = kpi.deps;
  const { actor, t } = ctx;
  const { code, period, current, scope } = model;
  const parsed = weightsArgsSchema.safeParse({ model: code, period, changes, reason });
  if (!parsed.success) throw new KaopuError('kpi.weights.usage');
  if (await periodClosed(db, period)) throw new KaopuError('kpi.weights.closed', { params: { period } });
  for (const c of changes) {
    if (!current.metrics.some((m) => m.metric === c.metric))
      throw new KaopuError('kpi.weights.unknown_metric', { params: { metric: c.metric } });
  }
  const next: ModelDefinition = {
    ...current,
    metrics: current.metrics
      .map((m) => ({ ...m, weight: changes.find((c) => c.metric === m.metric)?.weight ?? m.weight }))
      .filter((m) => m.weight > 0),
  };
  const sum = Math.round(next.metrics.reduce((s, m) => s + m.weight, 0) * 100) / 100;
  if (sum !== 100) throw new KaopuError('kpi.weights.sum', { params: { sum } });
  const check = checkModel(next, kpi.engine.metrics);
  if (!check.ok) throw new KaopuError('kpi.weights.usage');
  const saved = await importModel(db, check.model, { period, createdById: actor.id, reason });
  if (!saved.ok) throw new KaopuError('kpi.weights.usage');
  await audit({
    actorId: actor.id,
    actorKind: 'employee',
    action: 'kpi.weights.changed',
    subjectType: 'KpiModelVersion',
    subjectId: saved.version.id,
    channel: ctx.event.platform,
    details: {
      model: code,
      period,
      version: saved.version.version,
      changes: changes.map((c) => ({
        metric: c.metric,
        from: current.metrics.find((m) => m.metric === c.metric)?.weight,
        to: c.weight,
      })),
      reason,
    },
  });
  await computePeriod(kpi.engine, period);
  return [view(check.model, period, saved.version.version, scope, reason, true, t, kpi.engine.metrics)];
}

function view(
  model: ModelDefinition,
  period: string,
  version: number,
  scope: string,
  reason: string | null,
  saved: boolean,
  t: CommandContext['t'],
  metrics: MetricRegistry,
) {
  return kpiWeightsCard(
    {
      editActionId: KPI_ACTIONS.weightsEdit,
      modelCode: model.code,
      modelName: model.name,
      period,
      version,
      scope,
      reason,
      saved,
      metrics: model.metrics.map((m) => ({
        code: m.metric,
        weight: m.weight,
        target: m.target ?? null,
        unit: metrics.spec(m.metric).unit,
        curve: m.curve.type,
      })),
    },
    t,
  );
}

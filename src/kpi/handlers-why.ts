// The "why" button, its "more" pages and its workbook: the records behind a figure or a deduction.
import type { Card } from '../../cards/card.js';
import { kpiWhyCard, kpiWhyExportCard } from '../../cards/kpi-why-card.js';
import { formatWhyEffect } from '../../cards/why-format.js';
import { refuse } from '../audit/refuse.js';
import type { ActionContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { type FileService, publishWorkbook } from '../files/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import type { KpiContext } from './context.js';
import { type ExplainedFigure, explainFigure, loadResultForWhy } from './why.js';

/** Rows per chat page: a phone screen's worth. */
export const WHY_PAGE = 8;

/** The action value of a "why" page: result, metric or rule, first row. */
export const whyValue = (resultId: string, key: string, offset = 0) =>
  offset > 0 ? `${resultId}|${key}|${offset}` : `${resultId}|${key}`;

async function explained(kpi: KpiContext, ctx: ActionContext, action: string) {
  const { db, audit } = kpi.deps;
  const { actor } = ctx;
  const [resultId, key, offsetText] = (ctx.value ?? '').split('|');
  const result = resultId ? await loadResultForWhy(db, resultId) : null;
  if (!result || !key) throw new KaopuError('kpi.why.gone');
  const details = { period: result.period, metric: key };
  if (!(await kpi.deps.access.employee(actor, result.employeeId))) {
    await refuse(
      audit,
      ctx,
      { action: 'kpi.why.refused', subjectType: 'KpiResult', subjectId: result.id, details },
      new KaopuError('kpi.why.forbidden', { status: 403 }),
    );
  }
  if (actor.id !== result.employeeId) {
    await audit({
      actorId: actor.id,
      actorKind: 'employee',
      action,
      subjectType: 'KpiResult',
      subjectId: result.id,
      channel: ctx.event.platform,
      details,
    });
  }
  const figure = await explainFigure(db, kpi.deps.metrics, result, key);
  if (!figure) throw new KaopuError('kpi.why.gone');
  const offset = Math.max(0, Math.min(Number.parseInt(offsetText ?? '0', 10) || 0, figure.list.rows.length));
  return { figure, key, offset };
}

export async function showWhy(
  kpi: KpiContext,
  ctx: ActionContext,
  actions: { why: string; export: string },
): Promise<Card[]> {
  const { figure, key, offset } = await explained(kpi, ctx, 'kpi.why.read');
  const { list, source, result } = figure;
  const rows = list.rows.slice(offset, offset + WHY_PAGE);
  const next = offset + rows.length;
  return [
    kpiWhyCard(
      {
        name: result.employeeName,
        period: result.period,
        metric: source.metric,
        figure:
          source.kind === 'metric'
            ? { kind: 'metric', value: source.scored.value, unit: source.scored.unit }
            : { kind: 'rule', count: source.applied.count, points: source.applied.points, bonus: source.bonus },
        combine: list.combine,
        total: list.rows.length,
        offset,
        rows,
        timeZone: ctx.actor.timeZone,
        more: next < list.rows.length ? { actionId: actions.why, value: whyValue(result.id, key, next) } : null,
        exportAction: list.rows.length > 0 ? { actionId: actions.export, value: whyValue(result.id, key) } : null,
      },
      ctx.t,
    ),
  ];
}

/** Every row of a figure's "why" as a table in the reader's words. */
export function whyTable(figure: ExplainedFigure, ctx: Pick<ActionContext, 't'>, timeZone: string) {
  const { t } = ctx;
  return {
    name: t('why.export.sheet'),
    columns: [
      t('why.export.col.ref'),
      t('why.export.col.time'),
      t('why.export.col.effect'),
      t('why.export.col.part'),
      t('why.export.col.hurts'),
      t('why.export.col.detail'),
    ],
    rows: figure.list.rows.map((r) => [
      r.ref,
      formatLocalTime(r.at, timeZone),
      formatWhyEffect(r.effect, t, timeZone),
      Math.round(r.part * 100) / 100,
      r.hurts ? t('why.yes') : t('why.no'),
      r.detail,
    ]),
  };
}

export async function exportWhy(kpi: KpiContext, ctx: ActionContext, files: FileService): Promise<Card[]> {
  const { figure } = await explained(kpi, ctx, 'kpi.why.exported');
  const { result, source, list } = figure;
  const url = await publishWorkbook(files, {
    kind: 'kpi.why',
    baseName: `why-${source.metric}-${result.period}`,
    sheets: [whyTable(figure, ctx, ctx.actor.timeZone)],
    requestedById: ctx.actor.id,
    now: ctx.now,
  });
  return [
    kpiWhyExportCard(
      {
        name: result.employeeName,
        metric: source.metric,
        period: result.period,
        count: list.rows.length,
        url,
        ttlHours: files.ttlHours,
      },
      ctx.t,
    ),
  ];
}

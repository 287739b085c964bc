// The probation report (试用期报表): everyone on probation the asker may see, days left, and each
// criterion of their position met or missed against this month's KPI results, with the records
// behind a missed one. Criteria name KPI metrics (ProbationCriterion.metric).
import type { FeatureKit } from '../bot/feature.js';
import type { HandlerContext } from '../bot/registry.js';
import { currentPeriod } from '../time/period.js';
import { localDate } from '../time/zoned.js';

export interface CriterionResult {
  description: string;
  metric: string;
  comparator: string;
  threshold: number;
  /** null: no result for the metric this month (no records yet). */
  value: number | null;
  met: boolean | null;
  recordIds: string[];
}

export interface ProbationRow {
  employeeId: string;
  name: string;
  employeeNo: string;
  position: string;
  endsOn: string;
  daysLeft: number;
  criteria: CriterionResult[];
}

/** Whether `value` meets `comparator threshold`; unknown comparators never pass silently. */
export function meets(value: number, comparator: string, threshold: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    default:
      return false;
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

interface StoredMetric {
  metric: string;
  value: number | null;
  recordIds: string[];
}

export async function probationRows(
  kit: FeatureKit,
  ctx: Pick<HandlerContext, 'actor' | 'now'>,
): Promise<ProbationRow[]> {
  const scope = await kit.access.scope(ctx.actor);
  const people = await kit.db.employee.findMany({
    where: { status: 'PROBATION', ...(scope.all ? {} : { id: { in: [...scope.employeeIds] } }) },
    select: {
      id: true,
      name: true,
      employeeNo: true,
      probationEndDate: true,
      positionId: true,
      position: { select: { name: true } },
    },
    orderBy: { probationEndDate: 'asc' },
  });
  const today = localDate(ctx.now, ctx.actor.timeZone);
  const period = currentPeriod(ctx.now, ctx.actor.timeZone);
  const positionIds = [...new Set(people.map((p) => p.positionId).filter((id): id is string => Boolean(id)))];
  const [criteria, results] = await Promise.all([
    kit.db.probationCriterion.findMany({ where: { positionId: { in: positionIds } }, orderBy: { id: 'asc' } }),
    kit.db.kpiResult.findMany({
      where: { period, employeeId: { in: people.map((p) => p.id) } },
      select: { employeeId: true, inputs: true },
    }),
  ]);
  const metricsOf = new Map(
    results.map((r) => [r.employeeId, ((r.inputs as { metrics?: StoredMetric[] }).metrics ?? []) as StoredMetric[]]),
  );
  return people.map((p) => {
    const metrics = metricsOf.get(p.id) ?? [];
    const endsOn = p.probationEndDate ?? today;
    return {
      employeeId: p.id,
      name: p.name,
      employeeNo: p.employeeNo,
      position: p.position?.name ?? '—',
      endsOn,
      daysLeft: daysBetween(today, endsOn),
      criteria: criteria
        .filter((c) => c.positionId === p.positionId)
        .map((c) => {
          const m = metrics.find((x) => x.metric === c.metric);
          const value = m?.value ?? null;
          return {
            description: c.description,
            metric: c.metric,
            comparator: c.comparator,
            threshold: c.threshold,
            value,
            met: value === null ? null : meets(value, c.comparator, c.threshold),
            recordIds: m?.recordIds ?? [],
          };
        }),
    };
  });
}

// The "why" of a stored result: for a metric or a deduction/bonus rule, the records behind it as
// the owning metric family explains them (WhyList), the ones that hurt first. Read-only: it
// loads the records by the ids stored with the result, so it explains exactly what was scored.
import type { Db } from '../db/client.js';
import { periodDates, periodRange } from '../time/period.js';
import { localDate, zonedTime } from '../time/zoned.js';
import { periodCalendar } from './calendar.js';
import type { MetricRegistry, WhyContext, WhyList } from './metrics/index.js';
import type { KpiInputs, RuleApplied, ScoredMetric } from './rules.js';
import { type ModelDefinition, modelSchema } from './schemas.js';
import { versionDefinition } from './store.js';
import { ruleMetric } from './validate-model.js';

export type WhySource =
  | { kind: 'metric'; metric: string; scored: ScoredMetric }
  | { kind: 'rule'; metric: string; applied: RuleApplied; bonus: boolean };

export interface ExplainedFigure {
  result: { id: string; employeeId: string; period: string; employeeName: string; teamId: string | null };
  source: WhySource;
  list: WhyList;
}

export async function loadResultForWhy(db: Db, id: string) {
  return db.kpiResult.findUnique({
    where: { id },
    select: {
      id: true,
      employeeId: true,
      period: true,
      inputs: true,
      computedAt: true,
      modelVersionId: true,
      employee: { select: { name: true, teamId: true, timeZone: true, hireDate: true, leftDate: true } },
    },
  });
}
type ResultForWhy = NonNullable<Awaited<ReturnType<typeof loadResultForWhy>>>;

/** A metric code or a rule name (`late`, `error.MAJOR`) of the result, or null when it has neither. */
export function whySource(inputs: KpiInputs, key: string): WhySource | null {
  const scored = inputs.metrics.find((m) => m.metric === key);
  if (scored) return { kind: 'metric', metric: key, scored };
  for (const [list, bonus] of [
    [inputs.deductions, false],
    [inputs.bonuses, true],
  ] as const) {
    const applied = list.find((d) => d.rule === key);
    if (applied) return { kind: 'rule', metric: ruleMetric(applied.rule), applied, bonus };
  }
  return null;
}

/** The workdays the figure judged: employed days up to the last whole day before it was computed. */
async function judgedWorkdays(db: Db, result: ResultForWhy): Promise<string[]> {
  const zone = result.employee.timeZone;
  const { first, last } = periodDates(result.period);
  const end = new Date(Math.min(result.computedAt.getTime(), periodRange(result.period, zone).end.getTime()));
  const dayEnd = new Date(Math.min(end.getTime(), zonedTime(localDate(result.computedAt, zone), 0, zone).getTime()));
  const lastFullDay = localDate(new Date(dayEnd.getTime() - 1), zone);
  // dates as "YYYY-MM-DD" sort as they fall: the later start, the earlier end
  const from = [result.employee.hireDate, first].sort()[1] as string;
  let to = [lastFullDay, last].sort()[0] as string;
  if (result.employee.leftDate && result.employee.leftDate < to) to = result.employee.leftDate;
  if (to < from) return [];
  return (await periodCalendar(db, result.period)).workdayDates(from, to);
}

async function metricParams(db: Db, versionId: string, metric: string): Promise<Record<string, unknown>> {
  const parsed = modelSchema.safeParse(await versionDefinition(db, versionId));
  if (!parsed.success) return {};
  const model: ModelDefinition = parsed.data;
  return model.metrics.find((m) => m.metric === metric)?.params ?? {};
}

/** The records behind one figure of a stored result, sorted: those that hurt first, then by rank. */
export async function explainFigure(
  db: Db,
  metrics: MetricRegistry,
  result: ResultForWhy,
  key: string,
): Promise<ExplainedFigure | null> {
  const inputs = result.inputs as unknown as KpiInputs;
  const source = whySource(inputs, key);
  if (!source) return null;
  const ids = source.kind === 'metric' ? source.scored.recordIds : source.applied.recordIds;
  const why = metrics.get(source.metric)?.why;
  const ctx: WhyContext = {
    metric: source.metric,
    employeeId: result.employeeId,
    period: result.period,
    timeZone: result.employee.timeZone,
    params: source.kind === 'metric' ? await metricParams(db, result.modelVersionId, source.metric) : {},
    workdays: () => judgedWorkdays(db, result),
  };
  const list: WhyList = why ? await why(db, ids, ctx) : { combine: 'sum', rows: [] };
  list.rows.sort(
    (a, b) => Number(b.hurts) - Number(a.hurts) || a.rank - b.rank || a.ref.localeCompare(b.ref) || +a.at - +b.at,
  );
  return {
    result: {
      id: result.id,
      employeeId: result.employeeId,
      period: result.period,
      employeeName: result.employee.name,
      teamId: result.employee.teamId,
    },
    source,
    list,
  };
}

// `report person <name or employee no.> [period]`: every metric with the records behind it.
import type { Card } from '../../cards/card.js';
import { formatKpiValue, formatScore, metricLabel, modelLabel, ruleLabel } from '../../cards/kpi-format.js';
import { reportPersonCard } from '../../cards/report-person-card.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { publishChart, publishReport } from '../files/index.js';
import { ruleMetric } from '../kpi/index.js';
import { shortHash } from '../shared/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { recentPeriods } from '../time/period.js';
import { trendChart } from './charts.js';
import { parseKpiInputs } from './inputs.js';
import { refuseReport } from './refuse-report.js';
import type { ParsedReport, ReportDeps } from './report-deps.js';
import { type Requester, reportAccess, scoreText } from './rules.js';
import { metricsTable, resultsTable, trendSeries } from './sheets.js';
import { findPeople, findPeriod, loadResultRows, loadScores, suggestPeople } from './store.js';

const TREND_MONTHS = 6;

export async function personReport(
  ctx: CommandContext,
  deps: ReportDeps,
  requester: Requester,
  parsed: ParsedReport,
): Promise<Card[]> {
  const { t, now, actor } = ctx;
  const people = await findPeople(deps.db, parsed.subject);
  const name = parsed.subject.slice(0, 40);
  if (people.length === 0) {
    const visible = (p: { id: string; teamId: string | null }) =>
      requester.role !== 'MANAGER' ||
      (requester.reportIds?.has(p.id) ?? false) ||
      (p.teamId !== null && requester.managedTeamIds.includes(p.teamId));
    const near = await suggestPeople(deps.db, parsed.subject, visible);
    if (near.length === 0) throw new KaopuError('reports.person_not_found', { params: { name } });
    const list = near
      .map((p) => t('names.person_item', { name: p.name, no: p.employeeNo }))
      .join(t('list.separator_short'));
    throw new KaopuError('names.person_suggest', { params: { name, list } });
  }
  if (people.length > 1) {
    const example = (people[0] as { employeeNo: string }).employeeNo;
    throw new KaopuError('reports.person_ambiguous', { params: { name, count: people.length, example } });
  }
  const person = people[0] as (typeof people)[number];
  const access = reportAccess(requester, { kind: 'person', personId: person.id, teamId: person.teamId });
  if (!access.allowed) return refuseReport(ctx, deps, access.reason, { ...parsed, subjectId: person.id });

  const [row] = await loadResultRows(deps.db, { id: person.id }, parsed.period);
  if (!row) throw new KaopuError('reports.person_not_found', { params: { name } });
  const period = await findPeriod(deps.db, parsed.period);
  const inputs = row.result ? parseKpiInputs(row.result.inputs) : null;

  const metrics = metricsTable(inputs, t);
  const baseName = t('reports.file.person', { name: row.name, period: parsed.period });
  const links = await publishReport(deps.files, {
    kind: 'report.person',
    baseName,
    sheets: [resultsTable([row], parsed.period, t), metrics],
    csv: metrics,
    requestedById: actor.id,
    now,
  });
  const periods = recentPeriods(parsed.period, TREND_MONTHS);
  const scores = await loadScores(deps.db, [row.employeeId], periods);
  const trendPng = await trendChart(periods, trendSeries(scores, periods), {
    title: t('reports.chart.trend', { months: TREND_MONTHS }),
    cjk: ctx.locale === 'zh-CN',
  });
  const trendChartUrl = await publishChart(deps.files, trendPng, { baseName, requestedById: actor.id, now });

  await deps.audit({
    actorId: actor.id,
    actorKind: 'employee',
    action: 'report.generated',
    subjectType: 'Employee',
    subjectId: row.employeeId,
    channel: ctx.event.platform,
    details: { kind: 'person', period: parsed.period, hasResult: row.result !== null },
  });

  const lines = [
    ...(inputs?.metrics ?? []).map((m) => ({
      kind: '',
      item: metricLabel(m.metric, t),
      value: formatKpiValue(m.value, m.unit, t),
      target: formatKpiValue(m.target, m.unit, t),
      score: formatScore(m.score),
      weight: `${m.weight}%`,
      records: m.recordIds.length,
    })),
    ...[
      ...(inputs?.deductions ?? []).map((d) => ({ ...d, kind: t('reports.kind.deduction') })),
      ...(inputs?.bonuses ?? []).map((b) => ({ ...b, kind: t('reports.kind.bonus') })),
    ].map((x) => ({
      kind: x.kind,
      item: ruleLabel(x.rule, ruleMetric, t),
      value: String(x.count),
      target: '—',
      score: formatScore(x.points),
      weight: '—',
      records: x.recordIds.length,
    })),
  ];
  const r = row.result;
  return [
    reportPersonCard(
      {
        name: row.name,
        employeeNo: row.employeeNo,
        department: row.departmentName,
        team: row.teamName,
        period: parsed.period,
        periodStatus: period?.status ?? 'OPEN',
        result: r
          ? {
              totalScore: scoreText(r.totalScore),
              band: r.band,
              prorated: r.prorated,
              model: modelLabel(r.modelName, r.modelVersion, t),
              hash: shortHash(r.contentHash),
              computedAt: formatLocalTime(r.computedAt, actor.timeZone),
            }
          : null,
        lines,
        trendChartUrl,
        links,
      },
      t,
    ),
  ];
}

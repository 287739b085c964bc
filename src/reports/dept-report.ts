// `report dept <name> [period]`: summary card, XLSX/CSV of everyone in scope, two charts.
import type { Card } from '../../cards/card.js';
import { modelLabel } from '../../cards/kpi-format.js';
import { reportDeptCard } from '../../cards/report-dept-card.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { publishChart, publishReport } from '../files/index.js';
import { contentHashOf, shortHash } from '../shared/index.js';
import { recentPeriods } from '../time/period.js';
import { distributionChart, trendChart } from './charts.js';
import { refuseReport } from './refuse-report.js';
import type { ParsedReport, ReportDeps } from './report-deps.js';
import { type Requester, reportAccess, SCORE_BUCKETS, scoreBuckets, scoreText, summarize } from './rules.js';
import { resultsTable, trendSeries } from './sheets.js';
import { findDepartment, findPeriod, loadResultRows, loadScores, suggestDepartments } from './store.js';

const CARD_ROWS = 10;
const TREND_MONTHS = 6;

export async function deptReport(
  ctx: CommandContext,
  deps: ReportDeps,
  requester: Requester,
  parsed: ParsedReport,
): Promise<Card[]> {
  const { t, now, actor } = ctx;
  const dept = await findDepartment(deps.db, parsed.subject);
  if (!dept) {
    const name = parsed.subject.slice(0, 40);
    const near = await suggestDepartments(deps.db, parsed.subject);
    if (near.length === 0) throw new KaopuError('reports.department_not_found', { params: { name } });
    throw new KaopuError('names.department_suggest', { params: { name, list: near.join(t('list.separator_short')) } });
  }
  const access = reportAccess(requester, { kind: 'dept', teamIds: dept.teams.map((x) => x.id) });
  if (!access.allowed) return refuseReport(ctx, deps, access.reason, { ...parsed, subjectId: dept.id });

  const scope = access.teamIds ? { teamId: { in: access.teamIds } } : {};
  const rows = await loadResultRows(deps.db, { departmentId: dept.id, ...scope }, parsed.period);
  const period = await findPeriod(deps.db, parsed.period);
  const summary = summarize(
    rows.map((r) => ({ totalScore: r.result?.totalScore ?? null, prorated: r.result?.prorated ?? false })),
  );
  const withResult = rows.flatMap((r) =>
    r.result ? [{ employeeId: r.employeeId, contentHash: r.result.contentHash }] : [],
  );

  const table = resultsTable(rows, parsed.period, t);
  const baseName = t('reports.file.dept', { department: dept.name, period: parsed.period });
  const links = await publishReport(deps.files, {
    kind: 'report.dept',
    baseName,
    sheets: [table],
    csv: table,
    requestedById: actor.id,
    now,
  });

  const cjk = ctx.locale === 'zh-CN';
  const counts = scoreBuckets(rows.map((r) => r.result?.totalScore ?? null));
  const distributionPng = await distributionChart(SCORE_BUCKETS, counts, {
    title: t('reports.chart.distribution'),
    cjk,
  });
  const periods = recentPeriods(parsed.period, TREND_MONTHS);
  const scores = await loadScores(
    deps.db,
    rows.map((r) => r.employeeId),
    periods,
  );
  const trendPng = await trendChart(periods, trendSeries(scores, periods), {
    title: t('reports.chart.trend', { months: TREND_MONTHS }),
    cjk,
  });
  const chartInput = { baseName, requestedById: actor.id, now };
  const distributionChartUrl = await publishChart(deps.files, distributionPng, chartInput);
  const trendChartUrl = await publishChart(deps.files, trendPng, chartInput);

  await deps.audit({
    actorId: actor.id,
    actorKind: 'employee',
    action: 'report.generated',
    subjectType: 'Department',
    subjectId: dept.id,
    channel: ctx.event.platform,
    details: { kind: 'dept', period: parsed.period, rows: rows.length, scoped: access.teamIds !== null },
  });

  const ranked = [...rows].sort((a, b) => (b.result?.totalScore ?? -Infinity) - (a.result?.totalScore ?? -Infinity));
  const models = [
    ...new Set(rows.flatMap((r) => (r.result ? [modelLabel(r.result.modelName, r.result.modelVersion, t)] : []))),
  ].sort();
  return [
    reportDeptCard(
      {
        department: dept.name,
        period: parsed.period,
        periodStatus: period?.status ?? 'OPEN',
        partialScope: access.teamIds !== null && access.teamIds.length < dept.teams.length,
        ...summary,
        average: scoreText(summary.average),
        median: scoreText(summary.median),
        min: scoreText(summary.min),
        max: scoreText(summary.max),
        models,
        hash: shortHash(contentHashOf(withResult)),
        rows: ranked.slice(0, CARD_ROWS).map((r) => ({
          name: r.name,
          employeeNo: r.employeeNo,
          score: scoreText(r.result?.totalScore ?? null),
          band: r.result?.band ?? null,
          prorated: r.result?.prorated ?? false,
        })),
        moreRows: Math.max(0, rows.length - CARD_ROWS),
        distributionChartUrl,
        trendChartUrl,
        links,
      },
      t,
    ),
  ];
}

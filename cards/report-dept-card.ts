import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { type ReportLinks, reportLinkBlocks } from './report-links.js';

export interface ReportDeptView {
  department: string;
  period: string;
  periodStatus: 'OPEN' | 'CLOSED';
  /** Only part of the department is shown (a manager sees the teams they manage). */
  partialScope: boolean;
  people: number;
  scored: number;
  noData: number;
  prorated: number;
  /** Two-decimal strings; null when nobody has a score. */
  average: string | null;
  median: string | null;
  min: string | null;
  max: string | null;
  models: string[];
  hash: string;
  /** The first rows of the table, best first; the files hold everyone. */
  rows: { name: string; employeeNo: string; score: string | null; band: string | null; prorated: boolean }[];
  moreRows: number;
  distributionChartUrl?: string;
  trendChartUrl?: string;
  links: ReportLinks;
}

export function reportDeptCard(view: ReportDeptView, t: Translate): Card {
  const noData = t('reports.no_data');
  const blocks: Block[] = [
    ...(view.partialScope ? [{ type: 'text' as const, text: t('reports.scope.partial') }] : []),
    {
      type: 'fields',
      fields: [
        { label: t('reports.field.people'), value: String(view.people) },
        { label: t('reports.field.scored'), value: String(view.scored) },
        { label: t('reports.field.no_data'), value: String(view.noData) },
        { label: t('reports.field.prorated'), value: String(view.prorated) },
        { label: t('reports.field.average'), value: view.average ?? noData },
        { label: t('reports.field.median'), value: view.median ?? noData },
        { label: t('reports.field.range'), value: view.min === null ? noData : `${view.min} / ${view.max}` },
        { label: t('reports.field.period_status'), value: t(`reports.status.${view.periodStatus}`) },
        { label: t('reports.field.models'), value: view.models.join(', ') || noData },
        { label: t('reports.field.hash'), value: view.hash },
      ],
    },
  ];
  if (view.rows.length === 0) blocks.push({ type: 'text', text: t('reports.dept.empty') });
  else {
    blocks.push({
      type: 'table',
      columns: [
        t('reports.col.name'),
        t('reports.col.employee_no'),
        t('reports.col.total_score'),
        t('reports.col.band'),
      ],
      rows: view.rows.map((r) => [
        r.name,
        r.employeeNo,
        r.score === null ? noData : r.prorated ? `${r.score} (${t('reports.prorated')})` : r.score,
        r.band ?? '',
      ]),
    });
    if (view.moreRows > 0) blocks.push({ type: 'text', text: `+${view.moreRows}` });
  }
  if (view.distributionChartUrl) {
    blocks.push({ type: 'image', url: view.distributionChartUrl, alt: t('reports.chart.distribution') });
  }
  if (view.trendChartUrl)
    blocks.push({ type: 'image', url: view.trendChartUrl, alt: t('reports.chart.trend', { months: 6 }) });
  blocks.push({ type: 'divider' }, ...reportLinkBlocks(view.links, t));
  return makeCard({
    audience: 'personal',
    title: t('reports.dept.title', { department: view.department, period: view.period }),
    tone: 'info',
    blocks,
  });
}

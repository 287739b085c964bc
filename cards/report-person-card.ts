import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { type ReportLinks, reportLinkBlocks } from './report-links.js';

export interface ReportPersonView {
  name: string;
  employeeNo: string;
  department: string | null;
  team: string | null;
  period: string;
  periodStatus: 'OPEN' | 'CLOSED';
  /** null when there is no result for the period at all. */
  result: {
    totalScore: string | null;
    band: string | null;
    prorated: boolean;
    model: string;
    hash: string;
    computedAt: string;
  } | null;
  /** Metrics, deductions and bonuses, already formatted. */
  lines: {
    kind: string;
    item: string;
    value: string;
    target: string;
    score: string;
    weight: string;
    records: number;
  }[];
  trendChartUrl?: string;
  links: ReportLinks;
}

export function reportPersonCard(view: ReportPersonView, t: Translate): Card {
  const noData = t('reports.no_data');
  const r = view.result;
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        { label: t('reports.col.employee_no'), value: view.employeeNo },
        { label: t('reports.col.department'), value: [view.department, view.team].filter(Boolean).join(' / ') || '—' },
        {
          label: t('reports.field.total'),
          value: r?.totalScore ? (r.prorated ? `${r.totalScore} (${t('reports.prorated')})` : r.totalScore) : noData,
        },
        { label: t('reports.field.band'), value: r?.band ?? '—' },
        { label: t('reports.field.period_status'), value: t(`reports.status.${view.periodStatus}`) },
        ...(r
          ? [
              { label: t('reports.col.model'), value: r.model },
              { label: t('reports.field.hash'), value: r.hash },
              { label: t('reports.field.computed_at'), value: r.computedAt },
            ]
          : []),
      ],
    },
  ];
  if (!r) blocks.push({ type: 'text', text: t('reports.person.no_result', { period: view.period }) });
  if (view.lines.length) {
    blocks.push({
      type: 'table',
      columns: [
        t('reports.col.item'),
        t('reports.col.value'),
        t('reports.col.target'),
        t('reports.col.score'),
        t('reports.col.weight'),
        t('reports.col.records'),
      ],
      rows: view.lines.map((l) => [
        `${l.item}${l.kind ? ` (${l.kind})` : ''}`,
        l.value,
        l.target,
        l.score,
        l.weight,
        String(l.records),
      ]),
    });
  }
  if (view.trendChartUrl)
    blocks.push({ type: 'image', url: view.trendChartUrl, alt: t('reports.chart.trend', { months: 6 }) });
  blocks.push({ type: 'divider' }, ...reportLinkBlocks(view.links, t));
  return makeCard({
    audience: 'personal',
    title: t('reports.person.title', { name: view.name, period: view.period }),
    blocks,
  });
}

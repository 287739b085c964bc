import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { formatDelta, formatScore, metricLabel } from './kpi-format.js';

export interface TeamBoardView {
  team: string;
  period: string;
  /** Already sorted by score, best first, no-data last. */
  rows: { name: string; score: number | null; band: string | null; trend: number | null; below: string[] }[];
  /** Members with no stored result yet whom the scheduler is computing. */
  pending?: number;
}

export function teamBoardCard(view: TeamBoardView, t: Translate): Card {
  const title = t('kpi.team.title', { team: view.team, period: view.period });
  const pending: Block[] = view.pending ? [{ type: 'text', text: t('kpi.team.pending', { count: view.pending }) }] : [];
  if (view.rows.length === 0)
    return makeCard({
      audience: 'personal',
      title,
      blocks: pending.length > 0 ? pending : [{ type: 'text', text: t('kpi.team.no_members') }],
    });
  return makeCard({
    audience: 'personal',
    title,
    tone: view.rows.some((r) => r.band === 'D') ? 'warning' : 'info',
    blocks: [
      {
        type: 'table',
        columns: [
          t('kpi.team.col.name'),
          t('kpi.team.col.score'),
          t('kpi.team.col.band'),
          t('kpi.team.col.trend'),
          t('kpi.team.col.below'),
        ],
        rows: view.rows.map((r) => [
          r.name,
          r.score === null ? t('kpi.team.no_data') : formatScore(r.score),
          r.band ?? '—',
          r.trend === null ? '—' : formatDelta(r.trend),
          r.below.map((m) => `⚠${metricLabel(m, t)}`).join(' '),
        ]),
      },
      ...pending,
      { type: 'text', text: t('kpi.team.footer') },
    ],
  });
}

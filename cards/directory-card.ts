// The departments and teams someone may see, so names can be found before they are typed.
import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';

export interface DirectoryView {
  kind: 'departments' | 'teams';
  rows: { name: string; parent: string | null; manager: string | null; people: number }[];
}

export function directoryCard(view: DirectoryView, t: Translate): Card {
  const title = t(view.kind === 'departments' ? 'names.departments.title' : 'names.teams.title');
  if (view.rows.length === 0) return makeCard({ title, blocks: [{ type: 'text', text: t('names.none') }] });
  const blocks: Block[] =
    view.kind === 'departments'
      ? [
          {
            type: 'table',
            columns: [t('names.col.department'), t('names.col.people')],
            rows: view.rows.map((r) => [r.name, String(r.people)]),
          },
          { type: 'text', text: t('names.departments.hint') },
        ]
      : [
          {
            type: 'table',
            columns: [t('names.col.team'), t('names.col.department'), t('names.col.manager'), t('names.col.people')],
            rows: view.rows.map((r) => [r.name, r.parent ?? '—', r.manager ?? '—', String(r.people)]),
          },
          { type: 'text', text: t('names.teams.hint') },
        ];
  return makeCard({ title, blocks });
}

// The `sync` / `同步` card: each data source's last run with its counts and cursor, recent errors,
// and a button per source to run it now; and the answer to `sync run <source>`.
import type { Translate } from '../src/i18n/index.js';
import { type Block, type Button, type Card, makeCard } from './card.js';

export interface SyncSourceRow {
  code: string;
  /** ok | failed | running | never | disabled | invalid */
  status: 'ok' | 'failed' | 'running' | 'never' | 'disabled' | 'invalid';
  lastRun: string | null;
  read: number;
  created: number;
  updated: number;
  rejected: number;
  cursor: string | null;
  error: string | null;
}

export interface SyncErrorRow {
  source: string;
  when: string;
  externalId: string | null;
  message: string;
}

export interface SyncView {
  sources: SyncSourceRow[];
  errors: SyncErrorRow[];
  runActionId: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function syncCard(view: SyncView, t: Translate): Card {
  if (view.sources.length === 0) {
    return makeCard({ title: t('connectors.title'), blocks: [{ type: 'text', text: t('connectors.none') }] });
  }
  const blocks: Block[] = [
    {
      type: 'table',
      columns: [
        t('connectors.col.source'),
        t('connectors.col.last_run'),
        t('connectors.col.status'),
        t('connectors.col.read'),
        t('connectors.col.created'),
        t('connectors.col.updated'),
        t('connectors.col.rejected'),
        t('connectors.col.cursor'),
      ],
      rows: view.sources.map((s) => [
        s.code,
        s.lastRun ?? '—',
        t(`connectors.status.${s.status}`),
        String(s.read),
        String(s.created),
        String(s.updated),
        String(s.rejected),
        s.cursor ? clip(s.cursor, 28) : '—',
      ]),
    },
  ];
  const failures = view.sources.filter((s) => s.status === 'failed' && s.error);
  for (const s of failures) {
    blocks.push({
      type: 'text',
      text: t('connectors.run_failed_line', { source: s.code, error: clip(s.error ?? '', 200) }),
    });
  }
  if (view.errors.length > 0) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'text',
      text: [
        t('connectors.errors_title'),
        ...view.errors.map((e) =>
          t('connectors.error_line', {
            source: e.source,
            when: e.when,
            externalId: e.externalId ?? '—',
            message: clip(e.message, 200),
          }),
        ),
      ].join('\n'),
    });
  }
  const runnable = view.sources.filter((s) => s.status !== 'disabled' && s.status !== 'invalid').slice(0, 5);
  if (runnable.length > 0) {
    const buttons: Button[] = runnable.map((s) => ({
      actionId: view.runActionId,
      label: t('connectors.button.run', { source: s.code }),
      value: s.code,
    }));
    blocks.push({ type: 'actions', buttons });
  }
  const tone = view.sources.some((s) => s.status === 'failed' || s.status === 'invalid') ? 'warning' : 'info';
  return makeCard({ title: t('connectors.title'), tone, blocks });
}

export interface SyncRunView {
  source: string;
  status: 'ok' | 'failed';
  pages: number;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error?: string;
}

export function syncRunCard(view: SyncRunView, t: Translate): Card {
  const blocks: Block[] = [
    {
      type: 'text',
      text: t('connectors.run.summary', {
        read: view.read,
        created: view.created,
        updated: view.updated,
        unchanged: view.unchanged,
        rejected: view.rejected,
        pages: view.pages,
      }),
    },
  ];
  if (view.error) blocks.push({ type: 'text', text: t('connectors.run.error', { error: clip(view.error, 300) }) });
  return makeCard({
    title: t(view.status === 'ok' ? 'connectors.run.title' : 'connectors.run.failed_title', { source: view.source }),
    tone: view.status === 'ok' ? (view.rejected > 0 ? 'warning' : 'success') : 'danger',
    blocks,
  });
}

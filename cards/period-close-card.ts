import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';
import { type ReportLinks, reportLinkBlocks } from './report-links.js';
import { adjustmentBlocks, type PayrollAdjustmentView } from './report-payroll-card.js';

export interface PeriodCloseView {
  period: string;
  /** It was closed before this request (a repeated close changes nothing). */
  already: boolean;
  count: number;
  hash: string;
  /** Close version: 1, then one more after each reopen. */
  version?: number;
  closedAt: string;
  adjustments: PayrollAdjustmentView[];
  adjustmentCount: number;
  links: ReportLinks;
}

/** The answer to `close <period>`: what was frozen, its hash, and the payroll files. */
export function periodCloseCard(view: PeriodCloseView, t: Translate): Card {
  return makeCard({
    audience: 'personal',
    title: t('payroll.close.title', { period: view.period }),
    tone: view.already ? 'info' : 'success',
    blocks: [
      {
        type: 'text',
        text: view.already
          ? t('payroll.close.already', { period: view.period, closedAt: view.closedAt })
          : t('payroll.close.done', { count: view.count }),
      },
      {
        type: 'fields',
        fields: [
          { label: t('payroll.field.rows'), value: String(view.count) },
          { label: t('payroll.field.hash'), value: view.hash },
          ...(view.version ? [{ label: t('close.field.version'), value: String(view.version) }] : []),
          { label: t('payroll.field.adjustments'), value: String(view.adjustmentCount) },
        ],
      },
      ...adjustmentBlocks(view.adjustments, view.adjustmentCount, t),
      { type: 'divider' },
      ...reportLinkBlocks(view.links, t),
    ],
  });
}

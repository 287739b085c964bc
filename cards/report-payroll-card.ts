import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { type ReportLinks, reportLinkBlocks } from './report-links.js';

export interface PayrollAdjustmentView {
  employeeNo: string;
  name: string;
  recordType: string;
  recordId: string;
}

export interface ReportPayrollView {
  period: string;
  /** Closed and frozen; otherwise a provisional preview. */
  final: boolean;
  closedAt: string | null;
  people: number;
  noData: number;
  hash: string;
  /** The first few adjustments; the workbook lists all. */
  adjustments: PayrollAdjustmentView[];
  adjustmentCount: number;
  links: ReportLinks;
}

/** Post-close adjustments as a short table: counted on the card, listed in the workbook. */
export function adjustmentBlocks(adjustments: PayrollAdjustmentView[], count: number, t: Translate): Block[] {
  if (count === 0) return [];
  return [
    { type: 'text', text: t('payroll.adjustments_note', { count }) },
    {
      type: 'table',
      columns: [
        t('payroll.col.employee_no'),
        t('payroll.col.name'),
        t('payroll.col.record_type'),
        t('payroll.col.record_id'),
      ],
      rows: adjustments.map((a) => [a.employeeNo, a.name, a.recordType, a.recordId]),
    },
  ];
}

export function reportPayrollCard(view: ReportPayrollView, t: Translate): Card {
  const status = t(view.final ? 'payroll.status.FINAL' : 'payroll.status.PROVISIONAL');
  return makeCard({
    audience: 'personal',
    title: `${t('payroll.title', { period: view.period })} · ${status}`,
    tone: view.final ? 'success' : 'warning',
    blocks: [
      {
        type: 'text',
        text: view.final
          ? t('payroll.final_note', { period: view.period, closedAt: view.closedAt ?? '' })
          : t('payroll.provisional_note', { period: view.period }),
      },
      {
        type: 'fields',
        fields: [
          { label: t('payroll.field.rows'), value: String(view.people) },
          { label: t('payroll.field.no_data'), value: String(view.noData) },
          { label: t('payroll.field.adjustments'), value: String(view.adjustmentCount) },
          { label: t('payroll.field.hash'), value: view.hash },
        ],
      },
      ...adjustmentBlocks(view.adjustments, view.adjustmentCount, t),
      { type: 'divider' },
      ...reportLinkBlocks(view.links, t),
    ],
  });
}

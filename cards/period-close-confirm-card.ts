import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';

/** Asked before closing the month still running: later data would only become adjustments. */
export function periodCloseConfirmCard(
  view: { period: string; actionId: string; running?: boolean; results?: number; version?: number },
  t: Translate,
): Card {
  return makeCard({
    audience: 'personal',
    title: t('payroll.close.confirm_title', { period: view.period }),
    tone: 'warning',
    blocks: [
      ...(view.running === false
        ? []
        : [{ type: 'text' as const, text: t('payroll.close.confirm_body', { period: view.period }) }]),
      {
        type: 'text',
        text: t('close.confirm_what', { period: view.period, count: view.results ?? 0, version: view.version ?? 1 }),
      },
      {
        type: 'actions',
        buttons: [
          { actionId: view.actionId, label: t('payroll.close.confirm_button'), value: view.period, style: 'danger' },
        ],
      },
    ],
  });
}

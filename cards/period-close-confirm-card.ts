import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';

/** Asked before closing the month still running: later data would only become adjustments. */
export function periodCloseConfirmCard(view: { period: string; actionId: string }, t: Translate): Card {
  return makeCard({
    audience: 'personal',
    title: t('payroll.close.confirm_title', { period: view.period }),
    tone: 'warning',
    blocks: [
      { type: 'text', text: t('payroll.close.confirm_body', { period: view.period }) },
      {
        type: 'actions',
        buttons: [
          { actionId: view.actionId, label: t('payroll.close.confirm_button'), value: view.period, style: 'danger' },
        ],
      },
    ],
  });
}

import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard, type Tone } from './card.js';

export interface NoticeView {
  title?: string;
  body: string;
  tone?: Tone;
  /** Offer a "help" button under the notice. */
  withHelp?: boolean;
}

/** A short one-sentence answer: errors, refusals, confirmations. */
export function noticeCard(view: NoticeView, t: Translate): Card {
  return makeCard({
    title: view.title ?? t('app.name'),
    tone: view.tone ?? 'info',
    blocks: [
      { type: 'text', text: view.body },
      ...(view.withHelp
        ? [{ type: 'actions' as const, buttons: [{ actionId: 'help.show', label: t('bot.button.help') }] }]
        : []),
    ],
  });
}

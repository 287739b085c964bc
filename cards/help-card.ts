import type { Translate } from '../src/i18n/index.js';
import { type Button, type Card, makeCard } from './card.js';

export interface HelpCardView {
  name: string;
  roleLabel: string;
  commands: { usage: string; description: string }[];
  shortcuts: { actionId: string; label: string }[];
}

export function helpCard(view: HelpCardView, t: Translate): Card {
  const buttons: Button[] = view.shortcuts.map((s) => ({ actionId: s.actionId, label: s.label }));
  return makeCard({
    title: t('help.title'),
    blocks: [
      { type: 'text', text: t('help.intro', { name: view.name, role: view.roleLabel }) },
      { type: 'fields', fields: view.commands.map((c) => ({ label: c.usage, value: c.description })) },
      ...(buttons.length ? [{ type: 'actions' as const, buttons }] : []),
      { type: 'text', text: t('help.footer') },
    ],
  });
}

import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';

export interface OnboardingView {
  platformLabel: string;
  platformUserId: string;
  /** A one-time linking code for HR (`link <code> <employee>`), with when it stops working. */
  linkCode?: { code: string; expires: string };
}

export function onboardingCard(view: OnboardingView, t: Translate): Card {
  return makeCard({
    title: t('onboarding.title'),
    tone: 'warning',
    // The code links the sender's account: it is shown to them only, never in a group.
    ...(view.linkCode ? { audience: 'personal' as const } : {}),
    blocks: [
      { type: 'text', text: t('onboarding.body', { platform: view.platformLabel }) },
      ...(view.linkCode ? [{ type: 'text' as const, text: t('identities.onboarding.code', view.linkCode) }] : []),
      { type: 'text', text: t('onboarding.your_id', { id: view.platformUserId }) },
    ],
  });
}

import type { Translate } from '../src/i18n/index.js';
import { type Card, makeCard } from './card.js';

export interface OnboardingView {
  platformLabel: string;
  platformUserId: string;
}

export function onboardingCard(view: OnboardingView, t: Translate): Card {
  return makeCard({
    title: t('onboarding.title'),
    tone: 'warning',
    blocks: [
      { type: 'text', text: t('onboarding.body', { platform: view.platformLabel }) },
      { type: 'text', text: t('onboarding.your_id', { id: view.platformUserId }) },
    ],
  });
}

// What Kaopu answers someone it cannot place: a leaver gets a polite refusal; a Slack user whose
// e-mail (users.info) matches exactly one employee is linked at once and answered as them;
// everyone else gets the onboarding card with a fresh one-time linking code for HR.
import { noticeCard } from '../../cards/notice-card.js';
import { onboardingCard } from '../../cards/onboarding-card.js';
import type { BotEvent } from '../bot/event.js';
import type { FeatureKit } from '../bot/feature.js';
import type { UnknownUserSpec } from '../bot/registry.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { dbPlatform, issueCode } from './codes.js';

async function employeeBehind(kit: FeatureKit, event: BotEvent) {
  const select = { id: true, status: true } as const;
  if (event.user.employeeId) return kit.db.employee.findUnique({ where: { id: event.user.employeeId }, select });
  const identity = await kit.db.chatIdentity.findUnique({
    where: {
      platform_platformUserId: { platform: dbPlatform(event.platform), platformUserId: event.user.platformUserId },
    },
    select: { employee: { select } },
  });
  return identity?.employee ?? null;
}

/** The one active employee whose e-mail is the platform's e-mail for this user, linked now; else null. */
async function linkByEmail(kit: FeatureKit, event: BotEvent): Promise<string | null> {
  const profile = await kit.platformUsers.lookup(event.platform, event.user.platformUserId);
  const email = profile?.email?.trim().toLowerCase();
  if (!email) return null;
  const platform = dbPlatform(event.platform);
  // Case-insensitive on both databases: compare in code over the few columns needed.
  const withEmail = await kit.db.employee.findMany({
    where: { email: { not: null }, status: { not: 'LEFT' } },
    select: { id: true, email: true, identities: { where: { platform }, select: { id: true } } },
  });
  const matches = withEmail.filter((e) => e.email?.trim().toLowerCase() === email);
  const [only] = matches;
  if (matches.length !== 1 || !only || only.identities.length > 0) {
    if (matches.length > 0) {
      await kit.db.identityConflict.upsert({
        where: {
          source_platformUserId_reason: {
            source: event.platform,
            platformUserId: event.user.platformUserId,
            reason: matches.length > 1 ? 'ambiguous' : 'taken',
          },
        },
        create: {
          source: event.platform,
          platformUserId: event.user.platformUserId,
          name: (profile?.name ?? '').slice(0, 200),
          reason: matches.length > 1 ? 'ambiguous' : 'taken',
          candidates: matches.map((m) => m.id).join(','),
          createdAt: kit.now(),
        },
        update: {},
      });
    }
    return null;
  }
  try {
    await kit.db.chatIdentity.create({
      data: {
        platform,
        platformUserId: event.user.platformUserId,
        employeeId: only.id,
        displayName: profile?.name?.slice(0, 200) ?? null,
        linkedAt: kit.now(),
      },
    });
  } catch (err) {
    // Two first messages at once: the other one linked them.
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return only.id;
  }
  await kit.audit({
    actorKind: 'system',
    action: 'identity.linked',
    subjectType: 'Employee',
    subjectId: only.id,
    channel: event.platform,
    details: { platform: event.platform, platformUserId: event.user.platformUserId, method: 'email' },
  });
  return only.id;
}

export function unknownUser(kit: FeatureKit): UnknownUserSpec {
  return {
    async handle({ event, t, now }) {
      const known = await employeeBehind(kit, event);
      if (known?.status === 'LEFT') {
        await kit.audit({
          actorId: known.id,
          actorKind: 'employee',
          action: 'identity.leaver_refused',
          subjectType: 'Employee',
          subjectId: known.id,
          channel: event.platform,
        });
        return {
          cards: [noticeCard({ title: t('identities.left.title'), body: t('identities.left.body'), tone: 'info' }, t)],
        };
      }
      const linked = await linkByEmail(kit, event);
      if (linked) return { employeeId: linked };
      const { code, expiresAt } = await issueCode(
        kit.db,
        {
          platform: event.platform,
          platformUserId: event.user.platformUserId,
          displayName: event.user.displayName,
        },
        now,
      );
      return {
        cards: [
          onboardingCard(
            {
              platformLabel: t(`platform.${event.platform}`),
              platformUserId: event.user.platformUserId,
              linkCode: { code, expires: formatLocalTime(expiresAt, kit.config.timeZone) },
            },
            t,
          ),
        ],
      };
    },
  };
}

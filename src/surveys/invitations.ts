// Survey invitations: one per work order and responsible engineer, with a signed single-use link
// whose subject is a random code (no internal id in the link). The link is derived from the code
// and the expiry, so showing the card again (Resend, `survey <order>`) shows the same link.
import { createHash, randomBytes } from 'node:crypto';
import type { Card } from '../../cards/card.js';
import { surveyInviteCard } from '../../cards/survey-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import { type Translate, translator } from '../i18n/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { SURVEY_LINK } from './rules.js';

export interface Invitation {
  id: string;
  code: string | null;
  workOrderId: string;
  employeeId: string;
  sentAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface SurveyLinks {
  token: string;
  url: string;
  qrUrl: string;
}

const SELECT = {
  id: true,
  code: true,
  workOrderId: true,
  employeeId: true,
  sentAt: true,
  expiresAt: true,
  usedAt: true,
} as const;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 72 random bits, 12 URL-safe characters. */
const newCode = (): string => randomBytes(9).toString('base64url');

export function surveyLinks(kit: FeatureKit, inv: { code: string; expiresAt: Date }): SurveyLinks {
  const token = kit.links.sign(SURVEY_LINK, inv.code, inv.expiresAt);
  const url = `${kit.config.publicBaseUrl}/s/${token}`;
  return { token, url, qrUrl: `${url}/qr.png` };
}

/**
 * The invitation for this work order and engineer, created on first call (idempotent: a listener
 * run twice, or two replicas racing, end with one row).
 */
export async function ensureInvitation(
  kit: FeatureKit,
  workOrderId: string,
  employeeId: string,
): Promise<{ invitation: Invitation; created: boolean }> {
  const where = { workOrderId_employeeId: { workOrderId, employeeId } };
  const existing = await kit.db.surveyInvitation.findUnique({ where, select: SELECT });
  if (existing) return { invitation: await withCode(kit, existing), created: false };
  const now = kit.now();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + kit.config.surveys.linkDays * 86_400_000);
  const token = kit.links.sign(SURVEY_LINK, code, expiresAt);
  const employee = await kit.db.employee.findUnique({ where: { id: employeeId }, select: { locale: true } });
  try {
    const invitation = await kit.db.surveyInvitation.create({
      data: {
        workOrderId,
        employeeId,
        code,
        tokenHash: tokenHash(token),
        locale: employee?.locale ?? kit.config.locale,
        sentAt: now,
        expiresAt,
      },
      select: SELECT,
    });
    return { invitation, created: true };
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    return { invitation: await kit.db.surveyInvitation.findUniqueOrThrow({ where, select: SELECT }), created: false };
  }
}

/**
 * An unanswered invitation whose link has expired (or that predates codes) gets a fresh code and
 * expiry, so Resend always hands over a link that works; the old link stops working.
 */
export async function withCode(kit: FeatureKit, inv: Invitation): Promise<Invitation> {
  const now = kit.now();
  if (inv.usedAt || (inv.code && inv.expiresAt.getTime() > now.getTime())) return inv;
  const code = newCode();
  const expiresAt = new Date(now.getTime() + kit.config.surveys.linkDays * 86_400_000);
  const token = kit.links.sign(SURVEY_LINK, code, expiresAt);
  return kit.db.surveyInvitation.update({
    where: { id: inv.id },
    data: { code, expiresAt, tokenHash: tokenHash(token) },
    select: SELECT,
  });
}

/** The engineer's card for one invitation, written in the reader's language and zone. */
export async function inviteCard(
  kit: FeatureKit,
  inv: Invitation,
  options: { reminder?: boolean } = {},
): Promise<(t: Translate) => Card> {
  const order = await kit.db.workOrder.findUniqueOrThrow({
    where: { id: inv.workOrderId },
    select: {
      externalId: true,
      title: true,
      customer: { select: { name: true } },
      site: { select: { name: true, customer: { select: { name: true } } } },
    },
  });
  const engineer = await kit.db.employee.findUnique({ where: { id: inv.employeeId }, select: { timeZone: true } });
  const links = inv.code ? surveyLinks(kit, { code: inv.code, expiresAt: inv.expiresAt }) : null;
  const url = links?.url ?? '';
  const forward = (locale: 'zh-CN' | 'en') => translator(locale)('surveys.forward', { order: order.externalId, url });
  return (t) =>
    surveyInviteCard(
      {
        invitationId: inv.id,
        order: order.externalId,
        title: order.title,
        customer: order.customer?.name ?? order.site?.customer?.name ?? null,
        site: order.site?.name ?? null,
        url,
        qrUrl: links?.qrUrl ?? '',
        expires: formatLocalTime(inv.expiresAt, engineer?.timeZone ?? kit.config.timeZone),
        forward: { zh: forward('zh-CN'), en: forward('en') },
        answered: inv.usedAt !== null,
        ...(options.reminder ? { reminder: true } : {}),
      },
      t,
    );
}

// A customer's submission: validated, checked for integrity, stored with the spending of its
// single-use link in one transaction, and announced (`survey.answered`, `record.changed`).
import { z } from 'zod';
import type { FeatureKit } from '../bot/feature.js';
import { deviceFingerprint, type HeaderBag } from './device.js';
import {
  AWAY_FROM_SITE_M,
  COMMENT_MAX,
  CSAT,
  type IntegrityFlag,
  NEAR_ENGINEER_M,
  NPS,
  SURVEY_LINK,
  SURVEY_TAGS,
  TOO_FAST_SECONDS,
} from './rules.js';
import { distanceM } from './stats.js';

const field = z.union([z.string().max(COMMENT_MAX * 4), z.number()]);
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** What a form post or a JSON body may carry; anything else is refused. */
export const submissionSchema = z.object({
  csat: z.preprocess(one, z.coerce.number().int().min(CSAT.min).max(CSAT.max)),
  nps: z.preprocess((v) => blankToUndefined(one(v)), z.coerce.number().int().min(NPS.min).max(NPS.max).optional()),
  tags: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(SURVEY_TAGS)).max(SURVEY_TAGS.length),
  ),
  comment: z.preprocess(
    (v) => blankToUndefined(typeof one(v) === 'string' ? (one(v) as string).trim() : one(v)),
    z.string().max(COMMENT_MAX).optional(),
  ),
  lat: z.preprocess((v) => blankToUndefined(one(v)), z.coerce.number().min(-90).max(90).optional()),
  lng: z.preprocess((v) => blankToUndefined(one(v)), z.coerce.number().min(-180).max(180).optional()),
  lang: z.preprocess(one, z.enum(['zh-CN', 'en']).optional()),
});
export type Submission = z.infer<typeof submissionSchema>;

/** The loose shape the route declares (form fields are strings, a repeated name an array). */
export const submissionBody = z.record(z.string().max(32), z.union([field, z.array(field).max(16)]));

export type Flag =
  | { code: Extract<IntegrityFlag, 'too_fast'>; seconds: number }
  | { code: Extract<IntegrityFlag, 'engineer_device'>; checkInAt: string }
  | { code: Extract<IntegrityFlag, 'engineer_position'>; checkInAt: string; fromCheckInM: number; fromSiteM: number };

export type SubmitOutcome = { status: 'stored'; answerId: string } | { status: 'used' | 'expired' | 'invalid' };

interface InvitationRow {
  id: string;
  workOrderId: string;
  employeeId: string;
  sentAt: Date;
  usedAt: Date | null;
  site: { id: string; lat: number; lng: number } | null;
}

/** Flags an answer for a person to look at; never rejects it. */
export async function integrityFlags(
  kit: FeatureKit,
  inv: InvitationRow,
  answer: { at: Date; deviceHash: string | null; lat?: number | undefined; lng?: number | undefined },
): Promise<Flag[]> {
  const flags: Flag[] = [];
  const seconds = Math.round((answer.at.getTime() - inv.sentAt.getTime()) / 1000);
  if (seconds < TOO_FAST_SECONDS) flags.push({ code: 'too_fast', seconds });
  const since = new Date(answer.at.getTime() - 90 * 86_400_000);
  if (answer.deviceHash) {
    const same = await kit.db.checkIn.findFirst({
      where: { employeeId: inv.employeeId, deviceHash: answer.deviceHash, at: { gte: since } },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
    if (same) flags.push({ code: 'engineer_device', checkInAt: same.at.toISOString() });
  }
  if (answer.lat !== undefined && answer.lng !== undefined) {
    const here = { lat: answer.lat, lng: answer.lng };
    const fromSiteM = inv.site ? Math.round(distanceM(here, inv.site)) : null;
    if (fromSiteM === null || fromSiteM > AWAY_FROM_SITE_M) {
      const checkIns = await kit.db.checkIn.findMany({
        where: {
          employeeId: inv.employeeId,
          at: { gte: since },
          lat: { not: null },
          lng: { not: null },
          ...(inv.site ? { NOT: { siteId: inv.site.id } } : {}),
        },
        orderBy: { at: 'desc' },
        take: 500,
        select: { at: true, lat: true, lng: true },
      });
      for (const c of checkIns) {
        const d = distanceM(here, { lat: c.lat as number, lng: c.lng as number });
        if (d <= NEAR_ENGINEER_M) {
          flags.push({
            code: 'engineer_position',
            checkInAt: c.at.toISOString(),
            fromCheckInM: Math.round(d),
            fromSiteM: fromSiteM ?? -1,
          });
          break;
        }
      }
    }
  }
  return flags;
}

/**
 * Stores one answer for the invitation behind `token`. The token is verified before any database
 * read; the link is spent in the same transaction as the answer, so a double submit stores one.
 */
export async function submitAnswer(
  kit: FeatureKit,
  token: string,
  input: Submission,
  request: { headers: HeaderBag },
): Promise<SubmitOutcome> {
  const check = kit.links.verify(SURVEY_LINK, token);
  if (!check.ok) return { status: check.reason };
  const inv = await kit.db.surveyInvitation.findUnique({
    where: { code: check.subjectId },
    select: {
      id: true,
      workOrderId: true,
      employeeId: true,
      sentAt: true,
      usedAt: true,
      workOrder: { select: { site: { select: { id: true, lat: true, lng: true } } } },
    },
  });
  if (!inv) return { status: 'invalid' };
  if (inv.usedAt) return { status: 'used' };
  const at = kit.now();
  const deviceHash = deviceFingerprint(request.headers);
  const flags = await integrityFlags(
    kit,
    { ...inv, site: inv.workOrder.site },
    { at, deviceHash, lat: input.lat, lng: input.lng },
  );
  const hasPosition = input.lat !== undefined && input.lng !== undefined;
  return kit.db.$transaction(async (tx): Promise<SubmitOutcome> => {
    const spent = await kit.links.consume(SURVEY_LINK, token, tx);
    // Survey links are issued to customers, never to an employee, so none is ever revoked.
    if (!spent.ok) return { status: spent.reason === 'revoked' ? 'invalid' : spent.reason };
    const claimed = await tx.surveyInvitation.updateMany({
      where: { id: inv.id, usedAt: null },
      data: { usedAt: at },
    });
    if (claimed.count === 0) return { status: 'used' };
    const answer = await tx.surveyAnswer.create({
      data: {
        invitationId: inv.id,
        workOrderId: inv.workOrderId,
        employeeId: inv.employeeId,
        csat: input.csat,
        nps: input.nps ?? null,
        comment: input.comment ?? null,
        tags: JSON.stringify(input.tags),
        flags: JSON.stringify(flags),
        deviceHash,
        lat: hasPosition ? (input.lat as number) : null,
        lng: hasPosition ? (input.lng as number) : null,
        locale: input.lang ?? 'zh-CN',
        answeredAt: at,
      },
      select: { id: true },
    });
    await kit.events.emit(
      tx,
      'survey.answered',
      {
        answerId: answer.id,
        employeeId: inv.employeeId,
        workOrderId: inv.workOrderId,
        csat: input.csat,
        nps: input.nps ?? null,
      },
      { key: answer.id },
    );
    await kit.events.emit(
      tx,
      'record.changed',
      { recordType: 'SurveyAnswer', recordId: answer.id, employeeId: inv.employeeId, at: at.toISOString() },
      { key: `SurveyAnswer:${answer.id}` },
    );
    // The response rate counts invitations by when they were sent, maybe last month.
    await kit.events.emit(
      tx,
      'record.changed',
      {
        recordType: 'SurveyInvitation',
        recordId: inv.id,
        employeeId: inv.employeeId,
        at: inv.sentAt.toISOString(),
      },
      { key: `SurveyInvitation:${inv.id}:answered` },
    );
    return { status: 'stored', answerId: answer.id };
  });
}

export function parseFlags(json: string): Flag[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v.filter((f) => f && typeof f === 'object' && 'code' in f) as Flag[]) : [];
  } catch {
    return [];
  }
}

// Field attendance (issue 10): check-in and check-out through a personal signed page or a shared
// location, judged against the day's sites with datums, accuracy and anti-spoofing evidence;
// PIPL consent; review by the manager or HR; the day's trajectory; the KPI metrics over CheckIn.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  ATTENDANCE_ACTIONS,
  checkInLinkCard,
  checkInResultCard,
  consentCard,
  consentStatusCard,
  describeFlag,
} from '../../cards/attendance-cards.js';
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { Feature, FeatureKit } from '../bot/feature.js';
import type { HandlerContext } from '../bot/registry.js';
import { replyError } from '../http/reply-error.js';
import { route } from '../http/route-spec.js';
import { type Locale, translator } from '../i18n/index.js';
import { localDate, zonedTime } from '../time/zoned.js';
import { checkInApiRoutes } from './api.js';
import { grantConsent, hasConsent, RETENTION_DAYS, revokeConsent } from './consent.js';
import { decideFix, fixPunchCommand } from './fix-punch.js';
import { attendanceMetrics } from './kpi-metrics.js';
import { leaveCommand } from './leave.js';
import { emitMissing } from './missing.js';
import { monthlyCommand } from './monthly.js';
import { checkInPage, messagePage, PAGE_CSP } from './page.js';
import { type CheckInKind, type CheckInMethod, parseEvidence, recordCheckIn, type StoredCheckIn } from './record.js';
import { decide, noteCommand, notifyReviewer, saveNote } from './review.js';
import { shown } from './rules/index.js';
import { sitesForToday } from './sites-today.js';
import { todayCommand } from './trajectory.js';
import { checkInView } from './views.js';

export { ATTENDANCE_ACTIONS, attendanceMetrics, emitMissing };

export const ATTENDANCE_COMMANDS = {
  checkin: 'attendance.checkin',
  checkout: 'attendance.checkout',
  consent: 'attendance.consent',
  today: 'attendance.today',
  month: 'attendance.month',
  fix: 'attendance.fix',
  leave: 'attendance.leave',
} as const;

/** How long a check-in link works. */
export const LINK_MINUTES = 15;
/** A submitted fix may be this far from the server's clock (a phone's clock drifts; a replay does not). */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

const purposeOf = (kind: CheckInKind) => (kind === 'IN' ? 'checkin.in' : 'checkin.out');
const ROLES = ['EMPLOYEE', 'MANAGER', 'HR'] as const;

export const checkInBody = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000),
  at: z.iso.datetime(),
  mock: z.boolean().optional(),
  device: z.string().max(64).nullable().optional(),
});

export const attendance: Feature = (kit) => {
  kit.kpi.metrics(attendanceMetrics);

  const linkCards = async (ctx: HandlerContext, kind: CheckInKind): Promise<Card[]> => {
    if (!(await hasConsent(kit.db, ctx.actor.id))) return [consentCard({ kind, days: RETENTION_DAYS }, ctx.t)];
    const expires = new Date(ctx.now.getTime() + LINK_MINUTES * 60_000);
    const token = kit.links.sign(purposeOf(kind), ctx.actor.id, expires);
    const sites = await sitesForToday(kit.db, ctx.actor.id, ctx.now, ctx.actor.timeZone);
    return [
      checkInLinkCard(
        { kind, url: `${kit.config.publicBaseUrl}/c/${token}`, minutes: LINK_MINUTES, sites: sites.slice(0, 5) },
        ctx.t,
      ),
    ];
  };

  kit.commands.register({
    id: ATTENDANCE_COMMANDS.checkin,
    aliases: ['checkin', '签到', '打卡'],
    roles: ROLES,
    describe: 'attendance.command.checkin',
    // `checkin note <text>`: the explanation of a flagged check-in where forms do not exist.
    handle: (ctx) =>
      ctx.args[0]?.toLowerCase() === 'note' || ctx.args[0] === '说明'
        ? noteCommand(kit, ctx, ctx.args.slice(1).join(' '))
        : linkCards(ctx, 'IN'),
  });
  kit.commands.register({
    id: ATTENDANCE_COMMANDS.checkout,
    aliases: ['checkout', '签退'],
    roles: ROLES,
    describe: 'attendance.command.checkout',
    handle: (ctx) => linkCards(ctx, 'OUT'),
  });
  kit.commands.register({
    id: ATTENDANCE_COMMANDS.consent,
    aliases: ['consent', '授权'],
    roles: ROLES,
    describe: 'attendance.command.consent',
    handle: async (ctx) => [consentStatusCard({ granted: await hasConsent(kit.db, ctx.actor.id) }, ctx.t)],
  });
  kit.commands.register({
    id: ATTENDANCE_COMMANDS.today,
    aliases: ['today', '今日轨迹'],
    roles: ROLES,
    usage: 'today [name] [YYYY-MM-DD] / 今日轨迹 [姓名] [日期]',
    describe: 'attendance.command.today',
    handle: (ctx) => todayCommand(kit, ctx),
  });

  kit.commands.register({
    id: ATTENDANCE_COMMANDS.month,
    aliases: ['attendance', '考勤'],
    roles: ROLES,
    usage: 'attendance [team|name] [YYYY-MM] / 考勤 [团队|姓名] [月份]',
    describe: 'attendance.command.month',
    handle: (ctx) => monthlyCommand(kit, ctx),
  });

  kit.commands.register({
    id: ATTENDANCE_COMMANDS.leave,
    aliases: ['leave', '请假'],
    roles: ['HR'],
    usage: 'leave <name> <type> <YYYY-MM-DD> [YYYY-MM-DD] [reason] / 请假 <姓名> <类型> <开始> [结束] [原因]',
    describe: 'attendance.command.leave',
    handle: (ctx) => leaveCommand(kit, ctx),
  });
  kit.commands.register({
    id: ATTENDANCE_COMMANDS.fix,
    aliases: ['fix', '补卡'],
    roles: ROLES,
    usage: 'fix punch <YYYY-MM-DD> <HH:mm> [in|out] <reason> / 补卡 <日期> <时间> [签到|签退] <原因>',
    describe: 'attendance.command.fix',
    handle: (ctx) => fixPunchCommand(kit, ctx),
  });
  kit.actions.register({
    id: ATTENDANCE_ACTIONS.fixApprove,
    roles: ['MANAGER', 'HR'],
    handle: (ctx) => decideFix(kit, ctx, true),
  });
  kit.actions.register({
    id: ATTENDANCE_ACTIONS.fixDecline,
    roles: ['MANAGER', 'HR'],
    handle: (ctx) => decideFix(kit, ctx, false),
  });

  kit.actions.register({
    id: ATTENDANCE_ACTIONS.consent,
    roles: ROLES,
    handle: async (ctx) => {
      if (await grantConsent(kit.db, ctx.actor.id, ctx.now))
        await kit.audit.as(ctx)({
          action: 'attendance.consent.granted',
          subjectType: 'Consent',
          subjectId: ctx.actor.id,
        });
      // "Agree and continue": straight on to the link the employee asked for.
      return linkCards(ctx, ctx.value === 'OUT' ? 'OUT' : 'IN');
    },
  });
  kit.actions.register({
    id: ATTENDANCE_ACTIONS.revokeConsent,
    roles: ROLES,
    handle: async (ctx) => {
      const revoked = await revokeConsent(kit.db, ctx.actor.id, ctx.now);
      if (revoked)
        await kit.audit.as(ctx)({
          action: 'attendance.consent.revoked',
          subjectType: 'Consent',
          subjectId: ctx.actor.id,
        });
      return [noticeCard({ body: ctx.t(revoked ? 'attendance.consent.revoked' : 'attendance.consent.none') }, ctx.t)];
    },
  });
  kit.actions.register({ id: ATTENDANCE_ACTIONS.note, roles: ROLES, handle: (ctx) => saveNote(kit, ctx) });
  kit.actions.register({
    id: ATTENDANCE_ACTIONS.accept,
    roles: ['MANAGER', 'HR'],
    handle: (ctx) => decide(kit, ctx, true),
  });
  kit.actions.register({
    id: ATTENDANCE_ACTIONS.reject,
    roles: ['MANAGER', 'HR'],
    handle: (ctx) => decide(kit, ctx, false),
  });

  // A shared location (WeCom location message, the console's presets): a check-in, or a
  // check-out when the day's last punch was an arrival.
  kit.onLocation({
    roles: ROLES,
    handle: async (ctx) => {
      const { location } = ctx;
      if (!(await hasConsent(kit.db, ctx.actor.id))) return [consentCard({ kind: 'IN', days: RETENTION_DAYS }, ctx.t)];
      const kind = await nextKind(kit, ctx.actor.id, ctx.now, ctx.actor.timeZone);
      const result = await recordCheckIn(kit, {
        employeeId: ctx.actor.id,
        kind,
        method: ctx.event.platform === 'console' ? 'CONSOLE' : 'LOCATION_MESSAGE',
        at: ctx.now,
        lat: location.lat,
        lng: location.lng,
        datum: location.datum,
        accuracyM: location.accuracyM ?? null,
        mockHint: false,
        externalId: `${ctx.event.platform}:${ctx.event.id}`.slice(0, 190),
      });
      if (result.status === 'consent_required') return [consentCard({ kind, days: RETENTION_DAYS }, ctx.t)];
      return [checkInResultCard(checkInView(result.checkIn, ctx.actor.timeZone), ctx.t)];
    },
  });

  // The flagged check-in goes to the manager with its evidence (durable: survives a crash).
  kit.events.on('checkIn.flagged', 'attendance.review', async (payload, meta) => {
    await notifyReviewer(kit, payload.checkInId, payload.employeeId, meta.key);
  });

  kit.http.page('/c', pageRoutes(kit));
  kit.http.api('checkins:write', checkInApiRoutes(kit));

  // Missing punches: every five minutes, once per employee and shift date (the event key).
  kit.jobs.register({
    name: 'attendance.missing',
    cron: '*/5 * * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => new Date(Math.floor(now.getTime() / 300_000) * 300_000).toISOString(),
    run: async (now) => {
      await emitMissing(kit, now);
    },
  });

  // PIPL retention: coordinates older than the retention period are erased; the verdicts stay.
  kit.jobs.register({
    name: 'attendance.purge-locations',
    cron: '30 3 * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => localDate(now, kit.config.timeZone),
    run: async (now) => {
      const cutoff = new Date(now.getTime() - RETENTION_DAYS * 86_400_000);
      const { count } = await purgeLocations(kit, cutoff);
      kit.logger.info({ count }, 'attendance: purged location fixes past retention');
    },
  });
};

export async function purgeLocations(kit: Pick<FeatureKit, 'db'>, cutoff: Date) {
  return kit.db.checkIn.updateMany({
    where: { at: { lt: cutoff }, OR: [{ lat: { not: null } }, { lng: { not: null } }] },
    data: { lat: null, lng: null, accuracyM: null, device: null },
  });
}

async function nextKind(kit: FeatureKit, employeeId: string, now: Date, timeZone: string): Promise<CheckInKind> {
  const start = zonedTime(localDate(now, timeZone), 0, timeZone);
  const last = await kit.db.checkIn.findFirst({
    where: { employeeId, at: { gte: start, lte: now }, verdict: { not: 'REJECTED' } },
    orderBy: { at: 'desc' },
    select: { kind: true },
  });
  return last?.kind === 'IN' ? 'OUT' : 'IN';
}

function pageRoutes(kit: FeatureKit) {
  const params = z.object({ token: z.string().min(1).max(100) });
  const verify = (
    token: string,
  ): { ok: true; employeeId: string; kind: CheckInKind } | { ok: false; reason: string } => {
    for (const kind of ['IN', 'OUT'] as const) {
      const check = kit.links.verify(purposeOf(kind), token);
      if (check.ok) return { ok: true, employeeId: check.subjectId, kind };
      if (check.reason === 'expired') return { ok: false, reason: 'expired' };
    }
    return { ok: false, reason: 'invalid' };
  };
  const employeeOf = (id: string) =>
    kit.db.employee.findUnique({ where: { id }, select: { id: true, name: true, locale: true, timeZone: true } });
  const locale = (l: string | undefined): Locale => (l === 'en' ? 'en' : l === 'zh-CN' ? 'zh-CN' : kit.config.locale);

  return [
    route({
      method: 'GET',
      path: '/:token',
      summary: 'The mobile check-in page behind a personal signed link',
      params,
      handle: async ({ params: p, reply }) => {
        const check = verify(p.token);
        reply
          .header('content-security-policy', PAGE_CSP)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8');
        if (!check.ok) {
          const t = translator(kit.config.locale);
          return reply
            .code(check.reason === 'expired' ? 410 : 404)
            .send(
              messagePage(
                t(check.reason === 'expired' ? 'attendance.page.expired' : 'attendance.page.invalid'),
                t,
                kit.config.locale,
              ),
            );
        }
        const employee = await employeeOf(check.employeeId);
        const lang = locale(employee?.locale);
        const t = translator(lang);
        if (!employee) return reply.code(404).send(messagePage(t('attendance.page.invalid'), t, lang));
        const sites = await sitesForToday(kit.db, employee.id, kit.now(), employee.timeZone);
        return reply.send(checkInPage({ kind: check.kind, name: employee.name, sites }, t, lang));
      },
    }),
    route({
      method: 'POST',
      path: '/:token',
      summary: 'Submit the check-in page’s position',
      params,
      body: checkInBody,
      handle: async ({ params: p, body, reply }) => {
        const check = verify(p.token);
        if (!check.ok) return replyError(reply, check.reason === 'expired' ? 410 : 404, 'error.not_found');
        const at = new Date(body.at);
        const now = kit.now();
        if (Math.abs(at.getTime() - now.getTime()) > MAX_CLOCK_SKEW_MS)
          return replyError(reply, 400, 'error.bad_request', { detail: 'body.at: too far from the current time' });
        const employee = await employeeOf(check.employeeId);
        if (!employee) return replyError(reply, 404, 'error.not_found');
        const lang = locale(employee.locale);
        const t = translator(lang);
        const result = await submit(kit, {
          token: p.token,
          employeeId: employee.id,
          kind: check.kind,
          method: 'PAGE',
          at,
          lat: body.lat,
          lng: body.lng,
          accuracyM: body.accuracyM,
          mock: body.mock ?? false,
          device: body.device ?? null,
        });
        if (result.status === 'consent_required')
          return reply.code(403).send({ shown: 'refused', title: t('attendance.page.consent'), lines: [] });
        if (!('checkIn' in result))
          return reply.code(409).send({ shown: 'refused', title: t('attendance.page.used'), lines: [] });
        return pageResult(result.checkIn, employee.timeZone, t);
      },
    }),
  ];
}

export interface Submission {
  token: string;
  employeeId: string;
  kind: CheckInKind;
  method: CheckInMethod;
  at: Date;
  lat: number;
  lng: number;
  accuracyM: number;
  mock: boolean;
  device: string | null;
}

/**
 * One submission of a check-in link: the link's hash is the check-in's external id, so the same
 * submission twice is one check-in; a second device using the same link is refused and flagged.
 */
async function submit(
  kit: FeatureKit,
  s: Submission,
): Promise<{ status: 'stored' | 'duplicate'; checkIn: StoredCheckIn } | { status: 'consent_required' | 'used' }> {
  const externalId = `link:${createHash('sha256').update(s.token).digest('hex').slice(0, 40)}`;
  const prior = await kit.db.checkIn.findUnique({ where: { externalId }, select: { id: true, device: true } });
  if (prior?.device && s.device && prior.device !== s.device) {
    await flagSecondDevice(kit, prior.id);
    return { status: 'used' };
  }
  const result = await recordCheckIn(kit, {
    employeeId: s.employeeId,
    kind: s.kind,
    method: s.method,
    at: s.at,
    lat: s.lat,
    lng: s.lng,
    datum: 'WGS84',
    accuracyM: s.accuracyM,
    mockHint: s.mock,
    device: s.device,
    externalId,
  });
  return result;
}

/** The link that made this check-in was used again from another device: the check-in needs review. */
async function flagSecondDevice(kit: FeatureKit, checkInId: string): Promise<void> {
  await kit.db.$transaction(async (tx) => {
    const row = await tx.checkIn.findUnique({
      where: { id: checkInId },
      select: { employeeId: true, verdict: true, flags: true, evidence: true },
    });
    if (!row) return;
    const evidence = parseEvidence(row.evidence);
    if (evidence.some((f) => f.code === 'second_device')) return;
    evidence.push({ code: 'second_device', evidence: {} });
    const verdict = row.verdict === 'ACCEPTED' ? 'FLAGGED' : row.verdict;
    await tx.checkIn.update({
      where: { id: checkInId },
      data: { verdict, evidence: JSON.stringify(evidence), flags: JSON.stringify(evidence.map((f) => f.code)) },
    });
    await kit.events.emit(
      tx,
      'checkIn.flagged',
      { checkInId, employeeId: row.employeeId, flags: evidence.map((f) => f.code) },
      { key: `${checkInId}:second_device` },
    );
    await kit.events.emit(
      tx,
      'record.changed',
      { recordType: 'CheckIn', recordId: checkInId, employeeId: row.employeeId, at: kit.now().toISOString() },
      { key: `CheckIn:${checkInId}:second_device` },
    );
  });
  await kit.audit.system({ action: 'attendance.link.second_device', subjectType: 'CheckIn', subjectId: checkInId });
}

function pageResult(c: StoredCheckIn, timeZone: string, t: ReturnType<typeof translator>) {
  const card = checkInResultCard(checkInView(c, timeZone), t);
  return {
    checkInId: c.id,
    verdict: c.verdict,
    shown: shown(c.verdict),
    title: card.title,
    lines: [
      ...(c.distanceM !== null
        ? [`${t('attendance.field.distance')}: ${t('attendance.value.meters', { m: Math.round(c.distanceM) })}`]
        : []),
      ...(c.site ? [`${t('attendance.field.site')}: ${c.site.name}`] : []),
      ...(c.site && c.distanceM !== null && c.distanceM > c.site.radiusM
        ? [t('attendance.outside', { distance: Math.round(c.distanceM), radius: c.site.radiusM })]
        : []),
      ...c.flags.map((f) => describeFlag(f, t)),
    ],
  };
}

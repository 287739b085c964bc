// `survey <work order>` / `问卷`: the invitation card again; `surveys [month]` / `满意度`: response
// rate, CSAT and NPS with their counts, flagged answers and the latest comments, for oneself
// (employees), one's teams (managers) or everyone (HR).
import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import { type SurveyStatsRow, surveyStatsCard } from '../../cards/survey-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext, CommandContext } from '../bot/registry.js';
import type { Translate } from '../i18n/index.js';
import { parsePeriod, periodRange } from '../time/period.js';
import { parseFlags } from './answer.js';
import { ensureInvitation, inviteCard, withCode } from './invitations.js';
import { evidenceText } from './review.js';
import { type SurveyStats, surveyStats } from './stats.js';

const notice = (ctx: { t: Translate }, body: string): Card[] => [noticeCard({ body, tone: 'warning' }, ctx.t)];

export async function surveyCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const ref = ctx.args.join(' ').trim();
  if (!ref) return notice(ctx, ctx.t('surveys.usage'));
  const order = await kit.db.workOrder.findFirst({
    where: { externalId: ref.slice(0, 64) },
    select: { id: true, externalId: true, status: true, assigneeId: true },
  });
  if (!order?.assigneeId || !(await kit.access.employee(ctx.actor, order.assigneeId))) {
    return notice(ctx, ctx.t('surveys.order_not_found', { order: ref.slice(0, 64) }));
  }
  if (order.status !== 'COMPLETED' && order.status !== 'CLOSED') {
    return notice(ctx, ctx.t('surveys.order_not_completed', { order: order.externalId }));
  }
  const { invitation } = await ensureInvitation(kit, order.id, order.assigneeId);
  await kit.audit.as(ctx)({ action: 'survey.link.shown', subjectType: 'SurveyInvitation', subjectId: invitation.id });
  return [(await inviteCard(kit, invitation))(ctx.t)];
}

export async function resendAction(kit: FeatureKit, ctx: ActionContext): Promise<Card[]> {
  const id = (ctx.value ?? '').slice(0, 64);
  const found = id
    ? await kit.db.surveyInvitation.findUnique({
        where: { id },
        select: {
          id: true,
          code: true,
          workOrderId: true,
          employeeId: true,
          sentAt: true,
          expiresAt: true,
          usedAt: true,
        },
      })
    : null;
  if (!found || !(await kit.access.employee(ctx.actor, found.employeeId))) {
    return notice(ctx, ctx.t('surveys.invitation_not_found'));
  }
  const invitation = await withCode(kit, found);
  await kit.audit.as(ctx)({ action: 'survey.link.resent', subjectType: 'SurveyInvitation', subjectId: invitation.id });
  return [(await inviteCard(kit, invitation))(ctx.t)];
}

export function formatStats(s: SurveyStats, t: Translate): Omit<SurveyStatsRow, 'name' | 'flagged'> {
  const responseRate =
    s.responseRate === null
      ? '—'
      : s.small
        ? t('surveys.stats.of', { answered: s.answered, sent: s.sent })
        : `${s.responseRate}% (${t('surveys.stats.of', { answered: s.answered, sent: s.sent })})`;
  const csat = s.csatAvg === null ? '—' : `${s.csatAvg} (n=${s.csatCount})`;
  const nps =
    s.nps === null
      ? '—'
      : s.npsCount < 5
        ? t('surveys.stats.nps_small', { promoters: s.promoters, detractors: s.detractors, count: s.npsCount })
        : `${s.nps > 0 ? '+' : ''}${s.nps} (n=${s.npsCount})`;
  return { responseRate, csat, nps };
}

export async function statsCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const period = parsePeriod(ctx.args[0], ctx.now, ctx.actor.timeZone);
  if (!period) return notice(ctx, ctx.t('surveys.stats.usage'));
  const { start, end } = periodRange(period, ctx.actor.timeZone);
  const scope = await kit.access.scope(ctx.actor);
  const people = scope.all
    ? undefined
    : ctx.actor.role === 'EMPLOYEE'
      ? [ctx.actor.id]
      : [...scope.employeeIds].filter((id) => id !== ctx.actor.id);
  const who = people ? { employeeId: { in: people } } : {};
  const [invitations, answers] = await Promise.all([
    kit.db.surveyInvitation.groupBy({
      by: ['employeeId'],
      where: { ...who, sentAt: { gte: start, lt: end } },
      _count: { _all: true },
    }),
    kit.db.surveyAnswer.findMany({
      where: { ...who, answeredAt: { gte: start, lt: end } },
      orderBy: { answeredAt: 'desc' },
      select: {
        employeeId: true,
        csat: true,
        nps: true,
        comment: true,
        flags: true,
        workOrder: { select: { externalId: true } },
      },
    }),
  ]);
  const ids = [...new Set([...invitations.map((i) => i.employeeId), ...answers.map((a) => a.employeeId)])];
  const names = new Map(
    (await kit.db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => [
      e.id,
      e.name,
    ]),
  );
  const sentBy = new Map(invitations.map((i) => [i.employeeId, i._count._all]));
  const all = surveyStats(
    invitations.reduce((s, i) => s + i._count._all, 0),
    answers,
  );
  const perPerson = ids
    .map((id) => {
      const mine = answers.filter((a) => a.employeeId === id);
      return {
        id,
        stats: surveyStats(sentBy.get(id) ?? 0, mine),
        fiveStar: mine.filter((a) => a.csat === 5).length,
        flagged: mine.filter((a) => parseFlags(a.flags).length > 0).length,
      };
    })
    .sort((a, b) => (names.get(a.id) ?? '').localeCompare(names.get(b.id) ?? ''));
  // Cherry-picking shows as a low response rate with near-perfect answers, against the scope's rate.
  const warnings = perPerson
    .filter(
      (p) =>
        ids.length > 1 &&
        all.responseRate !== null &&
        p.stats.responseRate !== null &&
        p.stats.answered >= 3 &&
        p.stats.responseRate <= all.responseRate / 2 &&
        p.fiveStar / p.stats.answered >= 0.9,
    )
    .map((p) =>
      ctx.t('surveys.stats.cherry_picking', {
        name: names.get(p.id) ?? p.id,
        rate: p.stats.responseRate ?? 0,
        fiveStar: Math.round((100 * p.fiveStar) / p.stats.answered),
        scopeRate: all.responseRate ?? 0,
      }),
    );
  const rows: SurveyStatsRow[] = perPerson.slice(0, 40).map((p) => ({
    name: names.get(p.id) ?? p.id,
    ...formatStats(p.stats, ctx.t),
    flagged: p.flagged,
  }));
  if (perPerson.length > 1) {
    rows.push({
      name: ctx.t('surveys.stats.total'),
      ...formatStats(all, ctx.t),
      flagged: perPerson.reduce((s, p) => s + p.flagged, 0),
    });
  }
  const comments = answers
    .filter((a) => a.comment)
    .slice(0, 5)
    .map((a) => ({
      order: a.workOrder?.externalId ?? '—',
      csat: a.csat,
      text: (a.comment as string).length > 80 ? `${(a.comment as string).slice(0, 80)}…` : (a.comment as string),
    }));
  const flagged =
    ctx.actor.role === 'EMPLOYEE'
      ? []
      : answers
          .map((a) => ({ a, flags: parseFlags(a.flags) }))
          .filter((x) => x.flags.length > 0)
          .slice(0, 10)
          .map(({ a, flags }) => ({
            name: names.get(a.employeeId) ?? a.employeeId,
            order: a.workOrder?.externalId ?? '—',
            csat: a.csat,
            evidence: flags.map((f) => evidenceText(f, ctx.t, ctx.actor.timeZone)),
          }));
  await kit.audit.as(ctx)({
    action: 'survey.stats.viewed',
    subjectType: 'period',
    subjectId: period,
    details: { people: ids.length },
  });
  const scopeName =
    ctx.actor.role === 'EMPLOYEE'
      ? ctx.actor.name
      : scope.all
        ? ctx.t('surveys.stats.scope_all')
        : ctx.t('surveys.stats.scope_team');
  return [surveyStatsCard({ scope: scopeName, period, rows, comments, warnings, flagged }, ctx.t)];
}

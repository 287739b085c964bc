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
        review: { select: { decision: true } },
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
            evidence: [
              ...flags.map((f) => evidenceText(f, ctx.t, ctx.actor.timeZone)),
              ...(a.review
                ? [ctx.t(a.review.decision === 'EXCLUDE' ? 'surveys.stats.excluded' : 'surveys.stats.counted')]
                : []),
            ],
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

/**
 * `survey exclude <order> <reason>` / `问卷 剔除 …` and `survey count <order> <reason>` / `问卷 计入 …`
 * (HR): whether a work order's answer counts in the KPI. The answer is never edited; the decision
 * is a separate row, audited with its reason, and the engineer's KPI is recomputed.
 */
export async function decideCommand(
  kit: FeatureKit,
  ctx: CommandContext,
  decision: 'EXCLUDE' | 'COUNT',
): Promise<Card[]> {
  const [ref, ...words] = ctx.args;
  const reason = words.join(' ').trim().slice(0, 200);
  if (!ref || !reason) return notice(ctx, ctx.t('surveys.decide.usage'));
  const answers = await kit.db.surveyAnswer.findMany({
    where: { workOrder: { externalId: ref.slice(0, 64) } },
    select: { id: true, employeeId: true, answeredAt: true, csat: true, employee: { select: { name: true } } },
  });
  if (!answers.length) return notice(ctx, ctx.t('surveys.decide.no_answer', { order: ref.slice(0, 64) }));
  const at = kit.now();
  for (const a of answers) {
    const previous = await kit.db.$transaction(async (tx) => {
      const before = await tx.surveyReview.findUnique({ where: { answerId: a.id }, select: { decision: true } });
      await tx.surveyReview.upsert({
        where: { answerId: a.id },
        create: { answerId: a.id, decision, reason, decidedById: ctx.actor.id, decidedAt: at },
        update: { decision, reason, decidedById: ctx.actor.id, decidedAt: at },
      });
      await kit.events.emit(
        tx,
        'record.changed',
        { recordType: 'SurveyAnswer', recordId: a.id, employeeId: a.employeeId, at: a.answeredAt.toISOString() },
        { key: `SurveyReview:${a.id}:${at.getTime()}` },
      );
      return before?.decision ?? null;
    });
    await kit.audit.as(ctx)({
      action: decision === 'EXCLUDE' ? 'survey.answer.excluded' : 'survey.answer.counted',
      subjectType: 'SurveyAnswer',
      subjectId: a.id,
      details: { reason, previous },
    });
  }
  const first = answers[0] as (typeof answers)[number];
  return [
    noticeCard(
      {
        body: ctx.t(decision === 'EXCLUDE' ? 'surveys.decide.excluded' : 'surveys.decide.counted', {
          order: ref.slice(0, 64),
          engineer: first.employee.name,
          csat: first.csat,
          reason,
        }),
        tone: 'success',
      },
      ctx.t,
    ),
  ];
}

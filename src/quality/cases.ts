// The case library (案例库): resolved errors published anonymised, searchable by keyword in
// either language, so a team reviews what went wrong without naming anyone.

import type { Card } from '../../cards/card.js';
import { type CaseView, caseListCard, casePublishedCard } from '../../cards/quality-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { localDate } from '../time/zoned.js';
import { anonymise } from './anonymise.js';
import { appealOpen } from './rules.js';
import { findErrorByRef } from './store.js';

const MAX_CASES = 10;

export function caseHandlers(kit: FeatureKit) {
  const { db } = kit;

  async function publish(ctx: CommandContext): Promise<Card[]> {
    if (ctx.actor.role === 'EMPLOYEE')
      throw new KaopuError('bot.forbidden', {
        status: 403,
        params: { role: ctx.t('role.EMPLOYEE'), command: 'cases publish' },
      });
    const ref = ctx.args[0];
    if (!ref) throw new KaopuError('quality.cases.usage');
    const error = await findErrorByRef(db, ref);
    if (!error || !(await kit.access.employee(ctx.actor, error.employeeId))) {
      throw new KaopuError('quality.ref_not_found', { status: 404, params: { ref: ref.slice(0, 20) } });
    }
    const resolved =
      error.status === 'UPHELD' || (error.status === 'RECORDED' && !appealOpen(error.createdAt, ctx.now));
    if (!resolved) throw new KaopuError('quality.cases.not_resolved');
    // Every person's and customer's name is a candidate: the description is free text.
    const [people, customers] = await Promise.all([
      db.employee.findMany({ select: { name: true } }),
      db.customer.findMany({ select: { name: true } }),
    ]);
    const caseText = anonymise(
      error.description,
      [...people, ...customers].map((p) => p.name),
      {
        person: ctx.t('quality.anon.person'),
        id: ctx.t('quality.anon.id'),
      },
    );
    await db.qualityError.update({
      where: { id: error.id },
      data: { inCaseLibrary: true, caseText, publishedAt: ctx.now },
    });
    await kit.audit.as(ctx)({ action: 'quality.case.publish', subjectType: 'QualityError', subjectId: error.id });
    return [casePublishedCard(toCase({ ...error, caseText }, ctx.actor.timeZone), ctx.t)];
  }

  async function search(ctx: CommandContext): Promise<Card[]> {
    const keyword = ctx.args.join(' ').trim().slice(0, 50) || null;
    const rows = await db.qualityError.findMany({
      where: {
        inCaseLibrary: true,
        ...(keyword ? { OR: [{ category: { contains: keyword } }, { caseText: { contains: keyword } }] } : {}),
      },
      select: { grade: true, attribution: true, category: true, caseText: true, occurredAt: true },
      orderBy: { publishedAt: 'desc' },
      take: MAX_CASES,
    });
    return [
      caseListCard(
        rows.map((r) => toCase(r, ctx.actor.timeZone)),
        keyword,
        ctx.t,
      ),
    ];
  }

  return {
    async cases(ctx: CommandContext): Promise<Card[]> {
      const word = ctx.args[0]?.toLowerCase();
      if (word === 'publish' || word === '发布') return publish({ ...ctx, args: ctx.args.slice(1) });
      return search(ctx);
    },
  };
}

function toCase(
  row: {
    grade: CaseView['grade'];
    attribution: CaseView['attribution'];
    category: string;
    caseText: string | null;
    occurredAt: Date;
  },
  timeZone: string,
): CaseView {
  return {
    date: localDate(row.occurredAt, timeZone).slice(0, 7),
    grade: row.grade,
    attribution: row.attribution,
    category: row.category,
    text: row.caseText ?? '',
  };
}

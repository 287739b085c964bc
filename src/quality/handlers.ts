// `error`, `errors`, `appeal`, `appeals` and the buttons behind them. Each write is one
// transaction with its `record.changed` event, so the KPI recompute follows exactly the facts.
import { z } from 'zod';
import type { Card } from '../../cards/card.js';
import {
  appealedCard,
  appealFormCard,
  appealReviewCard,
  DECISION_WORDS,
  type DecisionWord,
  decidedCard,
  decisionFormCard,
  errorListCard,
  errorNoticeCard,
  errorRecordedCard,
  noAppealsCard,
  retrainingCard,
} from '../../cards/quality-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext, CommandContext, HandlerContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import {
  APPEAL_DEADLINES,
  appealOpen,
  applyDecision,
  canAppeal,
  decisionOf,
  needsRetraining,
  parseAttribution,
  parseGrade,
  RETRAINING_RULE,
} from './rules.js';
import { attributionHelp, errorSelect, findErrorByRef, findPeople, loadError, reviewerFor, toView } from './store.js';

/** Days an employee has to appeal, said on the notice card. */
export const APPEAL_DAYS = APPEAL_DEADLINES.appealDays;
const MAX_TEXT = 2000;

const clean = (s: string) => s.trim().slice(0, MAX_TEXT);

export function qualityHandlers(kit: FeatureKit) {
  const { db } = kit;

  async function recordError(ctx: CommandContext): Promise<Card[]> {
    const [who, gradeWord, attributionWord, category, ...rest] = ctx.args;
    const grade = parseGrade(gradeWord);
    const attribution = parseAttribution(attributionWord);
    const description = clean(rest.join(' '));
    if (!who || !grade || !attribution || !category || !description) throw new KaopuError('quality.usage.error');
    const people = await findPeople(db, who);
    if (!people.length)
      throw new KaopuError('quality.person_not_found', { status: 404, params: { name: who.slice(0, 40) } });
    if (people.length > 1) {
      const choices = people.map((p) => `${p.name} ${p.employeeNo}`).join(ctx.t('quality.list.separator'));
      throw new KaopuError('quality.person_ambiguous', { params: { name: who.slice(0, 40), choices } });
    }
    const person = people[0] as (typeof people)[number];
    if (person.id === ctx.actor.id || !(await kit.access.employee(ctx.actor, person.id))) {
      await kit.audit.as(ctx)({ action: 'bot.refused', subjectType: 'QualityError', subjectId: person.id });
      throw new KaopuError('quality.not_your_team', { status: 403 });
    }
    const at = ctx.now;
    const created = await db.$transaction(async (tx) => {
      const row = await tx.qualityError.create({
        data: {
          employeeId: person.id,
          grade,
          attribution,
          category: clean(category).slice(0, 100),
          description,
          occurredAt: at,
          recordedById: ctx.actor.id,
          // The app's clock, not the database's: the appeal deadline counts from here.
          createdAt: at,
        },
        select: { id: true },
      });
      await kit.events.emit(
        tx,
        'record.changed',
        { recordType: 'QualityError', recordId: row.id, employeeId: person.id, at: at.toISOString() },
        { key: `quality.error:${row.id}:recorded` },
      );
      return row;
    });
    await kit.audit.as(ctx)({
      action: 'quality.error.record',
      subjectType: 'QualityError',
      subjectId: created.id,
      details: { employeeId: person.id, grade, attribution },
    });
    const row = await loadError(db, created.id);
    if (!row) throw new KaopuError('quality.ref_not_found', { params: { ref: created.id.slice(-6) } });
    await kit.notify({ employeeId: person.id }, (t) => errorNoticeCard(toView(row, person.timeZone), APPEAL_DAYS, t), {
      dedupeKey: `quality.error:${created.id}`,
    });
    await enrolIfRepeated(person, row.category, created.id, at);
    const help = await attributionHelp(db, person, row.category, at);
    return [errorRecordedCard(toView(row, ctx.actor.timeZone), help, ctx.t)];
  }

  /**
   * Repeat errors of one kind enrol the person in retraining once per kind and window: a
   * TrainingRecord with reason RETRAINING tied to the error, which the training system's sync
   * or API completes; the person and their manager are told.
   */
  async function enrolIfRepeated(person: { id: string; name: string }, category: string, errorId: string, at: Date) {
    const since = new Date(at.getTime() - RETRAINING_RULE.windowDays * 86_400_000);
    const errors = await db.qualityError.findMany({
      where: { employeeId: person.id, category, occurredAt: { gte: since } },
      select: { attribution: true, status: true, occurredAt: true },
    });
    if (!needsRetraining(errors, at)) return;
    const courseCode = `RETRAIN:${category}`.slice(0, 100);
    const open = await db.trainingRecord.findFirst({
      where: { employeeId: person.id, reason: 'RETRAINING', courseCode, completedAt: null, enrolledAt: { gte: since } },
      select: { id: true },
    });
    if (open) return;
    const record = await db.trainingRecord.create({
      data: {
        employeeId: person.id,
        courseCode,
        courseName: category,
        minutes: 0,
        reason: 'RETRAINING',
        errorId,
        enrolledAt: at,
      },
      select: { id: true },
    });
    await kit.audit.system({
      action: 'quality.retraining.enrol',
      subjectType: 'TrainingRecord',
      subjectId: record.id,
      details: { employeeId: person.id, errorId },
    });
    const view = { name: person.name, category, count: errors.length, days: RETRAINING_RULE.windowDays };
    for (const recipient of [{ employeeId: person.id }, { managerOf: person.id }] as const) {
      await kit.notify(recipient, (t) => retrainingCard(view, t), {
        dedupeKey: `quality.retraining:${record.id}:${'employeeId' in recipient ? 'person' : 'manager'}`,
      });
    }
  }

  /** The error the actor wants to appeal, checked: theirs, and still open to appeal. */
  async function appealable(ctx: HandlerContext, row: Awaited<ReturnType<typeof loadError>>, ref: string) {
    if (!row) throw new KaopuError('quality.ref_not_found', { status: 404, params: { ref: ref.slice(0, 20) } });
    if (row.employeeId !== ctx.actor.id) {
      await kit.audit.as(ctx)({ action: 'bot.refused', subjectType: 'QualityError', subjectId: row.id });
      throw new KaopuError('quality.not_yours', { status: 403 });
    }
    if (!canAppeal(row.status)) {
      throw new KaopuError('quality.cannot_appeal', { params: { status: ctx.t(`quality.status.${row.status}`) } });
    }
    if (!appealOpen(row.createdAt, ctx.now))
      throw new KaopuError('quality.appeal_closed', { params: { days: APPEAL_DAYS } });
    return row;
  }

  async function fileAppeal(ctx: HandlerContext, errorId: string, ref: string, statementText: string): Promise<Card[]> {
    const row = await appealable(ctx, await loadError(db, errorId), ref);
    const statement = clean(statementText);
    if (!statement) throw new KaopuError('quality.statement_required');
    const reviewer = await reviewerFor(db, row);
    const appeal = await db.$transaction(async (tx) => {
      // Conditional: a second submission (a double press, another device) finds it APPEALED.
      const moved = await tx.qualityError.updateMany({
        where: { id: row.id, status: 'RECORDED' },
        data: { status: 'APPEALED' },
      });
      if (moved.count !== 1) return null;
      return tx.appeal.create({
        data: {
          errorId: row.id,
          employeeId: row.employeeId,
          reason: statement,
          reviewerId: reviewer?.id ?? null,
          createdAt: ctx.now,
        },
        select: { id: true },
      });
    });
    if (!appeal) {
      throw new KaopuError('quality.cannot_appeal', { params: { status: ctx.t('quality.status.APPEALED') } });
    }
    await kit.audit.as(ctx)({
      action: 'quality.appeal.file',
      subjectType: 'Appeal',
      subjectId: appeal.id,
      details: { errorId: row.id },
    });
    const fresh = await loadError(db, row.id);
    if (reviewer && fresh) {
      await kit.notify(
        { employeeId: reviewer.id },
        (t) => appealReviewCard(toView(fresh, row.employee.timeZone), appeal.id, statement, t),
        { dedupeKey: `quality.appeal:${appeal.id}` },
      );
    }
    return [appealedCard(reviewer?.name ?? '—', ctx.t)];
  }

  async function loadPendingAppeal(ctx: HandlerContext, appealId: string) {
    const appeal = await db.appeal.findUnique({
      where: { id: appealId },
      select: {
        id: true,
        status: true,
        reason: true,
        reviewerId: true,
        errorId: true,
        reviewer: { select: { name: true } },
      },
    });
    if (!appeal) throw new KaopuError('quality.ref_not_found', { status: 404, params: { ref: appealId.slice(-6) } });
    const hr = ctx.actor.role === 'HR' || ctx.actor.role === 'ADMIN';
    if (appeal.reviewerId !== ctx.actor.id && !hr) {
      await kit.audit.as(ctx)({ action: 'bot.refused', subjectType: 'Appeal', subjectId: appeal.id });
      throw new KaopuError('quality.not_reviewer', { status: 403 });
    }
    if (appeal.status !== 'PENDING') {
      throw new KaopuError('quality.already_decided', {
        status: 409,
        params: { reviewer: appeal.reviewer?.name ?? '—' },
      });
    }
    const error = await loadError(db, appeal.errorId);
    if (!error)
      throw new KaopuError('quality.ref_not_found', { status: 404, params: { ref: appeal.errorId.slice(-6) } });
    return { appeal, error };
  }

  async function decide(
    ctx: HandlerContext,
    appealId: string,
    word: DecisionWord,
    reasonText: string,
  ): Promise<Card[]> {
    const reason = clean(reasonText);
    if (!reason) throw new KaopuError('quality.reason_required');
    const decision = decisionOf(word);
    if (!decision) throw new KaopuError('quality.form_unreadable');
    const { error } = await loadPendingAppeal(ctx, appealId);
    const outcome = applyDecision(error, decision);
    if ('refused' in outcome) throw new KaopuError('quality.already_minor');
    const decided = await db.$transaction(async (tx) => {
      // Two reviewers pressing at once: the first conditional update wins, the second sees 0 rows.
      const won = await tx.appeal.updateMany({
        where: { id: appealId, status: 'PENDING' },
        data: { status: outcome.appeal, reviewerId: ctx.actor.id, decisionNote: reason, decidedAt: ctx.now },
      });
      if (won.count !== 1) return false;
      await tx.qualityError.update({
        where: { id: error.id },
        data: { grade: outcome.error.grade, attribution: outcome.error.attribution, status: outcome.error.status },
      });
      await kit.events.emit(
        tx,
        'record.changed',
        { recordType: 'QualityError', recordId: error.id, employeeId: error.employeeId, at: ctx.now.toISOString() },
        { key: `quality.appeal:${appealId}:decided` },
      );
      return true;
    });
    if (!decided) {
      const by = await db.appeal.findUnique({
        where: { id: appealId },
        select: { reviewer: { select: { name: true } } },
      });
      throw new KaopuError('quality.already_decided', { status: 409, params: { reviewer: by?.reviewer?.name ?? '—' } });
    }
    await kit.audit.as(ctx)({
      action: 'quality.appeal.decide',
      subjectType: 'Appeal',
      subjectId: appealId,
      details: { errorId: error.id, decision: word },
    });
    const after = await db.qualityError.findUniqueOrThrow({ where: { id: error.id }, select: errorSelect });
    await kit.notify(
      { employeeId: error.employeeId },
      (t) => decidedCard(toView(after, error.employee.timeZone), word, reason, true, t),
      { dedupeKey: `quality.appeal:${appealId}:decided` },
    );
    return [decidedCard(toView(after, ctx.actor.timeZone), word, reason, false, ctx.t)];
  }

  async function listErrors(ctx: CommandContext): Promise<Card[]> {
    const scope = await kit.access.scope(ctx.actor);
    const team = ctx.actor.role !== 'EMPLOYEE';
    const who = scope.all ? {} : { employeeId: { in: [...scope.employeeIds] } };
    const rows = await db.qualityError.findMany({
      where: team ? who : { employeeId: ctx.actor.id },
      select: errorSelect,
      orderBy: { occurredAt: 'desc' },
      take: 60,
    });
    const views = rows.map((r) => toView(r, ctx.actor.timeZone));
    const own = team ? views.filter((v) => v.attribution === 'PERSON').slice(0, 30) : views.slice(0, 30);
    const improvements = team ? views.filter((v) => v.consequence === 'process').slice(0, 30) : [];
    const appealable = views.filter(
      (v) => rows.find((r) => r.id === v.id)?.employeeId === ctx.actor.id && canAppeal(v.status),
    );
    return [errorListCard({ own, improvements, team, appealable }, ctx.t)];
  }

  async function listAppeals(ctx: CommandContext): Promise<Card[]> {
    const hr = ctx.actor.role === 'HR' || ctx.actor.role === 'ADMIN';
    const appeals = await db.appeal.findMany({
      where: { status: 'PENDING', ...(hr ? {} : { reviewerId: ctx.actor.id }) },
      select: { id: true, reason: true, error: { select: errorSelect } },
      orderBy: { createdAt: 'asc' },
      take: 10,
    });
    if (!appeals.length) return [noAppealsCard(ctx.t)];
    await kit.audit.as(ctx)({
      action: 'quality.appeals.list',
      subjectType: 'Appeal',
      details: { count: appeals.length },
    });
    return appeals.map((a) => appealReviewCard(toView(a.error, ctx.actor.timeZone), a.id, a.reason, ctx.t));
  }

  return {
    recordError,
    listErrors,
    listAppeals,
    async appealCommand(ctx: CommandContext): Promise<Card[]> {
      const [ref, ...rest] = ctx.args;
      if (!ref || !rest.length) throw new KaopuError('quality.usage.appeal');
      const row = await findErrorByRef(db, ref);
      const checked = await appealable(ctx, row ?? null, ref);
      return fileAppeal(ctx, checked.id, ref, rest.join(' '));
    },
    async openAppeal(ctx: ActionContext): Promise<Card[]> {
      const id = ctx.value ?? '';
      const row = await appealable(ctx, await loadError(db, id), id);
      return [appealFormCard(toView(row, ctx.actor.timeZone), ctx.t)];
    },
    async submitAppeal(ctx: ActionContext): Promise<Card[]> {
      const form = submitted.safeParse(parseJson(ctx.value));
      if (!form.success) throw new KaopuError('quality.form_unreadable');
      return fileAppeal(ctx, form.data.value, form.data.value, form.data.fields.statement ?? '');
    },
    async openDecision(ctx: ActionContext): Promise<Card[]> {
      const [appealId, word] = decisionValue(ctx.value);
      const { error } = await loadPendingAppeal(ctx, appealId);
      return [decisionFormCard(toView(error, ctx.actor.timeZone), appealId, word, ctx.t)];
    },
    async submitDecision(ctx: ActionContext): Promise<Card[]> {
      const form = submitted.safeParse(parseJson(ctx.value));
      if (!form.success) throw new KaopuError('quality.form_unreadable');
      const [appealId, word] = decisionValue(form.data.value);
      return decide(ctx, appealId, word, form.data.fields.reason ?? '');
    },
  };
}

const submitted = z.object({
  value: z.string().min(1).max(200),
  fields: z.record(z.string().max(40), z.string().max(MAX_TEXT * 2)),
});

function parseJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    return null;
  }
}

function decisionValue(value: string | undefined): [string, DecisionWord] {
  const [appealId, word] = (value ?? '').split('|');
  const known = DECISION_WORDS.find((w) => w === word);
  if (!appealId || !known) throw new KaopuError('quality.form_unreadable');
  return [appealId, known];
}

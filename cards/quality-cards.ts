// Cards of the quality loop: an error as recorded, the employee's notice with its Appeal button,
// the appeal and decision forms, the reviewer's card and the lists. Pure: view model in, Card out.
import type { ErrorAttribution, ErrorGrade, ErrorStatus } from '../src/db/generated/sqlite/enums.js';
import type { Translate } from '../src/i18n/index.js';
import { type Block, type Button, type Card, makeCard } from './card.js';

export interface ErrorView {
  id: string;
  ref: string;
  personName: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  grade: ErrorGrade;
  attribution: ErrorAttribution;
  status: ErrorStatus;
  category: string;
  description: string;
  /** How it counts: from consequenceOf. */
  consequence: 'deducts' | 'process' | 'none';
  recordedBy?: string;
}

export interface AttributionHelp {
  personName: string;
  trainings: string[];
  similarOwn: number;
  similarTeam: number;
  similarTeamPeople: number;
}

export type DecisionWord = 'uphold' | 'reduce' | 'process' | 'system' | 'training' | 'withdraw';
export const DECISION_WORDS: readonly DecisionWord[] = [
  'uphold',
  'reduce',
  'process',
  'system',
  'training',
  'withdraw',
];

export const QUALITY_ACTIONS = {
  appealOpen: 'quality.appeal.open',
  appealSubmit: 'quality.appeal.submit',
  decideOpen: 'quality.decide.open',
  decideSubmit: 'quality.decide.submit',
} as const;

function consequenceText(view: ErrorView, t: Translate): string {
  if (view.consequence === 'deducts')
    return t('quality.consequence.deducts', { grade: t(`quality.grade.${view.grade}`) });
  return t(view.consequence === 'process' ? 'quality.consequence.process' : 'quality.consequence.none');
}

function errorFields(view: ErrorView, t: Translate): Block {
  return {
    type: 'fields',
    fields: [
      { label: t('quality.field.person'), value: view.personName },
      { label: t('quality.field.when'), value: view.date },
      { label: t('quality.field.grade'), value: t(`quality.grade.${view.grade}`) },
      { label: t('quality.field.attribution'), value: t(`quality.attribution.${view.attribution}`) },
      { label: t('quality.field.category'), value: view.category },
      { label: t('quality.field.status'), value: t(`quality.status.${view.status}`) },
      { label: t('quality.field.consequence'), value: consequenceText(view, t) },
      { label: t('quality.field.ref'), value: view.ref },
      ...(view.recordedBy ? [{ label: t('quality.field.recorded_by'), value: view.recordedBy }] : []),
    ],
  };
}

/** What the supervisor sees after recording: the error and what helps judge person vs process. */
export function errorRecordedCard(view: ErrorView, help: AttributionHelp, t: Translate): Card {
  const hints = [
    help.trainings.length
      ? t('quality.help.training', { name: help.personName, list: help.trainings.join(t('quality.list.separator')) })
      : t('quality.help.no_training', { name: help.personName }),
    t('quality.help.similar_own', { name: help.personName, count: help.similarOwn }),
    t('quality.help.similar_team', { count: help.similarTeam, people: help.similarTeamPeople }),
    ...(help.similarTeamPeople >= 3 ? [t('quality.help.process_hint')] : []),
  ];
  return makeCard({
    title: t('quality.recorded.title', { name: view.personName }),
    tone: 'success',
    audience: 'personal',
    blocks: [
      { type: 'text', text: t('quality.recorded.body', { name: view.personName }) },
      errorFields(view, t),
      { type: 'text', text: view.description },
      { type: 'divider' },
      { type: 'text', text: `${t('quality.help.title')}\n${hints.join('\n')}` },
    ],
  });
}

/** The employee's notice: the error, what it costs them, and the Appeal button. */
export function errorNoticeCard(view: ErrorView, appealDays: number, t: Translate): Card {
  return makeCard({
    title: t('quality.notice.title'),
    tone: 'warning',
    audience: 'personal',
    blocks: [
      { type: 'text', text: t('quality.notice.body', { recorder: view.recordedBy ?? '—', days: appealDays }) },
      errorFields(view, t),
      { type: 'text', text: view.description },
      {
        type: 'actions',
        buttons: [{ actionId: QUALITY_ACTIONS.appealOpen, label: t('quality.button.appeal'), value: view.id }],
      },
    ],
  });
}

export function appealFormCard(view: ErrorView, t: Translate): Card {
  return makeCard({
    title: t('quality.appeal_form.title', { category: view.category }),
    audience: 'personal',
    blocks: [
      errorFields(view, t),
      {
        type: 'form',
        submit: { actionId: QUALITY_ACTIONS.appealSubmit, label: t('quality.button.submit_appeal'), value: view.id },
        fields: [{ id: 'statement', label: t('quality.appeal_form.statement'), kind: 'text', required: true }],
        fallback: t('quality.appeal_form.fallback', { ref: view.ref }),
      },
    ],
  });
}

export function appealedCard(reviewer: string, t: Translate): Card {
  return makeCard({
    title: t('quality.appealed.title'),
    tone: 'success',
    audience: 'personal',
    blocks: [{ type: 'text', text: t('quality.appealed.body', { reviewer }) }],
  });
}

/** The reviewer's card: the error, the statement and one button per possible decision. */
export function appealReviewCard(view: ErrorView, appealId: string, statement: string, t: Translate): Card {
  const words = DECISION_WORDS.filter((w) => !(w === 'reduce' && view.grade === 'MINOR'));
  const buttons: Button[] = words.map((word) => ({
    actionId: QUALITY_ACTIONS.decideOpen,
    label: t(`quality.button.decide.${word}`),
    value: `${appealId}|${word}`,
    ...(word === 'withdraw' ? { style: 'primary' as const } : {}),
  }));
  return makeCard({
    title: t('quality.review.title', { name: view.personName }),
    tone: 'warning',
    audience: 'personal',
    blocks: [
      { type: 'text', text: t('quality.review.body', { name: view.personName }) },
      errorFields(view, t),
      { type: 'text', text: view.description },
      { type: 'fields', fields: [{ label: t('quality.field.statement'), value: statement }] },
      { type: 'actions', buttons },
    ],
  });
}

export function decisionFormCard(view: ErrorView, appealId: string, word: DecisionWord, t: Translate): Card {
  return makeCard({
    title: t('quality.decision_form.title', { decision: t(`quality.decision.${word}`) }),
    audience: 'personal',
    blocks: [
      errorFields(view, t),
      {
        type: 'form',
        submit: {
          actionId: QUALITY_ACTIONS.decideSubmit,
          label: t('quality.button.submit_decision'),
          value: `${appealId}|${word}`,
        },
        fields: [{ id: 'reason', label: t('quality.decision_form.reason'), kind: 'text', required: true }],
        fallback: t('quality.decision_form.fallback'),
      },
    ],
  });
}

export function decidedCard(
  view: ErrorView,
  word: DecisionWord,
  reason: string,
  forEmployee: boolean,
  t: Translate,
): Card {
  return makeCard({
    title: t(forEmployee ? 'quality.decided.employee_title' : 'quality.decided.title'),
    tone: word === 'uphold' ? 'info' : 'success',
    audience: 'personal',
    blocks: [
      { type: 'text', text: t('quality.decided.body', { decision: t(`quality.decision.${word}`), reason }) },
      errorFields(view, t),
    ],
  });
}

function errorTable(rows: readonly ErrorView[], t: Translate): Block {
  return {
    type: 'table',
    columns: [
      t('quality.field.ref'),
      t('quality.field.when'),
      t('quality.field.person'),
      t('quality.field.grade'),
      t('quality.field.attribution'),
      t('quality.field.category'),
      t('quality.field.status'),
    ],
    rows: rows.map((r) => [
      r.ref,
      r.date,
      r.personName,
      t(`quality.grade.${r.grade}`),
      t(`quality.attribution.${r.attribution}`),
      r.category,
      t(`quality.status.${r.status}`),
    ]),
  };
}

/**
 * `errors`: the list, with an Appeal button per error the asker may still appeal; for managers the
 * process-improvement list (errors that cost nobody) comes after the people's own.
 */
export function errorListCard(
  view: {
    own: readonly ErrorView[];
    improvements: readonly ErrorView[];
    team: boolean;
    appealable: readonly ErrorView[];
  },
  t: Translate,
): Card {
  const blocks: Block[] = [];
  if (!view.own.length && !view.improvements.length) blocks.push({ type: 'text', text: t('quality.list.empty') });
  if (view.own.length) blocks.push(errorTable(view.own, t));
  if (view.appealable.length) {
    blocks.push({
      type: 'actions',
      buttons: view.appealable.slice(0, 5).map((e) => ({
        actionId: QUALITY_ACTIONS.appealOpen,
        label: `${t('quality.button.appeal')} ${e.ref}`,
        value: e.id,
      })),
    });
  }
  if (view.team && view.improvements.length) {
    blocks.push({ type: 'divider' });
    blocks.push({ type: 'text', text: t('quality.list.improvements', { count: view.improvements.length }) });
    blocks.push(errorTable(view.improvements, t));
  }
  const count = view.own.length + (view.team ? view.improvements.length : 0);
  return makeCard({
    title: t(view.team ? 'quality.list.title_team' : 'quality.list.title', { count }),
    audience: 'personal',
    blocks,
  });
}

export function noAppealsCard(t: Translate): Card {
  return makeCard({
    title: t('quality.appeals.title', { count: 0 }),
    audience: 'personal',
    blocks: [{ type: 'text', text: t('quality.appeals.empty') }],
  });
}

export interface CaseView {
  date: string;
  grade: ErrorGrade;
  attribution: ErrorAttribution;
  category: string;
  text: string;
}

/** `cases [keyword]`: the anonymised cases, newest first. */
export function caseListCard(cases: readonly CaseView[], keyword: string | null, t: Translate): Card {
  const title = keyword
    ? t('quality.cases.title_search', { keyword, count: cases.length })
    : t('quality.cases.title', { count: cases.length });
  const blocks: Block[] = cases.length
    ? cases.flatMap((c, i): Block[] => [
        ...(i > 0 ? [{ type: 'divider' as const }] : []),
        {
          type: 'fields',
          fields: [
            { label: t('quality.field.when'), value: c.date },
            { label: t('quality.field.category'), value: c.category },
            { label: t('quality.field.grade'), value: t(`quality.grade.${c.grade}`) },
            { label: t('quality.field.attribution'), value: t(`quality.attribution.${c.attribution}`) },
          ],
        },
        { type: 'text', text: c.text },
      ])
    : [{ type: 'text', text: t('quality.cases.empty') }];
  return makeCard({ title, blocks });
}

export function casePublishedCard(c: CaseView, t: Translate): Card {
  return makeCard({
    title: t('quality.cases.published_title'),
    tone: 'success',
    blocks: [{ type: 'text', text: t('quality.cases.published_body') }, ...caseListCard([c], null, t).blocks],
  });
}

/** To the employee and their manager when repeat errors enrol the employee in retraining. */
export function retrainingCard(
  view: { name: string; category: string; count: number; days: number },
  t: Translate,
): Card {
  return makeCard({
    title: t('quality.retraining.title', { category: view.category }),
    tone: 'warning',
    audience: 'personal',
    blocks: [{ type: 'text', text: t('quality.retraining.body', view) }],
  });
}

/** To HR when a reviewer left an appeal undecided past the deadline. */
export function escalatedAppealCard(
  view: ErrorView,
  appealId: string,
  statement: string,
  days: number,
  t: Translate,
): Card {
  const review = appealReviewCard(view, appealId, statement, t);
  return makeCard({
    title: t('quality.escalated.title'),
    tone: 'danger',
    audience: 'personal',
    blocks: [{ type: 'text', text: t('quality.escalated.body', { name: view.personName, days }) }, ...review.blocks],
  });
}

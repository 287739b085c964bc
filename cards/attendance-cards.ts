// Field attendance cards: the check-in link, consent, the result, the reviewer's card and the
// employee's outcome, and the day's trajectory. Pure: view model + translator in, Card out.
import type { MessageKey, Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';
import { type ReportLinks, reportLinkBlocks } from './report-links.js';

export const ATTENDANCE_ACTIONS = {
  consent: 'attendance.consent',
  revokeConsent: 'attendance.consent.revoke',
  note: 'attendance.note',
  accept: 'attendance.accept',
  reject: 'attendance.reject',
  fixApprove: 'attendance.fix.approve',
  fixDecline: 'attendance.fix.decline',
} as const;

type Kind = 'IN' | 'OUT';
type Shown = 'valid' | 'needs_review' | 'refused';

export interface FlagView {
  code: string;
  evidence: Record<string, string | number>;
}

export function describeFlag(flag: FlagView, t: Translate): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(flag.evidence)) params[k] = v;
  return t(`attendance.flag.${flag.code}` as MessageKey, params);
}

export interface LinkCardView {
  kind: Kind;
  url: string;
  minutes: number;
  sites: { name: string; workOrderTitle: string | null }[];
}

export function checkInLinkCard(v: LinkCardView, t: Translate): Card {
  const kind = t(`attendance.kind.${v.kind}`);
  const blocks: Block[] = [
    { type: 'text', text: t('attendance.link.body', { minutes: v.minutes }) },
    {
      type: 'text',
      text: v.sites.length
        ? `${t('attendance.link.sites')}: ${v.sites
            .slice(0, 5)
            .map((s) => (s.workOrderTitle ? `${s.name}（${s.workOrderTitle}）` : s.name))
            .join('、')}`
        : t('attendance.link.no_sites'),
    },
    { type: 'actions', buttons: [{ url: v.url, label: t('attendance.link.button', { kind }) }] },
    { type: 'text', text: t('attendance.link.alt') },
  ];
  return makeCard({ title: t('attendance.link.title', { kind }), tone: 'info', blocks, audience: 'personal' });
}

export function consentCard(v: { kind: Kind; days: number }, t: Translate): Card {
  return makeCard({
    title: t('attendance.consent.title'),
    tone: 'warning',
    audience: 'personal',
    blocks: [
      { type: 'text', text: t('attendance.consent.body', { days: v.days }) },
      {
        type: 'actions',
        buttons: [
          {
            actionId: ATTENDANCE_ACTIONS.consent,
            value: v.kind,
            label: t('attendance.consent.agree'),
            style: 'primary',
          },
        ],
      },
    ],
  });
}

export function consentStatusCard(v: { granted: boolean }, t: Translate): Card {
  return makeCard({
    title: t('attendance.consent.title'),
    tone: 'info',
    audience: 'personal',
    blocks: v.granted
      ? [
          { type: 'text', text: t('attendance.consent.already') },
          {
            type: 'actions',
            buttons: [
              { actionId: ATTENDANCE_ACTIONS.revokeConsent, label: t('attendance.consent.revoke'), style: 'danger' },
            ],
          },
        ]
      : [{ type: 'text', text: t('attendance.consent.none') }],
  });
}

export interface CheckInView {
  id: string;
  kind: Kind;
  /** Local time, already formatted. */
  time: string;
  shown: Shown;
  siteName: string | null;
  distanceM: number | null;
  radiusM: number | null;
  accuracyM: number | null;
  lateMinutes: number;
  flags: FlagView[];
  reason?: string | null;
}

function detailFields(v: CheckInView, t: Translate) {
  const meters = (m: number | null) =>
    m === null ? t('attendance.value.none') : t('attendance.value.meters', { m: Math.round(m) });
  return [
    { label: t('attendance.field.time'), value: v.time },
    { label: t('attendance.field.site'), value: v.siteName ?? t('attendance.value.no_site') },
    { label: t('attendance.field.distance'), value: meters(v.distanceM) },
    { label: t('attendance.field.accuracy'), value: meters(v.accuracyM) },
    ...(v.lateMinutes > 0
      ? [{ label: t('attendance.field.late'), value: t('attendance.value.minutes', { n: v.lateMinutes }) }]
      : []),
  ];
}

function reasons(v: CheckInView, t: Translate): string[] {
  const out: string[] = [];
  if (v.distanceM !== null && v.radiusM !== null && v.distanceM > v.radiusM)
    out.push(t('attendance.outside', { distance: Math.round(v.distanceM), radius: v.radiusM }));
  for (const f of v.flags) out.push(describeFlag(f, t));
  return out;
}

export function checkInResultCard(v: CheckInView, t: Translate): Card {
  const kind = t(`attendance.kind.${v.kind}`);
  const why = reasons(v, t);
  const blocks: Block[] = [
    {
      type: 'text',
      text:
        v.shown === 'refused'
          ? t('attendance.result.refused', { kind, reason: v.reason ?? '' })
          : t(`attendance.result.${v.shown}`, { kind }),
    },
    { type: 'fields', fields: detailFields(v, t) },
  ];
  if (why.length) blocks.push({ type: 'text', text: why.map((w) => `• ${w}`).join('\n') });
  if (v.shown === 'needs_review')
    blocks.push({
      type: 'form',
      submit: { actionId: ATTENDANCE_ACTIONS.note, value: v.id, label: t('attendance.note.button') },
      fields: [{ id: 'note', label: t('attendance.note.label'), kind: 'text', required: true }],
      fallback: t('attendance.note.fallback'),
    });
  return makeCard({
    title: t(`attendance.result.title.${v.shown}`, { kind }),
    tone: v.shown === 'valid' ? 'success' : v.shown === 'refused' ? 'danger' : 'warning',
    audience: 'personal',
    blocks,
  });
}

export function reviewCard(v: CheckInView & { employeeName: string; note: string | null }, t: Translate): Card {
  const why = reasons(v, t);
  return makeCard({
    title: t('attendance.review.title', { name: v.employeeName }),
    tone: 'warning',
    audience: 'personal',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: t('attendance.field.employee'), value: v.employeeName },
          { label: t('attendance.field.verdict'), value: t(`attendance.verdict.${v.shown}`) },
          ...detailFields(v, t),
          ...(v.note ? [{ label: t('attendance.field.note'), value: v.note }] : []),
        ],
      },
      ...(why.length ? [{ type: 'text' as const, text: why.map((w) => `• ${w}`).join('\n') }] : []),
      {
        type: 'actions',
        buttons: [
          { actionId: ATTENDANCE_ACTIONS.accept, value: v.id, label: t('attendance.review.accept'), style: 'primary' },
        ],
      },
      {
        type: 'form',
        submit: { actionId: ATTENDANCE_ACTIONS.reject, value: v.id, label: t('attendance.review.reject') },
        fields: [{ id: 'reason', label: t('attendance.review.reason'), kind: 'text', required: true }],
        fallback: t('attendance.review.fallback'),
      },
    ],
  });
}

export function outcomeCard(v: { kind: Kind; time: string; accepted: boolean; reason: string }, t: Translate): Card {
  const kind = t(`attendance.kind.${v.kind}`);
  const decision = t(v.accepted ? 'attendance.decision.accepted' : 'attendance.decision.rejected');
  return makeCard({
    title: t(v.accepted ? 'attendance.outcome.title.accepted' : 'attendance.outcome.title.rejected', { kind }),
    tone: v.accepted ? 'success' : 'danger',
    audience: 'personal',
    blocks: [{ type: 'text', text: t('attendance.outcome.body', { kind, time: v.time, decision, reason: v.reason }) }],
  });
}

export interface TrajectoryView {
  name: string;
  date: string;
  rows: { site: string; arrived: string; left: string; minutes: string; travel: string; flags: string }[];
}

export function trajectoryCard(v: TrajectoryView, t: Translate): Card {
  const title = t('attendance.today.title', { name: v.name, date: v.date });
  if (!v.rows.length)
    return makeCard({
      title,
      audience: 'personal',
      blocks: [{ type: 'text', text: t('attendance.today.empty', { date: v.date }) }],
    });
  return makeCard({
    title,
    audience: 'personal',
    blocks: [
      {
        type: 'table',
        columns: t('attendance.today.columns').split('|'),
        rows: v.rows.map((r) => [r.site, r.arrived, r.left, r.minutes, r.travel, r.flags]),
      },
    ],
  });
}

export interface MonthRow {
  name: string;
  employeeNo: string;
  workdays: number;
  present: number;
  late: number;
  lateMinutes: number;
  early: number;
  absent: number;
  leave: number;
  overtimeHours: number;
  pending: number;
}

export function monthlyCard(
  v: { title: string; period: string; rows: MonthRow[]; links: ReportLinks; unknownYear: string | null },
  t: Translate,
): Card {
  const blocks: Block[] = [];
  if (v.unknownYear) blocks.push({ type: 'text', text: t('attendance.month.unknown_year', { year: v.unknownYear }) });
  if (!v.rows.length) blocks.push({ type: 'text', text: t('attendance.month.empty') });
  else
    blocks.push({
      type: 'table',
      columns: t('attendance.month.card_columns').split('|'),
      rows: v.rows
        .slice(0, 30)
        .map((r) => [
          r.name,
          `${r.present}/${r.workdays}`,
          String(r.late),
          String(r.early),
          String(r.absent),
          String(r.leave),
          String(r.overtimeHours),
          String(r.pending),
        ]),
    });
  blocks.push(...reportLinkBlocks(v.links, t));
  return makeCard({
    title: t('attendance.month.title', { scope: v.title, period: v.period }),
    tone: v.unknownYear ? 'warning' : 'info',
    audience: 'personal',
    blocks,
  });
}

export function fixRequestCard(
  v: { id: string; name: string; kind: Kind; time: string; reason: string },
  t: Translate,
): Card {
  return makeCard({
    title: t('attendance.fix.request_title', { name: v.name }),
    tone: 'warning',
    audience: 'personal',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: t('attendance.field.employee'), value: v.name },
          { label: t('attendance.field.time'), value: `${v.time} ${t(`attendance.kind.${v.kind}`)}` },
          { label: t('attendance.field.reason'), value: v.reason },
        ],
      },
      {
        type: 'actions',
        buttons: [
          {
            actionId: ATTENDANCE_ACTIONS.fixApprove,
            value: v.id,
            label: t('attendance.fix.approve'),
            style: 'primary',
          },
        ],
      },
      {
        type: 'form',
        submit: { actionId: ATTENDANCE_ACTIONS.fixDecline, value: v.id, label: t('attendance.fix.decline') },
        fields: [{ id: 'reason', label: t('attendance.review.reason'), kind: 'text', required: true }],
        fallback: t('attendance.review.fallback'),
      },
    ],
  });
}

export function fixOutcomeCard(v: { kind: Kind; time: string; approved: boolean; reason: string }, t: Translate): Card {
  return makeCard({
    title: t(v.approved ? 'attendance.fix.outcome.approved' : 'attendance.fix.outcome.declined'),
    tone: v.approved ? 'success' : 'danger',
    audience: 'personal',
    blocks: [
      {
        type: 'text',
        text: t('attendance.outcome.body', {
          kind: t(`attendance.kind.${v.kind}`),
          time: v.time,
          decision: t(v.approved ? 'attendance.fix.approved' : 'attendance.fix.declined'),
          reason: v.reason,
        }),
      },
    ],
  });
}

// Survey cards (issue 11): the engineer's invitation card with link, QR code, ready-to-forward
// text and Resend; the manager's notice of a low or flagged answer; the statistics card.
import type { Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';

export interface SurveyInviteView {
  invitationId: string;
  order: string;
  title: string;
  customer: string | null;
  site: string | null;
  url: string;
  qrUrl: string;
  /** The link's expiry, already formatted in the recipient's zone. */
  expires: string;
  /** Ready-to-forward text in both languages (the customer's may differ from the engineer's). */
  forward: { zh: string; en: string };
  answered: boolean;
  reminder?: boolean;
}

export function surveyInviteCard(v: SurveyInviteView, t: Translate): Card {
  const blocks: Block[] = [
    { type: 'text', text: t(v.reminder ? 'surveys.card.reminder' : 'surveys.card.intro') },
    {
      type: 'fields',
      fields: [
        { label: t('surveys.card.order'), value: v.order },
        { label: t('surveys.card.job'), value: v.title },
        { label: t('surveys.card.customer'), value: v.customer ?? v.site ?? '—' },
        { label: t('surveys.card.expires'), value: v.expires },
      ],
    },
  ];
  if (v.answered) blocks.push({ type: 'text', text: t('surveys.card.answered') });
  else {
    blocks.push(
      { type: 'image', url: v.qrUrl, alt: t('surveys.card.qr_alt', { order: v.order }) },
      { type: 'text', text: `${t('surveys.card.forward')}\n${v.forward.zh}\n\n${v.forward.en}` },
      {
        type: 'actions',
        buttons: [
          { url: v.url, label: t('surveys.card.open') },
          { actionId: 'surveys.resend', label: t('surveys.card.resend'), value: v.invitationId },
        ],
      },
    );
  }
  return makeCard({ title: t('surveys.card.title', { order: v.order }), tone: 'info', blocks, audience: 'personal' });
}

export interface SurveyReviewView {
  engineer: string;
  order: string | null;
  csat: number;
  nps: number | null;
  comment: string | null;
  tags: string[];
  low: boolean;
  /** Integrity evidence, each already written out ("answered 12 s after the link was issued"). */
  evidence: string[];
}

/** To the engineer's manager: a low answer, or one flagged for integrity, with the evidence. */
export function surveyReviewCard(v: SurveyReviewView, t: Translate): Card {
  const blocks: Block[] = [
    {
      type: 'text',
      text: t(v.low ? 'surveys.review.low' : 'surveys.review.flagged', { engineer: v.engineer, order: v.order ?? '—' }),
    },
    {
      type: 'fields',
      fields: [
        { label: 'CSAT', value: `${v.csat}/5` },
        { label: 'NPS', value: v.nps === null ? '—' : `${v.nps}/10` },
        ...(v.tags.length ? [{ label: t('surveys.review.tags'), value: v.tags.join(', ') }] : []),
        ...(v.comment ? [{ label: t('surveys.review.comment'), value: v.comment }] : []),
      ],
    },
  ];
  if (v.evidence.length) {
    blocks.push({
      type: 'text',
      text: `${t('surveys.review.evidence')}\n${v.evidence.map((e) => `• ${e}`).join('\n')}`,
    });
    blocks.push({ type: 'text', text: t('surveys.review.hr_decides') });
  }
  return makeCard({
    title: t('surveys.review.title', { engineer: v.engineer }),
    tone: v.low ? 'warning' : 'info',
    blocks,
    audience: 'personal',
  });
}

export interface SurveyStatsRow {
  name: string;
  responseRate: string;
  csat: string;
  nps: string;
  flagged: number;
}

export interface SurveyStatsView {
  scope: string;
  period: string;
  rows: SurveyStatsRow[];
  comments: { order: string; csat: number; text: string }[];
  /** A cherry-picking warning per person ("Wu Hao: 20% response, all 5-star; team 60%"). */
  warnings: string[];
  /** Flagged answers with their evidence (managers and HR). */
  flagged: { name: string; order: string; csat: number; evidence: string[] }[];
}

export function surveyStatsCard(v: SurveyStatsView, t: Translate): Card {
  const blocks: Block[] = [];
  if (!v.rows.length) blocks.push({ type: 'text', text: t('surveys.stats.none') });
  else
    blocks.push({
      type: 'table',
      columns: [t('surveys.stats.person'), t('surveys.stats.response'), 'CSAT', 'NPS', t('surveys.stats.flagged')],
      rows: v.rows.map((r) => [r.name, r.responseRate, r.csat, r.nps, String(r.flagged)]),
    });
  if (v.warnings.length) blocks.push({ type: 'text', text: v.warnings.map((w) => `⚠ ${w}`).join('\n') });
  if (v.flagged.length) {
    blocks.push({
      type: 'text',
      text: `${t('surveys.stats.flagged_answers')}\n${v.flagged
        .map((f) => `• ${f.name} · ${f.order} · ${f.csat}/5: ${f.evidence.join('; ')}`)
        .join('\n')}\n${t('surveys.review.hr_decides')}`,
    });
  }
  if (v.comments.length) {
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'text',
      text: `${t('surveys.stats.comments')}\n${v.comments.map((c) => `• ${c.order} · ${c.csat}/5 · ${c.text}`).join('\n')}`,
    });
  }
  return makeCard({
    title: t('surveys.stats.title', { scope: v.scope, period: v.period }),
    tone: 'info',
    blocks,
    audience: 'personal',
  });
}

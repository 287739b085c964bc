// Alert cards (issue 15): one alert with its buttons, a digest of several, the open-alerts list.
// Pure: the view carries everything already resolved (names, local times); `t` writes the words.
import type { MessageKey, MessageParams, Translate } from '../src/i18n/index.js';
import { type Block, type Card, makeCard } from './card.js';

export interface AlertView {
  id: string;
  rule: string;
  severity: 'warning' | 'critical';
  status: 'OPEN' | 'ACKNOWLEDGED' | 'ASSIGNED' | 'RESOLVED';
  /** The person concerned (or the data source), already escaped by nobody: adapters escape. */
  who: string | null;
  raisedAt: string;
  evidence: Record<string, string | number>;
  ackBy?: { name: string; at: string };
  assignedTo?: string;
  snoozedUntil?: string;
  escalatedTo?: string;
}

export const ALERT_BUTTONS = {
  ack: 'alerts.ack',
  assign: 'alerts.assign',
  snooze: 'alerts.snooze',
  details: 'alerts.details',
} as const;

/** The sentence saying what happened, from the rule and its evidence. */
export function alertWhat(view: Pick<AlertView, 'rule' | 'evidence'>, t: Translate): string {
  const p = view.evidence as MessageParams;
  switch (view.rule) {
    case 'survey.low':
    case 'survey.complaint':
      return t('alerts.what.survey', p);
    case 'workOrder.sla':
      return t(p.kind === 'arrival' ? 'alerts.what.workOrder.sla.arrival' : 'alerts.what.workOrder.sla.response', p);
    case 'checkIn.flagged':
    case 'attendance.missing':
    case 'attendance.lateStreak':
    case 'helpdesk.sla':
    case 'kpi.pacing':
    case 'csat.trend':
    case 'sync.failed':
    case 'probation.atRisk':
      return t(`alerts.what.${view.rule}` as MessageKey, p);
    default:
      return '';
  }
}

export function ruleName(rule: string, t: Translate): string {
  return t(`alerts.rule.${rule}` as MessageKey);
}

function statusLines(view: AlertView, t: Translate): string[] {
  return [
    ...(view.ackBy ? [t('alerts.ack_by', view.ackBy)] : []),
    ...(view.assignedTo ? [t('alerts.assigned_to', { name: view.assignedTo })] : []),
    ...(view.snoozedUntil ? [t('alerts.snoozed_until', { at: view.snoozedUntil })] : []),
    ...(view.escalatedTo ? [t('alerts.escalated', { name: view.escalatedTo })] : []),
  ];
}

/** One alert: what, who, evidence, its state, and the four buttons while it is open. */
export function alertCard(view: AlertView, t: Translate): Card {
  const severity = t(`alerts.severity.${view.severity}`);
  const open = view.status !== 'RESOLVED';
  const lines = statusLines(view, t);
  const blocks: Block[] = [
    { type: 'text', text: alertWhat(view, t) },
    {
      type: 'fields',
      fields: [
        ...(view.who ? [{ label: t('alerts.field.who'), value: view.who }] : []),
        { label: t('alerts.field.severity'), value: severity },
        { label: t('alerts.field.status'), value: t(`alerts.status.${view.status}`) },
        { label: t('alerts.field.raised'), value: view.raisedAt },
      ],
    },
    ...(lines.length ? [{ type: 'text' as const, text: lines.join('\n') }] : []),
    ...(open
      ? [
          {
            type: 'actions' as const,
            buttons: [
              ...(view.status === 'OPEN' || view.status === 'ASSIGNED'
                ? [
                    {
                      actionId: ALERT_BUTTONS.ack,
                      label: t('alerts.button.ack'),
                      value: view.id,
                      style: 'primary' as const,
                    },
                  ]
                : []),
              { actionId: ALERT_BUTTONS.assign, label: t('alerts.button.assign'), value: view.id },
              { actionId: ALERT_BUTTONS.snooze, label: t('alerts.button.snooze'), value: view.id },
              { actionId: ALERT_BUTTONS.details, label: t('alerts.button.details'), value: view.id },
            ],
          },
        ]
      : []),
  ];
  return makeCard({
    title: t('alerts.card.title', { severity, rule: ruleName(view.rule, t) }),
    tone: view.severity === 'critical' ? 'danger' : 'warning',
    blocks,
  });
}

/** The evidence in full, for the Details button (sent to the presser only). */
export function alertDetailsCard(view: AlertView, t: Translate): Card {
  const card = alertCard({ ...view, status: 'RESOLVED' }, t);
  const evidence = Object.entries(view.evidence).map(([label, value]) => ({ label, value: String(value) }));
  return makeCard({
    title: card.title,
    tone: card.tone,
    audience: 'personal',
    blocks: [
      ...card.blocks.filter((b) => b.type !== 'fields'),
      {
        type: 'fields',
        fields: [
          ...(view.who ? [{ label: t('alerts.field.who'), value: view.who }] : []),
          { label: t('alerts.field.status'), value: t(`alerts.status.${view.status}`) },
          ...evidence,
        ],
      },
    ],
  });
}

/** Several alerts as one message: when a chat's limit is reached, and the morning after quiet hours. */
export function alertDigestCard(views: readonly AlertView[], morning: boolean, t: Translate): Card {
  const critical = views.some((v) => v.severity === 'critical');
  return makeCard({
    title: t(morning ? 'alerts.digest.morning' : 'alerts.digest.title', { count: views.length }),
    tone: critical ? 'danger' : 'warning',
    blocks: [
      {
        type: 'table',
        columns: [t('alerts.col.severity'), t('alerts.col.rule'), t('alerts.col.who'), t('alerts.col.status')],
        rows: views.map((v) => [
          t(`alerts.severity.${v.severity}`),
          ruleName(v.rule, t),
          v.who ?? '—',
          t(`alerts.status.${v.status}`),
        ]),
      },
      { type: 'text', text: t('alerts.digest.hint') },
    ],
  });
}

/** `alerts` / `预警`: open alerts, newest first, each with its buttons. */
export function alertListCard(views: readonly AlertView[], t: Translate): Card {
  if (!views.length) return makeCard({ title: t('alerts.list.empty'), tone: 'success', blocks: [] });
  return makeCard({
    title: t('alerts.list.title', { count: views.length }),
    tone: views.some((v) => v.severity === 'critical') ? 'danger' : 'warning',
    blocks: [
      {
        type: 'table',
        columns: [
          t('alerts.col.severity'),
          t('alerts.col.rule'),
          t('alerts.col.who'),
          t('alerts.col.status'),
          t('alerts.col.since'),
        ],
        rows: views.map((v) => [
          t(`alerts.severity.${v.severity}`),
          ruleName(v.rule, t),
          v.who ?? '—',
          t(`alerts.status.${v.status}`),
          v.raisedAt,
        ]),
      },
      {
        type: 'actions',
        buttons: views.slice(0, 10).map((v) => ({
          actionId: ALERT_BUTTONS.details,
          label: `${ruleName(v.rule, t)} · ${v.who ?? '—'}`,
          value: v.id,
        })),
      },
    ],
  });
}

export interface AssignChoice {
  id: string;
  name: string;
}

/** "Assign to…": the team's people as buttons (value "<alertId>:<employeeId>"). */
export function alertAssignCard(alertId: string, people: readonly AssignChoice[], t: Translate): Card {
  return makeCard({
    title: t('alerts.assign.title'),
    audience: 'personal',
    blocks: [
      {
        type: 'actions',
        buttons: people
          .slice(0, 20)
          .map((p) => ({ actionId: 'alerts.assign.to', label: p.name, value: `${alertId}:${p.id}` })),
      },
    ],
  });
}

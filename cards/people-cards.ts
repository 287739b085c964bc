// Cards of the people processes: the labour-law pre-check, a contract, the hiring conditions.
// Pure: view model in, Card out.
import type { Translate } from '../src/i18n/index.js';
import type { CheckResult } from '../src/people/labour-law.js';
import { type Block, type Card, makeCard } from './card.js';

export const PEOPLE_ACTIONS = { acknowledge: 'people.conditions.acknowledge' } as const;

function itemText(r: CheckResult, t: Translate): string {
  const d = r.detail;
  switch (r.item) {
    case 'contract_recorded':
      return t('people.item.contract_recorded.fail');
    case 'probation_length':
      return t(`people.item.probation_length.${String(d.reason) as 'ok'}`, { max: d.max ?? 0 });
    case 'conditions_acknowledged':
      return r.pass
        ? t('people.item.conditions_acknowledged.ok', { on: String(d.on), document: String(d.document) })
        : t('people.item.conditions_acknowledged.fail');
    case 'assessments_signed':
      return t('people.item.assessments_signed.detail', { count: d.count ?? 0 });
    case 'within_probation':
      return t('people.item.within_probation.detail', { decision: String(d.decision), end: String(d.end) });
    case 'reasons_recorded':
      return t('people.item.reasons_recorded.detail', { count: d.count ?? 0 });
  }
}

export interface PrecheckView {
  name: string;
  decisionOn: string;
  items: readonly CheckResult[];
  ranBy: string;
  ranAt: string;
}

/** The checklist: each item met or missing, what proves it, and the article it comes from. */
export function precheckCard(view: PrecheckView, t: Translate): Card {
  const failed = view.items.filter((i) => !i.pass).length;
  const blocks: Block[] = [
    { type: 'text', text: t('people.precheck.intro', { date: view.decisionOn }) },
    ...view.items.flatMap((r): Block[] => [
      { type: 'divider' },
      {
        type: 'fields',
        fields: [
          { label: t(`people.item.${r.item}`), value: t(r.pass ? 'people.precheck.pass' : 'people.precheck.fail') },
        ],
      },
      {
        type: 'text',
        text: [
          itemText(r, t),
          t('people.item.article', { article: r.article }),
          ...(r.evidence.length ? [t('people.item.evidence', { ids: r.evidence.join(', ') })] : []),
        ].join('\n'),
      },
    ]),
    { type: 'divider' },
    { type: 'text', text: t('people.precheck.summary', { passed: view.items.length - failed, failed }) },
    { type: 'text', text: t('people.precheck.disclaimer', { by: view.ranBy, at: view.ranAt }) },
  ];
  return makeCard({
    title: t('people.precheck.title', { name: view.name }),
    tone: failed ? 'warning' : 'success',
    audience: 'personal',
    blocks,
  });
}

export interface ContractView {
  name: string;
  term: 'FIXED' | 'OPEN_ENDED' | 'TASK';
  startsOn: string;
  endsOn: string | null;
  probationStartsOn: string | null;
  probationEndsOn: string | null;
  earlierProbation: boolean;
}

export function contractCard(view: ContractView | { name: string; none: true }, saved: boolean, t: Translate): Card {
  if ('none' in view) {
    return makeCard({
      title: t('people.contract.title', { name: view.name }),
      audience: 'personal',
      blocks: [{ type: 'text', text: t('people.contract.none', { name: view.name }) }],
    });
  }
  return makeCard({
    title: t('people.contract.title', { name: view.name }),
    tone: saved ? 'success' : 'info',
    audience: 'personal',
    blocks: [
      ...(saved ? [{ type: 'text' as const, text: t('people.contract.saved') }] : []),
      {
        type: 'fields',
        fields: [
          { label: t('people.contract.field.term'), value: t(`people.contract.term.${view.term}`) },
          { label: t('people.contract.field.period'), value: `${view.startsOn} – ${view.endsOn ?? '—'}` },
          {
            label: t('people.contract.field.probation'),
            value: view.probationEndsOn ? `${view.probationStartsOn ?? view.startsOn} – ${view.probationEndsOn}` : '—',
          },
          { label: t('people.contract.field.earlier'), value: t(view.earlierProbation ? 'people.yes' : 'people.no') },
        ],
      },
    ],
  });
}

/** The hiring conditions, with the button that records the employee's acknowledgement. */
export function conditionsCard(view: { text: string | null; acknowledgedAt: string | null }, t: Translate): Card {
  if (!view.text) {
    return makeCard({
      title: t('people.conditions.title'),
      audience: 'personal',
      blocks: [{ type: 'text', text: t('people.conditions.none') }],
    });
  }
  return makeCard({
    title: t('people.conditions.title'),
    audience: 'personal',
    blocks: [
      {
        type: 'text',
        text: view.acknowledgedAt
          ? t('people.conditions.already', { at: view.acknowledgedAt })
          : t('people.conditions.ask'),
      },
      { type: 'text', text: view.text },
      ...(view.acknowledgedAt
        ? []
        : [
            {
              type: 'actions' as const,
              buttons: [
                {
                  actionId: PEOPLE_ACTIONS.acknowledge,
                  label: t('people.conditions.button'),
                  style: 'primary' as const,
                },
              ],
            },
          ]),
    ],
  });
}

export function acknowledgedCard(at: string, t: Translate): Card {
  return makeCard({
    title: t('people.conditions.title'),
    tone: 'success',
    audience: 'personal',
    blocks: [{ type: 'text', text: t('people.conditions.done', { at }) }],
  });
}

export interface ProbationReportView {
  rows: readonly {
    name: string;
    employeeNo: string;
    position: string;
    endsOn: string;
    daysLeft: number;
    criteria: readonly {
      description: string;
      comparator: string;
      threshold: number;
      value: number | null;
      met: boolean | null;
      recordIds: readonly string[];
    }[];
  }[];
  xlsxUrl: string | null;
}

/** Everyone on probation: days left, each criterion met or missed, a missed one with its records. */
export function probationReportCard(view: ProbationReportView, t: Translate): Card {
  const blocks: Block[] = view.rows.length
    ? view.rows.flatMap((r, i): Block[] => [
        ...(i > 0 ? [{ type: 'divider' as const }] : []),
        {
          type: 'fields',
          fields: [
            { label: t('people.probation.person'), value: `${r.name} ${r.employeeNo}` },
            { label: t('people.probation.position'), value: r.position },
            {
              label: t('people.probation.ends'),
              value: t('people.probation.days_left', { date: r.endsOn, days: r.daysLeft }),
            },
          ],
        },
        ...r.criteria.map(
          (c): Block => ({
            type: 'progress',
            label: c.description,
            ratio: c.met === null ? 0 : c.met ? 1 : 0.3,
            display:
              c.value === null
                ? t('people.probation.no_data')
                : t(c.met ? 'people.probation.met' : 'people.probation.missed', {
                    value: c.value,
                    comparator: c.comparator,
                    threshold: c.threshold,
                    records: c.recordIds.length,
                  }),
            highlight: c.met === false,
          }),
        ),
      ])
    : [{ type: 'text', text: t('people.probation.none') }];
  return makeCard({
    title: t('people.probation.title', { count: view.rows.length }),
    tone: view.rows.some((r) => r.criteria.some((c) => c.met === false)) ? 'warning' : 'info',
    audience: 'personal',
    blocks: [
      ...blocks,
      ...(view.xlsxUrl
        ? [{ type: 'actions' as const, buttons: [{ url: view.xlsxUrl, label: t('people.probation.xlsx') }] }]
        : []),
    ],
  });
}

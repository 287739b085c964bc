import type { people as zh } from '../zh-CN/people.js';

export const people: Record<keyof typeof zh, string> = {
  'people.command.precheck': 'labour-law pre-check before ending a probation contract (not legal advice)',
  'people.command.contract':
    'show or enter an employment contract: contract <person> [fixed|open|task <start> <end|-> <probation end|-> [again]]',
  'people.command.conditions': 'read and acknowledge your hiring conditions',

  'people.precheck.title': 'Termination pre-check: {name}',
  'people.precheck.intro':
    'Intended decision date {date}. What the records prove and what is missing; the company decides.',
  'people.precheck.disclaimer': 'This pre-check is not legal advice. Run by {by} at {at}; recorded.',
  'people.precheck.summary': '{passed} met, {failed} missing.',
  'people.precheck.pass': '✓ met',
  'people.precheck.fail': '✗ missing',
  'people.item.contract_recorded': 'Employment contract recorded',
  'people.item.contract_recorded.fail':
    'No employment contract on record: enter its term and probation with "contract" first.',
  'people.item.probation_length': 'Probation length is lawful',
  'people.item.probation_length.ok':
    'The contract term allows at most {max} months of probation; this one is within it.',
  'people.item.probation_length.too_long':
    'The contract term allows at most {max} months of probation; this one is longer.',
  'people.item.probation_length.no_probation_allowed':
    'A fixed term under three months, or a contract for a specific task, may not have a probation.',
  'people.item.probation_length.second_probation':
    'An employer may agree a probation with the same employee only once.',
  'people.item.probation_length.missing_dates': 'The contract has no probation dates on record.',
  'people.item.conditions_acknowledged': 'Hiring conditions disclosed and acknowledged',
  'people.item.conditions_acknowledged.ok': 'Acknowledged "{document}" on {on}.',
  'people.item.conditions_acknowledged.fail': 'No acknowledgement of the hiring conditions on record.',
  'people.item.assessments_signed': 'At least two assessments signed by the supervisor during probation',
  'people.item.assessments_signed.detail': '{count} signed assessments during probation, before the decision date.',
  'people.item.within_probation': 'Decision date within the probation period',
  'people.item.within_probation.detail': 'Decision {decision}; probation ends {end}.',
  'people.item.reasons_recorded': 'Reasons recorded and tied to the hiring conditions',
  'people.item.reasons_recorded.detail': '{count} assessments record a criterion not met, with the reason.',
  'people.item.article': 'Source: Labour Contract Law {article}',
  'people.item.evidence': 'Records: {ids}',

  'people.usage.precheck': 'Usage: termination check <person> [decision date YYYY-MM-DD]',
  'people.usage.contract': 'Usage: contract <person> <fixed|open|task> <start> <end|-> <probation end|-> [again]',
  'people.bad_date': '"{value}" is not a date; use YYYY-MM-DD.',
  'people.person_not_found': 'No one called "{name}". Use a name or an employee number.',
  'people.person_ambiguous': '"{name}" matches several people: {choices}. Use the employee number.',

  'people.contract.title': 'Employment contract: {name}',
  'people.contract.none': '{name} has no employment contract on record.',
  'people.contract.saved': 'Saved.',
  'people.contract.term.FIXED': 'fixed term',
  'people.contract.term.OPEN_ENDED': 'open-ended',
  'people.contract.term.TASK': 'for a specific task',
  'people.contract.field.term': 'Term',
  'people.contract.field.period': 'Contract period',
  'people.contract.field.probation': 'Probation',
  'people.contract.field.earlier': 'Earlier probation here',
  'people.yes': 'yes',
  'people.no': 'no',

  'people.conditions.title': 'Hiring conditions',
  'people.conditions.none': 'Your contract has no hiring conditions on record; please ask HR.',
  'people.conditions.ask': 'Please read your hiring conditions; acknowledging records the time and the exact text.',
  'people.conditions.button': 'I have read and acknowledge them',
  'people.conditions.done': 'Recorded: you acknowledged the hiring conditions at {at}.',
  'people.conditions.already': 'You acknowledged these hiring conditions at {at}.',
  'people.command.probation':
    'the probation report: who is on probation, days left, each hiring condition met or missed (with records and Excel)',
  'people.probation.title': 'Probation report ({count})',
  'people.probation.none': 'Nobody you may see is on probation.',
  'people.probation.person': 'Person',
  'people.probation.position': 'Position',
  'people.probation.ends': 'Probation ends',
  'people.probation.days_left': '{date} ({days} days left)',
  'people.probation.met': 'met: {value} (needs {comparator} {threshold})',
  'people.probation.missed': 'missed: {value} (needs {comparator} {threshold}; {records} records behind it)',
  'people.probation.no_data': 'no data this month yet',
  'people.probation.xlsx': 'Download Excel',
  'people.probation.sheet': 'Probation',
  'people.probation.col.criterion': 'Condition',
  'people.probation.col.value': 'This month',
  'people.probation.col.met': 'Met',
  'people.probation.col.records': 'Records behind it',
};

// Report rows → tables with headers in the requester's language. Pure, so CSV content is exact.

import { exportValue, metricLabel, ruleLabel, unitLabel } from '../../cards/kpi-format.js';
import type { Cell, Table } from '../files/index.js';
import type { Translate } from '../i18n/index.js';
import { ruleMetric } from '../kpi/index.js';
import { round2 } from '../shared/index.js';
import type { KpiInputs } from './inputs.js';
import type { ResultRow } from './store.js';

function note(row: ResultRow, t: Translate): string {
  const notes: string[] = [];
  if (!row.result || row.result.totalScore === null) notes.push(t('reports.no_data'));
  if (row.result?.prorated) notes.push(t('reports.prorated'));
  return notes.join('; ');
}

/** One line per person: score, band, traceability (model version and content hash). */
export function resultsTable(rows: readonly ResultRow[], period: string, t: Translate): Table {
  return {
    name: t('reports.sheet.results'),
    columns: [
      t('reports.col.employee_no'),
      t('reports.col.name'),
      t('reports.col.department'),
      t('reports.col.team'),
      t('reports.col.period'),
      t('reports.col.total_score'),
      t('reports.col.band'),
      t('reports.col.prorated'),
      t('reports.col.note'),
      t('reports.col.model'),
      t('reports.col.model_version'),
      t('reports.col.content_hash'),
    ],
    rows: rows.map((row): Cell[] => [
      row.employeeNo,
      row.name,
      row.departmentName,
      row.teamName,
      period,
      row.result?.totalScore ?? null,
      row.result?.band ?? null,
      row.result ? t(row.result.prorated ? 'reports.yes' : 'reports.no') : null,
      note(row, t) || null,
      row.result?.modelName ?? null,
      row.result?.modelVersion ?? null,
      row.result?.contentHash ?? null,
    ]),
  };
}

/** Every metric, deduction and bonus behind one person's score, with the record count. */
export function metricsTable(inputs: KpiInputs | null, t: Translate): Table {
  const rows: Cell[][] = [];
  for (const m of inputs?.metrics ?? []) {
    rows.push([
      t('reports.kind.metric'),
      metricLabel(m.metric, t),
      exportValue(m.value, m.unit),
      unitLabel(m.unit, t) || null,
      exportValue(m.target, m.unit),
      m.score === null ? null : round2(m.score),
      m.weight,
      m.weighted === null ? null : round2(m.weighted),
      m.recordIds.length,
    ]);
  }
  const extras = [
    ...(inputs?.deductions ?? []).map((d) => ({ kind: t('reports.kind.deduction'), ...d })),
    ...(inputs?.bonuses ?? []).map((b) => ({ kind: t('reports.kind.bonus'), ...b })),
  ];
  for (const x of extras)
    rows.push([
      x.kind,
      ruleLabel(x.rule, ruleMetric, t),
      x.count,
      null,
      null,
      round2(x.points),
      null,
      null,
      x.recordIds.length,
    ]);
  return {
    name: t('reports.sheet.metrics'),
    columns: [
      t('reports.col.kind'),
      t('reports.col.item'),
      t('reports.col.value'),
      t('reports.col.unit'),
      t('reports.col.target'),
      t('reports.col.score'),
      t('reports.col.weight'),
      t('reports.col.weighted'),
      t('reports.col.records'),
    ],
    rows,
  };
}

/** Average score per month over the given people; a month nobody has a score in is null. */
export function trendSeries(
  scores: readonly { period: string; totalScore: number | null }[],
  periods: readonly string[],
): (number | null)[] {
  return periods.map((p) => {
    const values = scores.filter((s) => s.period === p && s.totalScore !== null).map((s) => s.totalScore as number);
    return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
  });
}

// Number formatting shared by the KPI cards: units in, localised display out.
import type { MessageKey, Translate } from '../src/i18n/index.js';

const num = (v: number, digits = 2) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

export function formatKpiValue(value: number | null, unit: string, t: Translate): string {
  if (value === null) return '—';
  switch (unit) {
    case '%':
      return t('kpi.unit.percent', { v: num(value, 1) });
    case 'min':
      return t('kpi.unit.minutes', { v: num(value, 1) });
    case 'h':
      return t('kpi.unit.hours', { v: num(value, 1) });
    case 'days':
      return t('kpi.unit.days', { v: num(value, 0) });
    case 'cents':
      return t('kpi.unit.yuan', { v: num(value / 100, 2) });
    default:
      return t('kpi.unit.plain', { v: num(value, 2) });
  }
}

/**
 * The one display rule for scores, everywhere (cards, reports, exports' text): always two
 * decimals, the precision they are stored with, so 87.5 reads 87.50 on every card. `+ 0` turns -0 into 0.
 */
export function formatScore(score: number | null): string {
  return score === null ? '—' : (score + 0).toFixed(2);
}

/** A change in score points, signed, with the same two decimals. */
export function formatDelta(delta: number): string {
  return `${delta > 0 ? '+' : ''}${formatScore(delta)}`;
}

/** A unit in words for an export's unit column: "%", "分钟"/"min", "元"/"CNY"; counts need none. */
export function unitLabel(unit: string, t: Translate): string {
  const key = `unit.${unit}` as MessageKey;
  const label = t(key);
  return label === key ? '' : label;
}

/** A value as an export cell: money in yuan (the cell's unit says so), everything else as stored. */
export function exportValue(value: number | null, unit: string): number | null {
  if (value === null) return null;
  return unit === 'cents' ? Math.round(value) / 100 : Math.round(value * 100) / 100;
}

/** A deduction or bonus rule (late, error.MAJOR) by the name of the metric it counts. */
export function ruleLabel(rule: string, ruleMetric: (rule: string) => string, t: Translate): string {
  return metricLabel(ruleMetric(rule), t);
}

/** "售后工程师月度绩效 第 1 版" / "… v1". */
export function modelLabel(name: string, version: number, t: Translate): string {
  return t('model.version', { name, version });
}

export function metricLabel(code: string, t: Translate): string {
  const key = `kpi.metric.${code}` as MessageKey;
  const label = t(key);
  return label === key ? code : label;
}

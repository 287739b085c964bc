// Human words for a "why" row's effect: durations, money and local times from the values a
// metric family gives (see WhyEffect in src/kpi/metrics/types.ts).
import type { MessageKey, Translate } from '../src/i18n/index.js';
import { formatLocalTime } from '../src/time/format-local-time.js';

export interface WhyEffectView {
  key: string;
  params?: Record<string, string | number | undefined>;
}

/** "45 min", "2 h", "1 h 5 min" (zh: "1 小时 5 分钟"); whole minutes, an overrun never shows as 0. */
export function formatDuration(minutes: number, t: Translate): string {
  const whole = minutes > 0 && minutes < 1 ? 1 : Math.round(minutes);
  if (whole < 60) return t('why.duration.minutes', { m: whole });
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  return m === 0 ? t('why.duration.hours', { h }) : t('why.duration.hours_minutes', { h, m });
}

/** ¥ with thousands separators, fen only when there are any: ¥150,000 and ¥1,234.50. */
export function formatYuan(cents: number): string {
  const yuan = cents / 100;
  const digits = Number.isInteger(yuan) ? 0 : 2;
  return `¥${yuan.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

function formatParam(name: string, value: string | number, t: Translate, timeZone: string): string | number {
  if (name.endsWith('Minutes') && typeof value === 'number') return formatDuration(value, t);
  if (name.endsWith('Cents') && typeof value === 'number') return formatYuan(value);
  if (name.endsWith('At') && typeof value === 'string') return formatLocalTime(new Date(value), timeZone).slice(5);
  if (name === 'appeal') return t(`why.appeal.${value}` as MessageKey);
  return value;
}

export function formatWhyEffect(effect: WhyEffectView, t: Translate, timeZone: string): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(effect.params ?? {})) {
    if (value !== undefined) params[name] = formatParam(name, value, t, timeZone);
  }
  return t(effect.key as MessageKey, params);
}

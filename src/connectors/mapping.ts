// Turns one raw record from a source into the fields of a Kaopu record, as the mapping says.
// Pure: a bad value becomes an error naming the Kaopu field, the source path and the source,
// and the record goes to SyncError with its raw payload while the run goes on.
import { zonedTime } from '../time/zoned.js';
import type { FieldSpec, RestSource } from './source-config.js';

export interface MappingError {
  field: string;
  message: string;
}

export type MappedRecord =
  | { ok: true; externalId: string; item: Record<string, unknown> }
  | { ok: false; externalId: string | null; errors: MappingError[] };

/** The value at a dotted path (`a.b.0.c`), or undefined. */
export function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

class FieldError extends Error {}

export function mapRecord(raw: unknown, source: Pick<RestSource, 'code' | 'mapping'>): MappedRecord {
  const item: Record<string, unknown> = {};
  const errors: MappingError[] = [];
  for (const [field, rawSpec] of Object.entries(source.mapping)) {
    const spec: FieldSpec = typeof rawSpec === 'string' ? { path: rawSpec, required: false } : rawSpec;
    const where = spec.path ? `"${spec.path}"` : 'constant';
    try {
      const value = mapField(raw, spec);
      if (value === undefined || value === null) {
        if (spec.required || field === 'externalId') throw new FieldError('is missing');
        if (value === null) item[field] = null;
        continue;
      }
      item[field] = value;
    } catch (err) {
      const message = err instanceof FieldError ? err.message : String(err);
      errors.push({ field, message: `${field} (from ${where} of source "${source.code}") ${message}` });
    }
  }
  const id = item.externalId;
  const externalId = typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
  if (errors.length === 0 && externalId === null) {
    errors.push({
      field: 'externalId',
      message: `externalId of source "${source.code}" must be 1–128 characters`,
    });
  }
  if (errors.length > 0 || externalId === null) return { ok: false, externalId, errors };
  return { ok: true, externalId, item };
}

function mapField(raw: unknown, spec: FieldSpec): unknown {
  let value: unknown = spec.value !== undefined ? spec.value : spec.path ? readPath(raw, spec.path) : undefined;
  if (value === undefined || value === null || value === '') {
    if (spec.default !== undefined) value = spec.default;
    else return value === '' ? undefined : value;
  }
  if (value === null) return null;
  switch (spec.transform) {
    case undefined:
      if (typeof value === 'number' || typeof value === 'boolean') return value;
      if (typeof value === 'string') return value;
      throw new FieldError('is not a plain value');
    case 'string':
    case 'trim':
      if (typeof value === 'object') throw new FieldError('is not a plain value');
      return spec.transform === 'trim' ? String(value).trim() : String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
      if (!Number.isFinite(n)) throw new FieldError(`is not a number (got ${preview(value)})`);
      return n;
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
      if (!Number.isInteger(n)) throw new FieldError(`is not a whole number (got ${preview(value)})`);
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 1 || value === '1' || value === 'true' || value === 'yes') return true;
      if (value === 0 || value === '0' || value === 'false' || value === 'no') return false;
      throw new FieldError(`is not true or false (got ${preview(value)})`);
    case 'cents':
      return toCents(value, spec.unitsPerMajor);
    case 'date':
      return toInstant(value, spec.format, spec.zone).toISOString();
    case 'enum': {
      const key = String(value);
      if (Object.hasOwn(spec.map, key)) return spec.map[key];
      if (spec.otherwise !== undefined) return spec.otherwise;
      throw new FieldError(`has a value the mapping does not list (got ${preview(value)})`);
    }
  }
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return (text ?? String(value)).slice(0, 40);
}

/** 12.34 / "12.34" / "¥1,234.50" → cents, exactly (no float rounding on the way). */
export function toCents(value: unknown, unitsPerMajor = 1): number {
  if (typeof value === 'number' && unitsPerMajor !== 1) {
    if (!Number.isFinite(value)) throw new FieldError(`is not an amount (got ${preview(value)})`);
    return Math.round((value * 100) / unitsPerMajor);
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const cleaned = text.replace(/[,\s¥$€£]|CNY|RMB/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) throw new FieldError(`is not an amount (got ${preview(value)})`);
  if (unitsPerMajor !== 1) return Math.round((Number(cleaned) * 100) / unitsPerMajor);
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(cents)) throw new FieldError(`is too large (got ${preview(value)})`);
  return sign === '-' ? -cents : cents;
}

const PATTERN_TOKENS: Record<string, string> = {
  yyyy: '(\\d{4})',
  MM: '(\\d{1,2})',
  dd: '(\\d{1,2})',
  HH: '(\\d{1,2})',
  mm: '(\\d{1,2})',
  ss: '(\\d{1,2})',
};

/** A date in the source's format; a wall-clock time without an offset is read in `zone`. */
export function toInstant(value: unknown, format: string, zone: string): Date {
  if (format === 'epoch-s' || format === 'epoch-ms') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (!Number.isFinite(n)) throw new FieldError(`is not a ${format} timestamp (got ${preview(value)})`);
    return new Date(format === 'epoch-s' ? n * 1000 : n);
  }
  if (typeof value !== 'string') throw new FieldError(`is not a date (got ${preview(value)})`);
  const text = value.trim();
  if (format === 'iso') {
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?/.test(text)) {
      throw new FieldError(`is not an ISO date (got ${preview(value)})`);
    }
    if (hasOffset) {
      const ms = Date.parse(text.replace(' ', 'T'));
      if (Number.isNaN(ms)) throw new FieldError(`is not an ISO date (got ${preview(value)})`);
      return new Date(ms);
    }
    const [date, time = '00:00:00'] = text.split(/[T ]/);
    return wallClock(date as string, time, zone, value);
  }
  // A pattern: yyyy, MM, dd, HH, mm, ss and literal characters.
  const order: string[] = [];
  const source = format.replace(/yyyy|MM|dd|HH|mm|ss|[.*+?^${}()|[\]\\]/g, (token) => {
    if (PATTERN_TOKENS[token]) {
      order.push(token);
      return PATTERN_TOKENS[token] as string;
    }
    return `\\${token}`;
  });
  const match = new RegExp(`^${source}$`).exec(text);
  if (!match) throw new FieldError(`does not match the format ${format} (got ${preview(value)})`);
  const part = (token: string, fallback: number) => {
    const i = order.indexOf(token);
    return i < 0 ? fallback : Number(match[i + 1]);
  };
  const [y, mo, d, h, mi, s] = [
    part('yyyy', 1970),
    part('MM', 1),
    part('dd', 1),
    part('HH', 0),
    part('mm', 0),
    part('ss', 0),
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    throw new FieldError(`is not a valid date (got ${preview(value)})`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return wallClock(`${y}-${pad(mo)}-${pad(d)}`, `${pad(h)}:${pad(mi)}:${pad(s)}`, zone, value);
}

function wallClock(date: string, time: string, zone: string, original: unknown): Date {
  const [h = '0', m = '0', s = '0'] = time.split(':');
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) {
    throw new FieldError(`is not a valid date (got ${preview(original)})`);
  }
  const minuteOfDay = Number(h) * 60 + Number(m);
  const seconds = Number.parseFloat(s);
  if (!Number.isFinite(minuteOfDay) || !Number.isFinite(seconds)) {
    throw new FieldError(`is not a valid time (got ${preview(original)})`);
  }
  try {
    return new Date(zonedTime(date, minuteOfDay, zone).getTime() + Math.round(seconds * 1000));
  } catch {
    throw new FieldError(`has an unknown time zone ${zone}`);
  }
}

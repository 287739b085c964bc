// A record's content hash: the same fields with the same values hash the same, whatever the key
// order, so "is this pushed record what we already have?" is one comparison.
import { createHash } from 'node:crypto';

function stable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value === undefined ? null : value;
}

/** sha256 over the canonical JSON of `value` (keys sorted, dates as ISO instants, undefined as null). */
export function recordHash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(value)))
    .digest('hex');
}

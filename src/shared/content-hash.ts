// Content hashes name exactly which stored results a report or a closed period contains.
import { createHash } from 'node:crypto';

/**
 * One hash over a set of results, so a report or a closed period names exactly which numbers
 * it contains: sha256 over "employeeId:contentHash" lines sorted by employee id.
 */
export function contentHashOf(results: readonly { employeeId: string; contentHash: string }[]): string {
  const lines = results
    .map((r) => `${r.employeeId}:${r.contentHash}`)
    .sort()
    .join('\n');
  return createHash('sha256').update(lines).digest('hex');
}

/** The first 12 hex digits, as cards show a hash. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

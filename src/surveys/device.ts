// A device fingerprint from request headers alone (no cookie, nothing stored on the phone): the
// same browser on the same phone gives the same hash. Weak on its own, which is why it only
// flags an answer for a person to look at and never rejects one.
import { createHash } from 'node:crypto';

const HEADERS = ['user-agent', 'accept-language', 'sec-ch-ua', 'sec-ch-ua-platform', 'sec-ch-ua-mobile'] as const;

export type HeaderBag = Record<string, string | string[] | undefined>;

export function deviceFingerprint(headers: HeaderBag): string | null {
  const parts = HEADERS.map((h) => {
    const v = headers[h];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).slice(0, 300);
  });
  if (!parts[0]) return null;
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

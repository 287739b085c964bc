// Signed, expiring link tokens: "<subjectId>.<expiry, base36 seconds>[.<issuedTo>].<HMAC-SHA256
// truncated to 128 bits, base64url>". Compact on purpose: Fastify refuses path parameters over
// 100 characters (414), and chat platforms shorten long links. The MAC covers the link's purpose
// ("file", "survey", "checkin"), so a token issued for one kind of page opens no other, and the
// employee it was issued to (when given), so kit.links can refuse it once that person has left.
// Pure: the secret and clock are parameters.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck =
  | { ok: true; subjectId: string; expiresAt: Date; issuedTo?: string }
  | { ok: false; reason: 'invalid' | 'expired' };

const TOKEN = /^([A-Za-z0-9_-]{1,64})\.([0-9a-z]{1,10})(?:\.([A-Za-z0-9_-]{1,40}))?\.([A-Za-z0-9_-]{22})$/;
const PURPOSE = /^[a-z][a-z0-9.-]{0,31}$/;
const ISSUED_TO = /^[A-Za-z0-9_-]{1,40}$/;

function mac(secret: string, purpose: string, body: string): Buffer {
  if (!PURPOSE.test(purpose)) throw new Error(`link purpose "${purpose}" must be a short lowercase word`);
  return createHmac('sha256', secret).update(`${purpose}\n${body}`).digest().subarray(0, 16);
}

export function signLink(
  secret: string,
  purpose: string,
  subjectId: string,
  expiresAt: Date,
  issuedTo?: string,
): string {
  if (issuedTo !== undefined && !ISSUED_TO.test(issuedTo)) throw new Error('a link is issued to an employee id');
  const body = `${subjectId}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}${issuedTo ? `.${issuedTo}` : ''}`;
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

/** Checks the signature before trusting anything in the token; expiry only after it. */
export function verifyLink(secret: string, purpose: string, token: string, now: Date): LinkCheck {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, subjectId, exp, issuedTo, signature] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const body = `${subjectId}.${exp}${issuedTo ? `.${issuedTo}` : ''}`;
  // Compare the text, not decoded bytes: the last base64url character carries unused bits,
  // so several spellings decode to the same bytes and a changed token must not pass
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(secret, purpose, body).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number.parseInt(exp, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, subjectId, expiresAt, ...(issuedTo ? { issuedTo } : {}) };
}

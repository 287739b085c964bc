// Signed, expiring download tokens: base64url(JSON {f: fileId, e: expiry seconds}) + "." +
// base64url(HMAC-SHA256). The secret and clock are parameters so tests sign at run time.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const payloadSchema = z.object({ f: z.string().min(1).max(64), e: z.number().int().positive() });

export type LinkCheck = { ok: true; fileId: string } | { ok: false; reason: 'invalid' | 'expired' };

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signLink(secret: string, fileId: string, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ f: fileId, e: Math.floor(expiresAt.getTime() / 1000) })).toString(
    'base64url',
  );
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** Checks the signature before reading anything from the token; expiry only after it. */
export function verifyLink(secret: string, token: string, now: Date): LinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 512) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  if (parsed.data.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, fileId: parsed.data.f };
}

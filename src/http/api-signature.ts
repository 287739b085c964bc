// Optional HMAC signatures on /api/v1 (on when API_SIGNING_SECRET is set): the caller signs the
// timestamp, method, path and raw body, so a captured request cannot be altered, sent to another
// route, or sent again. Each signature is claimed once in the database (InboundEvent, as the
// DingTalk callback signatures are), so every replica refuses a replay.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { replyError } from './reply-error.js';

/** `X-Kaopu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` */
export const SIGNATURE_HEADER = 'x-kaopu-signature';
/** How far the signed timestamp may be from the server's clock, either way. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;
const SIGNATURE_SOURCE = 'api.signature';
const MAX_RAW_BODY = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The bytes of an /api/v1 request body, kept for its signature. */
    rawBody?: Buffer;
  }
}

/** The string a signature covers: `<t>.<METHOD>.<path with query>.<raw body>`. */
export function signedPayload(timestamp: string, method: string, url: string, body: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.${method.toUpperCase()}.${url}.`), Buffer.from(body)]);
}

/** The header value a caller sends (used by tests, the benchmark and the README's example). */
export function signRequest(
  secret: string,
  request: { method: string; url: string; body?: Buffer | string; at: Date },
): string {
  const t = String(Math.floor(request.at.getTime() / 1000));
  const mac = createHmac('sha256', secret)
    .update(signedPayload(t, request.method, request.url, request.body ?? ''))
    .digest('hex');
  return `t=${t},v1=${mac}`;
}

function parseHeader(value: string | string[] | undefined): { t: string; v1: string } | null {
  if (typeof value !== 'string') return null;
  const parts = Object.fromEntries(
    value.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = parts.t ?? '';
  const v1 = parts.v1 ?? '';
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return null;
  return { t, v1 };
}

export interface SignatureOptions {
  secret: string;
  db: Db;
  now: () => Date;
  /** Called with the reason when a request is refused (audit). */
  refused?: (request: FastifyRequest, reason: 'missing' | 'stale' | 'invalid' | 'replayed') => Promise<void>;
}

/** Keeps the raw body of a request whose route has the `apiKey` guard. */
export async function keepRawBody(request: FastifyRequest, _reply: FastifyReply, payload: Readable) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > MAX_RAW_BODY) {
      throw Object.assign(new Error('request body too large'), { statusCode: 413 });
    }
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  request.rawBody = raw;
  const again = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
  again.receivedEncodedLength = (payload as Readable & { receivedEncodedLength?: number }).receivedEncodedLength;
  return again;
}

/** A `preValidation` check: 401 unless the request carries a fresh, valid, first-seen signature. */
export function signatureCheck(options: SignatureOptions) {
  const secret = Buffer.from(options.secret);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const refuse = async (reason: 'missing' | 'stale' | 'invalid' | 'replayed') => {
      request.log.info({ reason }, 'api request refused: signature');
      await options.refused?.(request, reason);
      return replyError(reply, 401, reason === 'replayed' ? 'error.api_signature_replayed' : 'error.api_signature');
    };
    const header = parseHeader(request.headers[SIGNATURE_HEADER]);
    if (!header) return refuse('missing');
    const at = Number(header.t) * 1000;
    if (Math.abs(at - options.now().getTime()) > SIGNATURE_TOLERANCE_MS) return refuse('stale');
    const expected = createHmac('sha256', secret)
      .update(signedPayload(header.t, request.method, request.url, request.rawBody ?? ''))
      .digest();
    const given = Buffer.from(header.v1, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse('invalid');
    try {
      await options.db.inboundEvent.create({
        data: {
          source: SIGNATURE_SOURCE,
          eventId: createHash('sha256').update(header.v1).digest('hex'),
          receivedAt: options.now(),
          handledAt: options.now(),
        },
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return refuse('replayed');
      throw err;
    }
    return undefined;
  };
}

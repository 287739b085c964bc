// Inbound in the fixed order: verify → parse → normalise → dedupe → ack → deliver.
// Shared by the HTTP callback and Stream mode; only the transport differs.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { AdapterContext } from '../../src/bot/adapter.js';
import type { BotEvent } from '../../src/bot/event.js';
import { describeIssues, replyError } from '../../src/http/reply-error.js';
import { toBotEvent } from './inbound.js';
import { robotMessage } from './schemas.js';
import { verifyCallback } from './verify.js';

export type Received = { kind: 'event'; event: BotEvent } | { kind: 'skip' } | { kind: 'malformed'; detail: string };

/** Parses, normalises and records one robot message; an event comes back only the first time. */
export async function receive(body: unknown, context: AdapterContext, now: Date): Promise<Received> {
  const parsed = robotMessage.safeParse(body);
  if (!parsed.success) return { kind: 'malformed', detail: describeIssues(parsed.error.issues) };
  const inbound = toBotEvent(parsed.data, now);
  if (inbound.kind === 'ignored') {
    context.logger.debug({ reason: inbound.reason }, 'dingtalk message ignored');
    return { kind: 'skip' };
  }
  // DingTalk redelivers a message it thinks we missed; the stored msgId makes that a no-op.
  if (!(await context.accept('dingtalk', inbound.event.id, inbound.event))) return { kind: 'skip' };
  return inbound;
}

export interface CallbackRouteOptions {
  /** The app secret (DINGTALK_CLIENT_SECRET) signs every callback. */
  secret: string;
  now: () => Date;
  /** Claims a verified (timestamp, sign) pair for this body; false when it was used for another body. */
  claim(use: { timestamp: string; sign: string; body: unknown }): Promise<boolean>;
}

export function callbackRoute(server: FastifyInstance, context: AdapterContext, options: CallbackRouteOptions): void {
  server.post(
    '/dingtalk/callback',
    {
      bodyLimit: 256 * 1024,
      config: { guard: { kind: 'platform', platform: 'dingtalk' } },
      // The signature covers only the headers, so it is checked before the body is even parsed.
      onRequest: async (request, reply) => {
        const result = verifyCallback({
          timestamp: header(request.headers, 'timestamp'),
          sign: header(request.headers, 'sign'),
          secret: options.secret,
          now: options.now(),
        });
        if (result !== 'ok') {
          context.logger.warn(
            { reason: result },
            'dingtalk callback refused: sign must match DINGTALK_CLIENT_SECRET and timestamp be within 1 h',
          );
          return replyError(reply, 401, 'error.unauthorized');
        }
      },
    },
    async (request, reply) => {
      const timestamp = header(request.headers, 'timestamp') ?? '';
      const sign = header(request.headers, 'sign') ?? '';
      if (!(await options.claim({ timestamp, sign, body: request.body }))) {
        context.logger.warn('dingtalk callback refused: its timestamp and sign were already used for another body');
        return replyError(reply, 401, 'error.unauthorized');
      }
      const received = await receive(request.body, context, options.now());
      if (received.kind === 'malformed') {
        context.logger.warn({ detail: received.detail }, 'dingtalk callback malformed');
        return replyError(reply, 400, 'error.bad_request', { detail: received.detail });
      }
      // The pipeline starts the bot's work on a later turn, after this answer has left.
      if (received.kind === 'event') context.deliver(received.event);
      return reply.code(200).send({});
    },
  );
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { replyError } from '../../src/http/reply-error.js';
import type { SlackAck } from './accept.js';
import { fromEventsApi, fromInteraction, fromSlashCommand, type SlackInbound } from './inbound.js';
import { verifySlackRequest } from './verify.js';

export interface SlackRouteDeps {
  signingSecret: string;
  /** Wall clock in ms for the signature's freshness check. */
  clock: () => number;
  now: () => Date;
  logger: Logger;
  accept: (inbound: SlackInbound) => Promise<SlackAck>;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Events API, slash commands and interactivity all arrive here, as JSON or as a form. */
function parseBody(contentType: string | undefined, raw: Buffer, receivedAt: Date): SlackInbound {
  const text = raw.toString('utf8');
  try {
    if (contentType?.startsWith('application/json')) return fromEventsApi(JSON.parse(text), receivedAt);
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return fromInteraction(JSON.parse(payload), receivedAt);
    if (form.has('ssl_check')) return { kind: 'ignored', reason: 'ssl_check' };
    if (form.has('command')) return fromSlashCommand(Object.fromEntries(form), receivedAt);
    return { kind: 'malformed', detail: 'form without payload or command' };
  } catch (err) {
    return { kind: 'malformed', detail: `body is not JSON: ${(err as Error).message.slice(0, 100)}` };
  }
}

/**
 * POST /slack/events in its own plugin scope, whose parsers keep the raw bytes: the
 * signature covers them exactly (https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */
export function slackRoutes(server: FastifyInstance, deps: SlackRouteDeps): void {
  server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', 'application/x-www-form-urlencoded'],
      { parseAs: 'buffer' },
      (_request, body, done) => done(null, body),
    );

    scope.post(
      '/slack/events',
      { config: { guard: { kind: 'platform', platform: 'slack' } } },
      async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : undefined;
        const verdict = verifySlackRequest({
          signingSecret: deps.signingSecret,
          timestamp: header(request, 'x-slack-request-timestamp'),
          signature: header(request, 'x-slack-signature'),
          rawBody: raw,
          nowMs: deps.clock(),
        });
        if (!verdict.ok) {
          deps.logger.warn(
            { reason: verdict.reason },
            'slack request refused: signature missing, stale, or not made with SLACK_SIGNING_SECRET',
          );
          return replyError(reply, 401, 'slack.error.signature');
        }
        const inbound = parseBody(header(request, 'content-type'), raw as Buffer, deps.now());
        const ack = await deps.accept(inbound);
        if (ack.status === 400) return replyError(reply, 400, 'error.bad_request', { detail: ack.detail ?? '' });
        reply.code(200);
        if (ack.body) reply.type('application/json').send(ack.body);
        else reply.send();
        if (ack.after) setImmediate(ack.after);
        return reply;
      },
    );
  });
}

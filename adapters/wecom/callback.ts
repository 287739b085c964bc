// GET/POST /wecom/callback (接收消息与事件, https://developer.work.weixin.qq.com/document/path/90238).
// Order: verify → parse → normalise → dedupe → ack → deliver. WeCom retries a callback that
// takes over 5 s, so we answer an empty 200 as soon as the event id is stored and work after.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdapterContext } from '../../src/bot/adapter.js';
import { describeIssues, replyError } from '../../src/http/reply-error.js';
import type { Guard } from '../../src/http/route-guard.js';
import { toBotEvent } from './inbound.js';
import { callbackQuery, envelope, parseXml, verifyUrlQuery } from './schemas.js';
import { verifyAndDecrypt, WecomCryptoError } from './verify.js';

export interface CallbackOptions {
  token: string;
  encodingAesKey: string;
  corpId: string;
  now: () => Date;
}

// Both routes verify WeCom's msg_signature before anything else.
const WECOM: Guard = { kind: 'platform', platform: 'wecom' };

// A WeCom callback is a few hundred bytes; anything near this is not from WeCom.
const BODY_LIMIT = 64 * 1024;

export function callbackRoutes(server: FastifyInstance, context: AdapterContext, options: CallbackOptions): void {
  const secrets = { token: options.token, encodingAesKey: options.encodingAesKey, receiveId: options.corpId };

  const refuse = (request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply => {
    const reason = err instanceof WecomCryptoError ? err.reason : 'undecryptable';
    const status = reason === 'bad_signature' || reason === 'stale_timestamp' ? 401 : 400;
    request.log.warn({ reason, detail: (err as Error).message }, 'wecom callback refused');
    return status === 401
      ? replyError(reply, 401, 'error.unauthorized')
      : replyError(reply, 400, 'error.bad_request', { detail: reason });
  };

  server.register(async (scope) => {
    // WeCom posts XML (text/xml, sometimes without a content type); read every body as text.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
      done(null, body);
    });

    scope.get('/wecom/callback', { config: { guard: WECOM } }, async (request, reply) => {
      const query = verifyUrlQuery.safeParse(request.query);
      if (!query.success) {
        request.log.warn({ detail: describeIssues(query.error.issues) }, 'wecom verify-URL request refused');
        return replyError(reply, 401, 'error.unauthorized');
      }
      const { msg_signature, timestamp, nonce } = query.data;
      // A proxy that decodes "+" in the query as a space breaks base64; put it back.
      const echostr = query.data.echostr.replace(/ /g, '+');
      try {
        const plain = verifyAndDecrypt({ msgSignature: msg_signature, timestamp, nonce }, echostr, {
          ...secrets,
          now: options.now(),
        });
        return reply.type('text/plain; charset=utf-8').send(plain);
      } catch (err) {
        return refuse(request, reply, err);
      }
    });

    scope.post('/wecom/callback', { bodyLimit: BODY_LIMIT, config: { guard: WECOM } }, async (request, reply) => {
      const query = callbackQuery.safeParse(request.query);
      if (!query.success) {
        request.log.warn({ detail: describeIssues(query.error.issues) }, 'wecom callback without a valid signature');
        return replyError(reply, 401, 'error.unauthorized');
      }
      const body = typeof request.body === 'string' ? request.body : '';
      const outer = envelope.safeParse(parseXml(body));
      if (!outer.success) {
        request.log.warn({ reason: 'malformed envelope' }, 'wecom callback refused');
        return replyError(reply, 400, 'error.bad_request', { detail: 'expected <xml><Encrypt>…</Encrypt></xml>' });
      }
      let xml: string;
      try {
        const { msg_signature, timestamp, nonce } = query.data;
        xml = verifyAndDecrypt({ msgSignature: msg_signature, timestamp, nonce }, outer.data.xml.Encrypt, {
          ...secrets,
          now: options.now(),
        });
      } catch (err) {
        return refuse(request, reply, err);
      }
      const inbound = toBotEvent(xml, options.now());
      if (inbound.kind === 'malformed') {
        request.log.warn({ reason: inbound.reason }, 'wecom callback refused');
        return replyError(reply, 400, 'error.bad_request', { detail: inbound.reason });
      }
      if (inbound.kind === 'ignored') {
        request.log.debug({ what: inbound.what }, 'wecom callback ignored');
        return reply.type('text/plain').send('');
      }
      const { event } = inbound;
      if (!(await context.accept('wecom', event.id, event))) return reply.type('text/plain').send('');
      reply.type('text/plain').send('');
      context.deliver(event);
      return reply;
    });
  });
}

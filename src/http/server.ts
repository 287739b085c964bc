import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { serializeRequest } from './log-request.js';
import { replyError } from './reply-error.js';
import { type GuardChecks, type GuardedRoute, installRouteGuards } from './route-guard.js';

export const BODY_LIMIT = 1024 * 1024;

export interface Server {
  server: FastifyInstance;
  /** Every route with its guard, filled in as routes are registered. */
  routes: readonly GuardedRoute[];
}

// Fastify: schema-free routes with our own zod parsing, pino logging built in, body limits,
// encapsulated plugins so each adapter can parse its own content types (raw bodies for
// signatures, XML for WeCom) without touching the others.
export function createServer(logger: Logger, guards: GuardChecks): Server {
  const server: FastifyInstance = Fastify({
    // Fastify takes the child's serializers over its own, whichever logger the caller built.
    // pino's Logger and Fastify's base logger type differ only in a field Fastify never reads
    loggerInstance: logger.child({}, { serializers: { req: serializeRequest } }) as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const routes = installRouteGuards(server, guards);

  // Not a route (Fastify's router fallback, no onRoute): public, and it answers only 404.
  server.setNotFoundHandler((_request, reply) => {
    replyError(reply, 404, 'error.not_found');
  });

  server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return replyError(reply, 413, 'error.payload_too_large');
    if (status === 415) return replyError(reply, 415, 'error.unsupported_media_type');
    if (status === 400) {
      return replyError(reply, 400, 'error.bad_request', { detail: error.message.slice(0, 200) });
    }
    if (status === 429) return replyError(reply, 429, 'error.rate_limited');
    if (status < 500) return replyError(reply, status, 'error.bad_request', { detail: error.message.slice(0, 200) });
    request.log.error({ err: error }, 'unhandled route error');
    return replyError(reply, 500, 'error.internal');
  });

  return { server, routes };
}

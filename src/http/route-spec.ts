// A route declared with zod schemas: input is validated before the handler runs (400 naming
// the fields) and the same schemas describe the route in the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { OpenApiRegistry } from './openapi.js';
import { describeIssues, replyError } from './reply-error.js';
import type { Guard } from './route-guard.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A request the OpenAPI document shows, and the answer the live route gives it (tests send it). */
export interface RouteExample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The status the example gets from the demo company (200 unless said). */
  status?: number;
  response?: unknown;
}

/** What the OpenAPI document says beyond the validating schemas. */
export interface RouteDocs {
  description?: string;
  /**
   * The request body as documented, when the route validates parts of it one by one (a batch
   * whose records are each checked by their own schema): the same schemas, composed.
   */
  body?: z.ZodType;
  /** The 200 answer. */
  response?: z.ZodType;
  /** Other answers the route gives, status → description. */
  responses?: Record<number, string>;
  example?: RouteExample;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Relative to the group's prefix, Fastify syntax: `/:token`. */
  path: string;
  summary: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  docs?: RouteDocs;
  /** Returns the JSON body, or the reply after sending something else (HTML, a file). */
  handle(input: RouteInput<P, Q, B>): unknown;
}

/** Declares one route; its handler's input types come from its schemas. */
export function route<P = undefined, Q = undefined, B = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec<P, Q, B> {
  return spec;
}

/** Registers routes under `prefix` with one guard and records them in `openapi`. */
export function registerRoutes(
  server: FastifyInstance,
  openapi: OpenApiRegistry,
  prefix: string,
  guard: Guard,
  routes: readonly RouteSpec[],
): void {
  for (const spec of routes) {
    const url = `${prefix}${spec.path === '/' ? '' : spec.path}` || '/';
    openapi.add({
      method: spec.method,
      path: url,
      summary: spec.summary,
      ...(guard.kind === 'apiKey' ? { scope: guard.scope } : {}),
      params: spec.params,
      query: spec.query,
      body: spec.body,
      docs: spec.docs,
    });
    server.route({
      method: spec.method,
      url,
      config: { guard },
      handler: async (request, reply) => {
        const params = spec.params
          ? spec.params.safeParse(request.params)
          : { success: true as const, data: undefined };
        const query = spec.query ? spec.query.safeParse(request.query) : { success: true as const, data: undefined };
        const body = spec.body ? spec.body.safeParse(request.body) : { success: true as const, data: undefined };
        const issues = [
          ...(params.success ? [] : params.error.issues.map((i) => ({ ...i, path: ['params', ...i.path] }))),
          ...(query.success ? [] : query.error.issues.map((i) => ({ ...i, path: ['query', ...i.path] }))),
          ...(body.success ? [] : body.error.issues.map((i) => ({ ...i, path: ['body', ...i.path] }))),
        ];
        if (issues.length || !params.success || !query.success || !body.success) {
          return replyError(reply, 400, 'error.bad_request', { detail: describeIssues(issues) });
        }
        return spec.handle({ params: params.data, query: query.data, body: body.data, request, reply });
      },
    });
  }
}

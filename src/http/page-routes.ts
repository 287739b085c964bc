import type { FastifyInstance } from 'fastify';
import type { OpenApiRegistry } from './openapi.js';
import type { Guard } from './route-guard.js';
import { type RouteSpec, registerRoutes } from './route-spec.js';

const LINK: Guard = { kind: 'link' };

/**
 * Public pages under `prefix` (`/c`, `/s`): no login, the token in the path is the credential and
 * each handler verifies it. Guard `link`, so the request log never shows the path.
 * ```ts
 * pageRoutes(server, '/s', [route({ method: 'GET', path: '/:token', summary: 'Survey page',
 *   params: z.object({ token: z.string() }), handle: ({ params, reply }) => reply.type('text/html').send(page(params.token)) })], openapi);
 * ```
 */
export function pageRoutes(
  server: FastifyInstance,
  prefix: `/${string}`,
  routes: readonly RouteSpec[],
  openapi: OpenApiRegistry,
): void {
  registerRoutes(server, openapi, prefix, LINK, routes);
}

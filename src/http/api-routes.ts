import type { FastifyInstance } from 'fastify';
import type { ApiScope } from './api-scope.js';
import type { OpenApiRegistry } from './openapi.js';
import { type RouteSpec, registerRoutes } from './route-spec.js';

export const API_PREFIX = '/api/v1';

/**
 * Business-system API routes under `/api/v1`, all behind an API key with `scope` (401 without a
 * valid key, 403 without the scope). Input is validated by the route's zod schemas; the key that
 * passed is `request.apiKey`.
 * ```ts
 * apiRoutes(server, 'work-orders:write', [route({ method: 'POST', path: '/work-orders', summary: 'Record a work order',
 *   body: workOrderBody, handle: ({ body }) => store.record(body) })], openapi);
 * ```
 */
export function apiRoutes(
  server: FastifyInstance,
  scope: ApiScope,
  routes: readonly RouteSpec[],
  openapi: OpenApiRegistry,
): void {
  registerRoutes(server, openapi, API_PREFIX, { kind: 'apiKey', scope }, routes);
}

import type { FastifyInstance } from 'fastify';
import type { OpenApiRegistry } from './openapi.js';
import type { Guard } from './route-guard.js';
import { type RouteSpec, registerRoutes } from './route-spec.js';

const LINK: Guard = { kind: 'link' };

/** A page's HTML form is a few fields; anything longer is refused (413) before parsing. */
export const PAGE_FORM_LIMIT = 8 * 1024;

/**
 * Public pages under `prefix` (`/c`, `/s`): no login, the token in the path is the credential and
 * each handler verifies it. Guard `link`, so the request log never shows the path.
 * ```ts
 * pageRoutes(server, '/s', [route({ method: 'GET', path: '/:token', summary: 'Survey page',
 *   params: z.object({ token: z.string() }), handle: ({ params, reply }) => reply.type('text/html').send(page(params.token)) })], openapi);
 * ```
 * Pages are plain HTML, so their POST routes also take an HTML form's
 * `application/x-www-form-urlencoded` body (a flat object of strings, repeated names as arrays).
 * The parser lives in this group's own plugin scope: the console and API routes still refuse
 * form bodies, so a cross-site form cannot post to them.
 */
export function pageRoutes(
  server: FastifyInstance,
  prefix: `/${string}`,
  routes: readonly RouteSpec[],
  openapi: OpenApiRegistry,
): void {
  server.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: PAGE_FORM_LIMIT },
      (_request, body, done) => done(null, parseForm(String(body))),
    );
    registerRoutes(scope, openapi, prefix, LINK, routes);
  });
}

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`. */
export function parseForm(body: string): Record<string, string | string[]> {
  // No prototype: a field named __proto__ stays a field
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

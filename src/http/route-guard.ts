// Authorization belongs to the matched route, never to the URL string: the router decodes
// `%61` before matching, so a check on `request.url` can be walked around (issue 8, finding 1).
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preParsingHookHandler,
  preValidationHookHandler,
  RouteOptions,
} from 'fastify';
import type { ApiScope } from './api-scope.js';

/** Who may call a route. Every route declares one in `config.guard`; the server refuses routes without. */
export type Guard =
  | { kind: 'public' }
  /** The token in the path is the credential; the handler verifies it. Logged without the path. */
  | { kind: 'link' }
  /** The adapter verifies the platform's signature. */
  | { kind: 'platform'; platform: 'slack' | 'wecom' | 'dingtalk' }
  | { kind: 'console' }
  | { kind: 'apiKey'; scope: ApiScope };

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: Guard;
  }
}

/** A check that answers (and so ends the request) when the caller may not pass. */
export type GuardCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

export interface GuardChecks {
  console: GuardCheck;
  apiKey: (scope: ApiScope) => GuardCheck;
  /**
   * Body checks for `apiKey` routes (HMAC signatures): `keep` sees the raw body before parsing,
   * `check` runs after the key check and parsing, before the handler.
   */
  apiBody?: { keep: preParsingHookHandler; check: GuardCheck };
}

export interface GuardedRoute {
  method: string;
  url: string;
  guard: Guard;
}

function checkFor(guard: Guard, checks: GuardChecks): GuardCheck | undefined {
  if (guard.kind === 'console') return checks.console;
  if (guard.kind === 'apiKey') return checks.apiKey(guard.scope);
  return undefined;
}

/**
 * Installs the `onRoute` hook that refuses any route without a guard (registration throws, so
 * the server does not start) and runs the console and API-key checks as the route's first
 * `onRequest` hook. Returns the list of routes and their guards as they are registered.
 */
export function installRouteGuards(server: FastifyInstance, checks: GuardChecks): GuardedRoute[] {
  const routes: GuardedRoute[] = [];
  server.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const guard = route.config?.guard;
    if (!guard) {
      throw new Error(`route ${methods.join(',')} ${route.url} declares no guard (config.guard)`);
    }
    for (const method of methods) routes.push({ method, url: route.url, guard });
    const check = checkFor(guard, checks);
    if (!check) return;
    const own = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [check as onRequestHookHandler, ...own];
    if (guard.kind === 'apiKey' && checks.apiBody) {
      const { keep, check: bodyCheck } = checks.apiBody;
      const parsing = route.preParsing ? [route.preParsing].flat() : [];
      route.preParsing = [keep, ...parsing];
      const validation = route.preValidation ? [route.preValidation].flat() : [];
      route.preValidation = [bodyCheck as preValidationHookHandler, ...validation];
    }
  });
  return routes;
}

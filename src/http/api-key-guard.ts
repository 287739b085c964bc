import type { FastifyRequest } from 'fastify';
import type { Audit } from '../audit/audit.js';
import type { ApiKeyStore, ApiKeySummary } from './api-keys.js';
import type { RateLimiter } from './api-rate-limit.js';
import type { ApiScope } from './api-scope.js';
import { replyError } from './reply-error.js';
import type { GuardCheck } from './route-guard.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key that passed the `apiKey` guard on this request. */
    apiKey?: ApiKeySummary;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export interface ApiKeyCheckOptions {
  /** Per-key request budget: 429 with Retry-After beyond it. */
  rateLimit?: RateLimiter;
  /** Refusals of a known key are audited under its name (never the key). */
  audit?: Audit;
}

/** Audits an /api/v1 refusal of a known key: its name and prefix, the route, why. */
export function auditApiRefusal(
  audit: Audit | undefined,
  key: ApiKeySummary,
  request: FastifyRequest,
  reason: string,
): Promise<void> {
  if (!audit) return Promise.resolve();
  return audit({
    actorId: key.id,
    actorKind: 'api_key',
    action: 'api.refused',
    channel: 'api',
    details: { key: key.name, prefix: key.prefix, route: `${request.method} ${request.routeOptions.url}`, reason },
  });
}

/**
 * The `apiKey` route guard: 401 without a valid, unrevoked key; 403 when it lacks the route's
 * scope; 429 (with Retry-After) when the key spent its budget.
 */
export function apiKeyCheck(store: ApiKeyStore, options: ApiKeyCheckOptions = {}): (scope: ApiScope) => GuardCheck {
  return (scope) => async (request, reply) => {
    const check = await store.authenticate(bearer(request));
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'api request refused: no valid API key');
      return replyError(reply, 401, 'error.api_key_invalid');
    }
    if (!check.key.scopes.includes(scope)) {
      request.log.info({ keyPrefix: check.key.prefix, scope }, 'api request refused: scope missing');
      await auditApiRefusal(options.audit, check.key, request, `scope ${scope} missing`);
      return replyError(reply, 403, 'error.api_key_scope', { scope });
    }
    const budget = (await options.rateLimit?.take(check.key.id)) ?? { ok: true };
    if (!budget.ok) {
      request.log.info({ keyPrefix: check.key.prefix }, 'api request refused: rate limit');
      await auditApiRefusal(options.audit, check.key, request, 'rate limit');
      reply.header('retry-after', String(budget.retryAfterSeconds));
      return replyError(reply, 429, 'error.rate_limited');
    }
    request.apiKey = check.key;
    return undefined;
  };
}

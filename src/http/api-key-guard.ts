import type { FastifyRequest } from 'fastify';
import type { ApiKeyStore, ApiKeySummary } from './api-keys.js';
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

/** The `apiKey` route guard: 401 without a valid, unrevoked key; 403 when it lacks the route's scope. */
export function apiKeyCheck(store: ApiKeyStore): (scope: ApiScope) => GuardCheck {
  return (scope) => async (request, reply) => {
    const check = await store.authenticate(bearer(request));
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'api request refused: no valid API key');
      return replyError(reply, 401, 'error.api_key_invalid');
    }
    if (!check.key.scopes.includes(scope)) {
      request.log.info({ keyPrefix: check.key.prefix, scope }, 'api request refused: scope missing');
      return replyError(reply, 403, 'error.api_key_scope', { scope });
    }
    request.apiKey = check.key;
    return undefined;
  };
}

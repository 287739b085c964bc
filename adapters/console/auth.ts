import { timingSafeEqual } from 'node:crypto';
import { replyError } from '../../src/http/reply-error.js';
import type { GuardCheck } from '../../src/http/route-guard.js';

export type ConsoleAccess = 'open' | 'token' | 'off';

// The console lets its user act as anyone: open only in demo mode (no chat platform
// configured), behind CONSOLE_TOKEN when one is set, and absent otherwise.
export function consoleAccess(demoMode: boolean, token: string | undefined): ConsoleAccess {
  if (token) return 'token';
  return demoMode ? 'open' : 'off';
}

export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `console` route guard: runs on the matched route, however its URL was spelled. */
export function consoleCheck(access: ConsoleAccess, token: string | undefined): GuardCheck {
  return async (request, reply) => {
    if (access === 'open') return undefined;
    // 'off' mounts no console routes; answering 404 keeps a stray one just as absent.
    if (access === 'off' || !token) return replyError(reply, 404, 'error.not_found');
    if (!bearerMatches(request.headers.authorization, token)) return replyError(reply, 401, 'error.unauthorized');
    return undefined;
  };
}

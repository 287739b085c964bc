import { timingSafeEqual } from 'node:crypto';

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

import { isAbsolute, resolve } from 'node:path';

export type DatabaseTarget = { provider: 'sqlite'; url: string; file: string } | { provider: 'postgres'; url: string };

/** Default embedded database when DATABASE_URL is unset. */
export const DEFAULT_SQLITE_FILE = 'data/kaopu.db';

// `file:./x.db` is relative to the working directory (FACTS.md); we resolve it once here so
// every part of Kaopu (server, migrator, seed) opens the same file.
export function resolveDatabaseTarget(url: string | undefined, cwd: string): DatabaseTarget {
  if (!url) {
    const file = resolve(cwd, DEFAULT_SQLITE_FILE);
    return { provider: 'sqlite', url: `file:${file}`, file };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { provider: 'postgres', url };
  }
  const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
  const file = path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path);
  return { provider: 'sqlite', url: `file:${file}`, file };
}

// Opens Prisma on SQLite (better-sqlite3) or PostgreSQL (pg). App code is typed against the
// SQLite client: the two generated clients share model types but are not assignable to each
// other, and SQLite's API is the narrower one (FACTS.md).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './database-url.js';
import { PrismaClient as PostgresClient } from './generated/postgres/client.js';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.js';

export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client.js';

export function openDb(target: DatabaseTarget): Db {
  if (target.provider === 'postgres') {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // WAL lets the console read while a job writes; busy_timeout rides out short write locks.
  const adapter = new PrismaBetterSqlite3({ url: target.file, timeout: 5000 });
  return new SqliteClient({ adapter });
}

/** Settings a fresh SQLite connection needs; PostgreSQL needs none. */
export async function tuneDb(db: Db, target: DatabaseTarget): Promise<void> {
  if (target.provider !== 'sqlite' || target.file === ':memory:') return;
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
}

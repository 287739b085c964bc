// npm run db:migrate            → apply pending migrations to DATABASE_URL (SQLite by default)
// npm run db:migration -- <name> → create a migration for both SQLite and PostgreSQL from the schema
import { resolveDatabaseTarget } from '../src/db/database-url.js';
import { applyMigrations, createMigration } from '../src/db/migrations.js';

const [command, name] = process.argv.slice(2);
const root = process.cwd();

async function main(): Promise<void> {
  if (command === 'apply') {
    const target = resolveDatabaseTarget(process.env.DATABASE_URL, root);
    if (target.provider === 'sqlite') await import('node:fs').then((fs) => fs.mkdirSync('data', { recursive: true }));
    const applied = await applyMigrations(root, target);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    return;
  }
  if (command === 'create') {
    if (!name) throw new Error('usage: npm run db:migration -- <name>');
    const now = new Date();
    // The SQLite diff replays migrations into an in-memory shadow; PostgreSQL needs a server
    // (MIGRATION_POSTGRES_URL, default the local test database) for its shadow database.
    const pgUrl = process.env.MIGRATION_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    for (const target of [resolveDatabaseTarget(':memory:', root), resolveDatabaseTarget(pgUrl, root)]) {
      const dir = await createMigration(root, target, name, now);
      console.log(dir ? `Created ${dir}` : `${target.provider}: schema unchanged, no migration created.`);
    }
    return;
  }
  throw new Error('usage: migrate.ts apply | create <name>');
}

main().then(
  // After applyMigrations on PostgreSQL the Wasm leaves a 10 s timer; exit explicitly.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);

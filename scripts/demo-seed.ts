// npm run demo:seed → seeds the demo company into the configured database if it is empty.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/client.js';
import { resolveDatabaseTarget } from '../src/db/database-url.js';
import { applyMigrations } from '../src/db/migrations.js';
import { seedDemoIfEmpty } from '../src/demo/seed.js';

const root = process.cwd();
const config = loadConfig(process.env);
const target = resolveDatabaseTarget(config.databaseUrl, root);
if (target.provider === 'sqlite') mkdirSync(dirname(target.file), { recursive: true });
await applyMigrations(root, target);
const db = openDb(target);
const summary = await seedDemoIfEmpty(db, { today: new Date(), timeZone: config.timeZone });
console.log(
  summary
    ? `Seeded the demo company: ${JSON.stringify(summary)}`
    : 'The database already has employees; nothing seeded.',
);
await db.$disconnect();
process.exit(0);

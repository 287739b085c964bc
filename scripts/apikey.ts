// npm run apikey -- create --name X --scopes a,b | list | revoke <id>
// API keys for /api/v1. The key is printed once at creation; only its hash is stored.
import { z } from 'zod';
import { createAudit } from '../src/audit/audit.js';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/client.js';
import { resolveDatabaseTarget } from '../src/db/database-url.js';
import { createApiKeyStore } from '../src/http/api-keys.js';
import { apiScope } from '../src/http/api-scope.js';

const USAGE =
  'usage: npm run apikey -- create --name <name> --scopes kpi:read,work-orders:write | list | revoke <id>\n';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const fail = (message: string): never => {
  process.stderr.write(message);
  process.exit(2);
};

const command = args[0];
if (command !== 'create' && command !== 'list' && command !== 'revoke') fail(USAGE);

const config = loadConfig(process.env);
const db = openDb(resolveDatabaseTarget(config.databaseUrl, process.cwd()));
const now = () => new Date();
const store = createApiKeyStore(db, createAudit(db, now), now);

try {
  if (command === 'create') {
    const name = z.string().trim().min(1).max(100).safeParse(flag('name'));
    if (!name.success) fail(`--name is required\n${USAGE}`);
    const scopes = z
      .array(apiScope)
      .min(1)
      .safeParse((flag('scopes') ?? '').split(',').filter(Boolean));
    if (!scopes.success || !name.success) {
      fail(`--scopes must be a comma-separated list like kpi:read,work-orders:write\n${USAGE}`);
    } else {
      const { key, secret } = await store.create(name.data, scopes.data);
      process.stdout.write(
        `created ${key.id} (${key.name}, ${key.scopes.join(',')})\n` +
          `key (shown only now; store it in the calling system): ${secret}\n`,
      );
    }
  } else if (command === 'list') {
    for (const key of await store.list()) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : 'never';
      process.stdout.write(
        `${key.id}\t${key.name}\tkp_${key.prefix}_…\t${key.scopes.join(',')}\t${state}\tlast used ${used}\n`,
      );
    }
  } else {
    const id = args[1];
    if (!id) fail(USAGE);
    else if (await store.revoke(id)) process.stdout.write(`revoked ${id}\n`);
    else {
      process.stderr.write(`no API key with id ${id} (see npm run apikey -- list)\n`);
      process.exitCode = 1;
    }
  }
} finally {
  await db.$disconnect();
}
// The PostgreSQL driver can keep a timer alive after disconnect; a CLI ends here.
process.exit(process.exitCode ?? 0);

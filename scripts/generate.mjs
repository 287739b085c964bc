// Generates both Prisma clients (SQLite and PostgreSQL) from prisma/models.prisma.
// The CLI insists on a native schema-engine file for `generate` but never runs it; machines
// without internet cannot download it, so we point it at any existing file (FACTS.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

for (const provider of ['sqlite', 'postgres']) {
  const run = spawnSync(process.execPath, [cli, 'generate', '--schema', `prisma/${provider}`], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) {
    console.error(`prisma generate failed for ${provider}`);
    process.exit(run.status ?? 1);
  }
}
console.log('Prisma clients generated (sqlite, postgres)');

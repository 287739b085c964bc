// After `npm install`: generate both Prisma clients, compile dist/ for `npm start`, then
// create/migrate the configured database (the SQLite file under data/ unless DATABASE_URL says otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['scripts/generate.mjs']);
run(process.execPath, ['scripts/build.mjs']);
if (existsSync('.env')) process.loadEnvFile('.env');
if (process.env.KAOPU_SKIP_MIGRATE !== '1') {
  run(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', 'apply']);
}

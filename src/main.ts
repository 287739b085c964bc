// Composition root: config → database (migrate, seed) → app → listen. Nothing else reads env.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { ConfigError, isDemoMode, loadConfig } from './config.js';
import { openDb } from './db/client.js';
import { resolveDatabaseTarget } from './db/database-url.js';
import { applyMigrations } from './db/migrations.js';
import { storedSecret } from './db/stored-secret.js';
import { seedAlertScenario } from './demo/alert-scenario.js';
import { pushDemoApiRecords } from './demo/api-records.js';
import { completeDemoWorkOrder } from './demo/complete-work-order.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { connectDemoSources, demoStandIns } from './demo/stand-ins/index.js';
import { FEATURES } from './features.js';
import { createLogger } from './log.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const startedAt = performance.now();
  if (existsSync(resolve(root, '.env'))) process.loadEnvFile(resolve(root, '.env'));
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Kaopu cannot start. ${err.message}\nSee .env.example for every variable.\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const target = resolveDatabaseTarget(config.databaseUrl, root);
  if (target.provider === 'sqlite' && target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });

  const applied = await applyMigrations(root, target);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  // Opened here rather than by buildApp so the link-signing secret can be read first; closed below.
  const db = openDb(target);
  let linkSigningSecret = config.linkSigningSecret;
  if (!linkSigningSecret) {
    const stored = await storedSecret(db, 'link.signingSecret');
    linkSigningSecret = stored.value;
    if (stored.created) logger.info('LINK_SIGNING_SECRET is not set: generated one and stored it in the database');
  }

  // Demo mode also serves stand-in business systems the connectors pull from (demo-only code).
  const demo = isDemoMode(config) && config.demoSeed;
  const app = await buildApp({
    config: { ...config, linkSigningSecret },
    logger,
    root,
    db,
    processMetrics: true,
    ...(demo ? { features: [...FEATURES, demoStandIns] } : {}),
  });
  let seededNow = false;
  if (config.demoSeed) {
    const seeded = await seedDemoIfEmpty(app.db, { today: new Date(), timeZone: config.timeZone });
    if (seeded) logger.info({ employees: seeded.employees }, 'demo company seeded');
    seededNow = seeded !== null;
    if (seededNow) {
      const pushed = await pushDemoApiRecords(app.kit.records, new Date(), config.timeZone);
      logger.info({ pushed }, 'demo business-system records pushed through the record functions');
    }
    // One of today's work orders completes through the record path, so its engineer has a live survey card.
    if (seededNow) await completeDemoWorkOrder(app.db, app.kit.records, new Date(), config.timeZone);
    // After it: the alert scenario's late work order must stay open to breach its SLA.
    if (seededNow) await seedAlertScenario(app.db, new Date());
  }
  await app.start();
  await app.server.listen({ port: config.port, host: config.host });
  if (demo) {
    const address = app.server.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const codes = await connectDemoSources(app.db, `http://127.0.0.1:${port}`);
    logger.info({ sources: codes }, 'demo stand-in systems connected; the connectors pull them every few minutes');
  }
  if (seededNow) {
    // A fresh demo has records but no scores yet; compute them now rather than at 02:30. Cards read
    // stored results only, and "since last week" reads the Monday snapshot, so take the snapshot a
    // week ago would have taken (from the records as they stood then) before today's scores.
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    void app.scheduler
      .runNow('kpi.snapshot', weekAgo)
      .then(() => app.scheduler.runNow('kpi.nightly'))
      .then((outcome) => logger.info({ outcome }, 'demo KPI results computed'))
      .catch((err) => logger.error({ err }, 'demo KPI computation failed'))
      // Then the alert rules over the fresh demo data, so the group chats show alerts at once.
      .then(() => app.scheduler.runNow('alerts.scan'))
      .catch((err) => logger.error({ err }, 'demo alert scan failed'));
  } else if (config.demoSeed && app.scheduler.names().includes('alerts.scan')) {
    void app.scheduler.runNow('alerts.scan').catch((err) => logger.error({ err }, 'alert scan failed'));
  }

  const platforms = [...app.adapters.keys()].filter((p) => p !== 'console');
  logger.info(
    {
      platforms,
      host: config.host,
      port: config.port,
      demoMode: isDemoMode(config),
      database: target.provider,
      readyMs: Math.round(performance.now() - startedAt),
    },
    'Kaopu is ready',
  );
  const consoleOn = isDemoMode(config) || config.consoleToken;
  process.stdout.write(
    consoleOn
      ? `\n  Kaopu is running. Console: ${config.publicBaseUrl}/console\n  HR API: ${config.publicBaseUrl}/api/v1/openapi.json (keys: npm run apikey -- create --name erp --scopes work-orders:write,kpi:read)\n\n`
      : `\n  Kaopu is running on ${config.publicBaseUrl} (console off: set CONSOLE_TOKEN to enable it)\n\n`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing in-flight work');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await db.$disconnect();
      logger.info('stopped cleanly');
      logger.flush();
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Kaopu failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

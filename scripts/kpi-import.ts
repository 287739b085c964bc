// npm run kpi:import -- <file.yaml|json> [--period YYYY-MM] [--reason "…"]
// Validates a KPI model file (listing every problem) and stores it as a new version for the period.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openDb } from '../src/db/client.js';
import { resolveDatabaseTarget } from '../src/db/database-url.js';
import { defaultMetricFamilies } from '../src/default-metric-families.js';
import { createMetricRegistry } from '../src/kpi/index.js';
import { importModel, parseModelText } from '../src/kpi/models.js';
import { periodOf, periodSchema } from '../src/time/period.js';
import { localDate } from '../src/time/zoned.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  process.stderr.write('usage: npm run kpi:import -- <file.yaml|json> [--period YYYY-MM] [--reason "…"]\n');
  process.exit(2);
}
const config = loadConfig(process.env);
const period = periodSchema.safeParse(flag('period') ?? periodOf(localDate(new Date(), config.timeZone)));
if (!period.success) {
  process.stderr.write('--period must look like 2026-11\n');
  process.exit(2);
}
const check = parseModelText(readFileSync(resolve(file), 'utf8'), createMetricRegistry(defaultMetricFamilies));
if (!check.ok) {
  process.stderr.write(`${file} is not a valid KPI model:\n${check.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
const db = openDb(resolveDatabaseTarget(config.databaseUrl, process.cwd()));
const outcome = await importModel(db, check.model, {
  period: period.data,
  createdById: null,
  reason: flag('reason') ?? `imported from ${file}`,
});
await db.$disconnect();
if (!outcome.ok) {
  process.stderr.write(`${outcome.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${check.model.code}: version ${outcome.version.version} for ${period.data}\n`);

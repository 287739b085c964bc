// The KPI engine figures in a process of their own, so VmHWM (the kernel's peak RSS) is the
// recompute's and not the data generator's: a warm plain scan of the same rows (median of 3), its
// VmHWM as the memory baseline, then the full recompute and the recompute when nothing changed.
// Prints one JSON line on stdout. Run by kpi.bench.ts.
import pino from 'pino';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { defaultMetricFamilies } from '../../src/default-metric-families.js';
import { computePeriod } from '../../src/kpi/compute.js';
import { createMetricRegistry } from '../../src/kpi/index.js';
import { ROOT } from '../helpers/test-db.js';
import { median, vmHwmMiB } from './load.js';

const url = process.env.BENCH_DB_URL as string;
const period = process.env.BENCH_PERIOD as string;
const now = new Date(process.env.BENCH_NOW as string);
const target = resolveDatabaseTarget(url, ROOT);
const db = openDb(target);
const metrics = createMetricRegistry(defaultMetricFamilies);

const SCAN = [
  'SELECT COUNT(*), SUM("difficulty") FROM "WorkOrder"',
  'SELECT COUNT(*), SUM("csat") FROM "SurveyAnswer"',
  'SELECT COUNT(*), SUM("lateMinutes") FROM "CheckIn"',
];
const scans: number[] = [];
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  for (const q of SCAN) await db.$queryRawUnsafe(q);
  if (i > 0) scans.push(performance.now() - t); // the first run only warms the cache
}
const baseHwm = vmHwmMiB();
const engine = { db, provider: target.provider, logger: pino({ level: 'silent' }), now: () => now, metrics };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const full = await computePeriod(engine, period);
const fullMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const hwm = vmHwmMiB();
const t1 = performance.now();
const again = await computePeriod(engine, period);
const againMs = performance.now() - t1;
await db.$disconnect();
process.stdout.write(
  `${JSON.stringify({
    scanMs: median(scans),
    fullMs,
    fullCpuMs: (cpu.user + cpu.system) / 1000,
    employees: full.results.length,
    written: full.written,
    againMs,
    againWritten: again.written,
    baseHwm,
    hwm,
  })}\n`,
);

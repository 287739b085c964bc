// KPI engine at scale: 10,000 engineers × one month (≈300k work orders, 150k survey answers,
// 400k check-ins) on a fresh SQLite file. Figures: full recompute time and peak RSS, one KPI
// card, each against a plain SQL scan of the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDb } from '../../src/db/client.js';
import { resolveDatabaseTarget } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { defaultMetricFamilies } from '../../src/default-metric-families.js';
import { computePeriod } from '../../src/kpi/compute.js';
import { createMetricRegistry } from '../../src/kpi/index.js';
import { ensureDefaultModels } from '../../src/kpi/models.js';
import { ROOT } from '../helpers/test-db.js';
import { percentile, type Report, round } from './figure.js';

const EMPLOYEES = 10_000;
const PERIOD = '2026-10';
const NOW = new Date('2026-10-28T04:00:00Z');
const log = (s: string) => process.stderr.write(`${s}\n`);

export default async function (report: Report) {
  const dir = mkdtempSync(join(tmpdir(), 'kaopu-bench-kpi-'));
  const target = resolveDatabaseTarget(`file:${join(dir, 'bench.db')}`, ROOT);
  await applyMigrations(ROOT, target);
  const db = openDb(target);
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await generate(db);
  const metrics = createMetricRegistry(defaultMetricFamilies);
  await ensureDefaultModels(db, PERIOD, metrics);

  const scanStart = performance.now();
  for (const q of [
    'SELECT COUNT(*), SUM("difficulty") FROM "WorkOrder"',
    'SELECT COUNT(*), SUM("csat") FROM "SurveyAnswer"',
    'SELECT COUNT(*), SUM("lateMinutes") FROM "CheckIn"',
  ])
    await db.$queryRawUnsafe(q);
  const scanMs = performance.now() - scanStart;

  const engine = { db, provider: 'sqlite' as const, logger: pino({ level: 'silent' }), now: () => NOW, metrics };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await computePeriod(engine, PERIOD);
  const fullS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  log(`CPU of the full recompute (this process): ${round((cpu.user + cpu.system) / 1e6)} s`);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  log(`recomputed ${summary.results.length} employees, wrote ${summary.written}`);
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  const again = await computePeriod(engine, PERIOD);
  const cpuAgain = process.cpuUsage(cpu1);
  log(`CPU of the unchanged recompute: ${round((cpuAgain.user + cpuAgain.system) / 1e6)} s`);
  log(`unchanged recompute: ${round((performance.now() - t1) / 1000)} s, wrote ${again.written}`);

  report({
    name: 'kpi.recompute.full',
    value: round(fullS),
    unit: 's',
    baseline: round(scanMs / 1000, 3),
    ratio: round(fullS / (scanMs / 1000)),
    target: '<= 10',
  });
  report({ name: 'kpi.recompute.rss', value: round(peak / 2 ** 20, 0), unit: 'MiB', target: '<= 1024' });

  await db.$disconnect();
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: target.url, DEMO_SEED: 'never' }),
    logger: pino({ level: 'silent' }),
    root: ROOT,
    now: () => NOW,
  });
  await app.server.ready();
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const userId = `emp_b${String((i * 197) % EMPLOYEES).padStart(5, '0')}`;
    const s = performance.now();
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      payload: { userId, text: 'kpi' },
    });
    times.push(performance.now() - s);
    if (i === 0 && !res.body.includes('总分')) throw new Error(`card without a score: ${res.body.slice(0, 300)}`);
  }
  const cardScan = performance.now();
  await app.db.$queryRawUnsafe('SELECT COUNT(*), AVG("csat") FROM "SurveyAnswer" WHERE "employeeId" = ?', 'emp_b00000');
  await app.db.$queryRawUnsafe(
    'SELECT COUNT(*), SUM("difficulty") FROM "WorkOrder" WHERE "assigneeId" = ?',
    'emp_b00000',
  );
  const cardScanMs = performance.now() - cardScan;
  const p50 = percentile(
    [...times].sort((a, b) => a - b),
    50,
  );
  report({
    name: 'kpi.card.one',
    value: round(p50),
    unit: 'ms',
    baseline: round(cardScanMs),
    ratio: round(p50 / cardScanMs),
    target: '<= 50',
  });
  await app.close();
  await app.db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

type Db = ReturnType<typeof openDb>;
const iso = (ms: number) => `'${new Date(ms).toISOString()}'`;

async function insert(db: Db, table: string, columns: string[], rows: string[][]) {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES `;
  for (let i = 0; i < rows.length; i += 500) {
    await db.$executeRawUnsafe(
      head +
        rows
          .slice(i, i + 500)
          .map((r) => `(${r.join(',')})`)
          .join(','),
    );
  }
}

/** Deterministic generation with raw multi-row INSERTs in one transaction (not part of the figures). */
async function generate(db: Db) {
  const t = performance.now();
  const start = Date.parse('2026-09-30T16:00:00Z');
  let seed = 42;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  await db.$executeRawUnsafe(
    `INSERT INTO "Department" ("id","code","name","createdAt") VALUES ('d1','AFTERSALES','售后',${iso(start)})`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Position" ("id","code","name","departmentId","skills","probationMonths") VALUES ('p1','engineer','工程师','d1','',3)`,
  );
  await db.$executeRawUnsafe('BEGIN');
  const emp = Array.from({ length: EMPLOYEES }, (_, i) => `emp_b${String(i).padStart(5, '0')}`);
  await insert(
    db,
    'Employee',
    [
      'id',
      'employeeNo',
      'name',
      'role',
      'status',
      'departmentId',
      'positionId',
      'locale',
      'timeZone',
      'hireDate',
      'skills',
      'createdAt',
      'updatedAt',
    ],
    emp.map((id, i) => [
      `'${id}'`,
      `'B${i}'`,
      `'工程师${i}'`,
      `'EMPLOYEE'`,
      `'ACTIVE'`,
      `'d1'`,
      `'p1'`,
      `'zh-CN'`,
      `'Asia/Shanghai'`,
      `'2020-01-01'`,
      `''`,
      iso(start),
      iso(start),
    ]),
  );
  await db.$executeRawUnsafe('COMMIT');
  for (let s = 0; s < 7; s++)
    await db.$executeRawUnsafe(
      `INSERT INTO "Site" ("id","code","name","lat","lng","datum","radiusM","timeZone") VALUES ('s${s}','S${s}','site',31,121,'GCJ02',100,'Asia/Shanghai')`,
    );
  const counts = { wo: 0, ans: 0, ci: 0 };
  // Rows are built and inserted 500 employees at a time so generation leaves no large heap behind.
  for (let from = 0; from < EMPLOYEES; from += 500) {
    const wo: string[][] = [];
    const ans: string[][] = [];
    const ci: string[][] = [];
    for (let e = from; e < from + 500; e++) {
      const id = emp[e] as string;
      for (let k = 0; k < 30; k++) {
        const day = start + (k % 27) * 86_400_000 + 3_600_000 * (1 + rnd(8));
        const assigned = day + 600_000;
        const resp = assigned + (5 + rnd(40)) * 60_000;
        const done = resp + (60 + rnd(120)) * 60_000;
        const woId = `wo${e}_${k}`;
        wo.push([
          `'${woId}'`,
          `'WO-${e}-${k}'`,
          `'bench'`,
          `'t'`,
          `'${id}'`,
          String(1 + rnd(5)),
          `'COMPLETED'`,
          iso(day),
          iso(assigned),
          iso(resp),
          iso(resp + 1_800_000),
          iso(done),
          '30',
          '120',
          String(rnd(20) ? 1 : 0),
          '0',
          iso(done),
        ]);
        if (k % 2 === 0)
          ans.push([
            `'a${e}_${k}'`,
            `'${woId}'`,
            `'${id}'`,
            String(1 + rnd(5)),
            String(rnd(11)),
            `'zh-CN'`,
            iso(done + 3_600_000),
          ]);
      }
      for (let k = 0; k < 20; k++) {
        const at = start + (k + 1) * 86_400_000 + 3_600_000;
        ci.push([
          `'c${e}_${k}i'`,
          `'${id}'`,
          `'IN'`,
          `'PAGE'`,
          iso(at),
          `'ACCEPTED'`,
          String(rnd(10) ? 0 : rnd(30)),
          `'[]'`,
          iso(at),
          `'s${k % 7}'`,
        ]);
        ci.push([
          `'c${e}_${k}o'`,
          `'${id}'`,
          `'OUT'`,
          `'PAGE'`,
          iso(at + 9.5 * 3_600_000),
          `'ACCEPTED'`,
          '0',
          `'[]'`,
          iso(at),
          `'s${k % 7}'`,
        ]);
      }
    }
    await db.$executeRawUnsafe('BEGIN');
    await insert(
      db,
      'WorkOrder',
      [
        'id',
        'externalId',
        'source',
        'title',
        'assigneeId',
        'difficulty',
        'status',
        'openedAt',
        'assignedAt',
        'firstResponseAt',
        'arrivedAt',
        'completedAt',
        'slaResponseMinutes',
        'slaArrivalMinutes',
        'resolved',
        'reopenCount',
        'updatedAt',
      ],
      wo,
    );
    await insert(db, 'SurveyAnswer', ['id', 'workOrderId', 'employeeId', 'csat', 'nps', 'locale', 'answeredAt'], ans);
    await insert(
      db,
      'CheckIn',
      ['id', 'employeeId', 'kind', 'method', 'at', 'verdict', 'lateMinutes', 'flags', 'createdAt', 'siteId'],
      ci,
    );
    await db.$executeRawUnsafe('COMMIT');
    counts.wo += wo.length;
    counts.ans += ans.length;
    counts.ci += ci.length;
  }
  await db.$executeRawUnsafe('ANALYZE');
  log(
    `generated ${counts.wo} work orders, ${counts.ans} answers, ${counts.ci} check-ins in ${round((performance.now() - t) / 1000)} s`,
  );
}

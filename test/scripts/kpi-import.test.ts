// `npm run kpi:import` has only a CLI, so it runs as a child process against a private database.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { cloneTemplate, ROOT } from '../helpers/test-db.js';

const database = await cloneTemplate();
const db = openDb(database.target);
const dir = mkdtempSync(join(tmpdir(), 'kaopu-kpi-import-'));
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

function runImport(file: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/kpi-import.ts', file, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const versions = (period: string) =>
  db.kpiModelVersion.findMany({ where: { period, model: { code: 'aftersales_engineer' } }, select: { version: true } });

describe('kpi:import', () => {
  it('stores a valid model file as a new version for the period given', async () => {
    const before = (await versions('2026-12')).length;
    const { code, stdout } = await runImport('kpi-models/aftersales-engineer.yaml', '--period', '2026-12');
    expect(code).toBe(0);
    expect(stdout).toBe(`aftersales_engineer: version ${before + 1} for 2026-12\n`);
    expect(await versions('2026-12')).toHaveLength(before + 1);
  });

  it('refuses an invalid file with every problem listed and stores nothing', async () => {
    const file = join(dir, 'broken.yaml');
    const valid = readFileSync(join(ROOT, 'kpi-models/aftersales-engineer.yaml'), 'utf8');
    writeFileSync(
      file,
      valid
        .replace('{ metric: wo_points, weight: 25,', '{ metric: wo_magic, weight: 15,')
        .replace('curve: { type: linear, cap: 100 } }', 'curve: { type: zigzag } }'),
    );
    const before = await versions('2026-11');
    const { code, stdout, stderr } = await runImport(file, '--period', '2026-11');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `${file} is not a valid KPI model:`,
        "  - metrics.5.curve.type: Invalid discriminator value. Expected 'linear' | 'bands' | 'inverse'",
        '  - metrics.0.metric: unknown metric "wo_magic"',
        '  - metrics: weights sum to 90%, not 100%',
        '',
      ].join('\n'),
    );
    expect(await versions('2026-11')).toEqual(before);
  });
});

import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/jobs/scheduler.js';
import { localDate } from '../../../src/time/zoned.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();
const NIGHT = new Date('2026-11-18T18:00:00Z'); // 02:00 in Shanghai

function nightly(name: string, run: (now: Date) => Promise<void>) {
  return {
    name,
    cron: '0 2 * * *',
    timeZone: 'Asia/Shanghai',
    runKey: (now: Date) => localDate(now, 'Asia/Shanghai'),
    run,
  };
}

function scheduler(now = NIGHT) {
  return new Scheduler({ db: app.db, logger: pino({ level: 'silent' }), now: () => now, leaseMs: 60_000 });
}

describe('job scheduler', () => {
  it('runs a job once per run key even when two replicas fire together', async () => {
    let runs = 0;
    const job = nightly('test.once', async () => {
      runs += 1;
    });
    const a = scheduler();
    const b = scheduler();
    a.register(job);
    b.register(job);
    const outcomes = await Promise.all([a.runNow('test.once'), b.runNow('test.once')]);
    expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    expect(runs).toBe(1);
    expect(await a.runNow('test.once', new Date('2026-11-19T18:00:00Z'))).toBe('ran');
    expect(runs).toBe(2);
  });

  it('records a failure with its error and runs the same key again on the next attempt', async () => {
    let fail = true;
    const s = scheduler();
    s.register(
      nightly('test.flaky', async () => {
        if (fail) throw new Error('source unavailable');
      }),
    );
    expect(await s.runNow('test.flaky')).toBe('failed');
    const row = await app.db.jobRun.findFirstOrThrow({ where: { job: 'test.flaky' } });
    expect(row).toMatchObject({ status: 'failed', error: 'source unavailable' });
    fail = false;
    expect(await s.runNow('test.flaky')).toBe('ran');
  });

  it('takes over a run whose runner crashed once its lease has passed, not before', async () => {
    const key = localDate(NIGHT, 'Asia/Shanghai');
    await app.db.jobRun.create({ data: { job: 'test.crash', runKey: key, status: 'running', startedAt: NIGHT } });
    let runs = 0;
    const count = async () => {
      runs += 1;
    };
    const soon = scheduler(new Date(NIGHT.getTime() + 30_000));
    soon.register(nightly('test.crash', count));
    expect(await soon.runNow('test.crash')).toBe('skipped');
    const later = scheduler(new Date(NIGHT.getTime() + 120_000));
    later.register(nightly('test.crash', count));
    expect(await later.runNow('test.crash')).toBe('ran');
    expect(runs).toBe(1);
  });

  it('refuses an invalid cron expression at registration', () => {
    expect(() => scheduler().register({ ...nightly('test.bad', async () => {}), cron: 'every night' })).toThrow(
      /invalid cron/,
    );
  });
});

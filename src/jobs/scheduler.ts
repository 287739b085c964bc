import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';

export interface JobSpec {
  /** Stable dotted name, e.g. "kpi.nightly". */
  name: string;
  /** node-cron expression, evaluated in `timeZone`. */
  cron: string;
  timeZone: string;
  /** The idempotency key of the run due at `now`, e.g. the local date for a nightly job. */
  runKey(now: Date): string;
  run(now: Date): Promise<void>;
}

export type RunOutcome = 'ran' | 'skipped' | 'failed';

export interface SchedulerOptions {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** A run still "running" after this long is presumed crashed and may be taken over. */
  leaseMs?: number;
  /** Cron expressions that replace a job's own, by job name (an operator moving the nightly run). */
  schedules?: Readonly<Record<string, string>>;
  /** Told after every run this replica claimed (the /metrics job counters). */
  onRun?(job: string, outcome: 'done' | 'failed', seconds: number): void;
}

/**
 * Runs jobs on cron schedules, at most once per run key across every replica: a run is claimed
 * by inserting its (job, runKey) row, which the database's unique index lets only one replica do.
 * That works the same on SQLite and PostgreSQL, and a crashed run is taken over after its lease.
 */
export class Scheduler {
  private readonly jobs = new Map<string, JobSpec>();
  private readonly tasks: ScheduledTask[] = [];
  private readonly leaseMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.leaseMs = options.leaseMs ?? 30 * 60_000;
  }

  register(job: JobSpec): void {
    if (this.jobs.has(job.name)) throw new Error(`job "${job.name}" registered twice`);
    const override = this.options.schedules?.[job.name];
    const spec = override ? { ...job, cron: override } : job;
    if (!cron.validate(spec.cron)) throw new Error(`job "${spec.name}" has an invalid cron expression`);
    this.jobs.set(spec.name, spec);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs a job for `now` unless its run key already ran (or is running) somewhere. */
  async runNow(name: string, now: Date = this.options.now()): Promise<RunOutcome> {
    const spec = this.jobs.get(name);
    if (!spec) throw new Error(`unknown job "${name}"`);
    const runKey = spec.runKey(now);
    if (!(await this.claim(name, runKey, now))) return 'skipped';
    const { db, logger } = this.options;
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    try {
      await spec.run(now);
      await db.jobRun.update({
        where: { job_runKey: { job: name, runKey } },
        data: { status: 'done', finishedAt: this.options.now(), error: null },
      });
      logger.info({ job: name, runKey }, 'job finished');
      this.options.onRun?.(name, 'done', took());
      return 'ran';
    } catch (err) {
      await db.jobRun.update({
        where: { job_runKey: { job: name, runKey } },
        data: {
          status: 'failed',
          finishedAt: this.options.now(),
          error: String((err as Error)?.message ?? err).slice(0, 1000),
        },
      });
      logger.error({ job: name, runKey, err }, 'job failed');
      this.options.onRun?.(name, 'failed', took());
      return 'failed';
    }
  }

  private async claim(job: string, runKey: string, now: Date): Promise<boolean> {
    const { db } = this.options;
    try {
      await db.jobRun.create({ data: { job, runKey, status: 'running', startedAt: now } });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code !== 'P2002') throw err;
    }
    // Already claimed: take it over only if it failed or its runner died mid-run.
    const taken = await db.jobRun.updateMany({
      where: {
        job,
        runKey,
        OR: [{ status: 'failed' }, { status: 'running', startedAt: { lt: new Date(now.getTime() - this.leaseMs) } }],
      },
      data: { status: 'running', startedAt: now, finishedAt: null, error: null },
    });
    return taken.count === 1;
  }

  start(): void {
    const unknown = Object.keys(this.options.schedules ?? {}).filter((name) => !this.jobs.has(name));
    if (unknown.length) this.options.logger.warn({ jobs: unknown }, 'JOB_SCHEDULES names jobs that do not exist');
    for (const spec of this.jobs.values()) {
      const task = cron.schedule(
        spec.cron,
        async () => {
          await this.runNow(spec.name).catch((err) =>
            this.options.logger.error({ job: spec.name, err }, 'job crashed'),
          );
        },
        { timezone: spec.timeZone, name: spec.name, noOverlap: true },
      );
      this.tasks.push(task);
    }
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.splice(0)) await task.stop();
  }
}

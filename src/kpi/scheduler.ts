import type { Logger } from 'pino';
import { computePeriod, type KpiEngine } from './compute.js';

/**
 * Debounced incremental recompute: features that store a record call `markDirty`; a burst of
 * records for the same people becomes one recompute per period after `delayMs` of quiet.
 */
export class KpiScheduler {
  private readonly dirty = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: KpiEngine,
    private readonly logger: Logger,
    private readonly ready: () => Promise<void>,
    private readonly delayMs = 2000,
  ) {}

  markDirty(employeeId: string, period: string): void {
    const set = this.dirty.get(period) ?? new Set<string>();
    set.add(employeeId);
    this.dirty.set(period, set);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref?.();
  }

  /** Recomputes everything marked so far (tests call this instead of waiting). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.dirty.entries()];
    this.dirty.clear();
    this.running = this.running.then(async () => {
      await this.ready();
      for (const [period, ids] of batch) {
        try {
          await computePeriod(this.engine, period, { employeeIds: [...ids].sort() });
        } catch (err) {
          this.logger.error({ err, period }, 'kpi incremental recompute failed');
        }
      }
    });
    await this.running;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

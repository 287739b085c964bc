// A sliding window of "at most N requests in any W ms" per key. Bottleneck's reservoir refills
// on a fixed clock, which lets 2N through across a refill boundary; WeCom's group robots count
// any 60 s window (document/path/91770), so we count finished requests instead. A request is
// only counted once its response is back, so the platform saw it arrive no later than that:
// waiting W after that moment keeps every real window within N, whatever the network jitter.

export interface WindowRate {
  perWindow: number;
  windowMs: number;
}

export class SlidingWindow {
  private readonly done = new Map<string, number[]>();

  constructor(
    private readonly rate: WindowRate,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds until one more request to `key` may start (0: now). */
  delay(key: string): number {
    const now = this.clock();
    const stamps = (this.done.get(key) ?? []).filter((t) => t > now - this.rate.windowMs);
    if (stamps.length === 0) this.done.delete(key);
    else this.done.set(key, stamps);
    if (stamps.length < this.rate.perWindow) return 0;
    return (stamps[stamps.length - this.rate.perWindow] as number) + this.rate.windowMs - now + 1;
  }

  record(key: string): void {
    const stamps = this.done.get(key) ?? [];
    stamps.push(this.clock());
    this.done.set(key, stamps);
  }

  /** Waits for room, runs `task`, and counts it when it finishes (even when it failed). */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    for (let wait = this.delay(key); wait > 0; wait = this.delay(key)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    try {
      return await task();
    } finally {
      this.record(key);
    }
  }
}

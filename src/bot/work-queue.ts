/**
 * A bounded concurrency queue: at most `concurrency` tasks run at once and at most `maxWaiting`
 * more wait. A task offered to a full queue is refused (null), never buffered without bound, so a burst
 * cannot grow memory or starve the event loop that acknowledges the platforms.
 */
export interface WorkQueue {
  /** Runs `task` when a slot frees up; null (and `task` never runs) when the queue is full. */
  offer<T>(task: () => Promise<T>): Promise<T> | null;
  /** Resolves once nothing runs or waits. */
  idle(): Promise<void>;
  readonly running: number;
  readonly waiting: number;
}

export interface WorkQueueOptions {
  concurrency: number;
  maxWaiting: number;
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const waiting: (() => void)[] = [];
  let running = 0;
  let idlers: (() => void)[] = [];

  const next = (): void => {
    while (running < options.concurrency && waiting.length > 0) {
      running += 1;
      (waiting.shift() as () => void)();
    }
    if (running === 0 && waiting.length === 0) {
      for (const resolve of idlers) resolve();
      idlers = [];
    }
  };

  return {
    offer<T>(task: () => Promise<T>): Promise<T> | null {
      if (running + waiting.length >= options.concurrency + options.maxWaiting) return null;
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        });
        // Started on the next turn, so the platform's ack leaves before the bot's work begins.
        setImmediate(next);
      });
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idlers.push(resolve));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

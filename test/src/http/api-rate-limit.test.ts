// The per-key API budget: kept per process without Redis, shared by every replica with it (two
// limiters on the machine's Redis stand for two replicas), and never an outage when Redis is gone.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter, createRedisRateLimiter } from '../../../src/http/api-rate-limit.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const l of opened) await l.close();
});

describe('API rate limit', () => {
  it('grants a minute’s budget per key in one process, then says when to retry', async () => {
    let now = 0;
    const limiter = createRateLimiter(3, () => now);
    const taken = [await limiter.take('k'), await limiter.take('k'), await limiter.take('k'), await limiter.take('k')];
    expect(taken.map((d) => d.ok)).toEqual([true, true, true, false]);
    expect(taken[3]).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect((await limiter.take('other')).ok).toBe(true);
    now += 20_000;
    expect((await limiter.take('k')).ok).toBe(true);
  });

  it('shares one budget per key between replicas through Redis', async () => {
    const a = createRedisRateLimiter(REDIS_URL, 3);
    const b = createRedisRateLimiter(REDIS_URL, 3);
    opened.push(a, b);
    const key = `test-${randomBytes(6).toString('hex')}`;
    const taken = [await a.take(key), await b.take(key), await a.take(key), await b.take(key)];
    expect(taken.map((d) => d.ok)).toEqual([true, true, true, false]);
    const refused = taken[3] as { ok: false; retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(20);
    // Another key has its own budget.
    expect((await b.take(`${key}-other`)).ok).toBe(true);
  });

  it('lets requests through when Redis does not answer', async () => {
    const down = createRedisRateLimiter('redis://127.0.0.1:1', 1);
    opened.push(down);
    expect((await down.take('k')).ok).toBe(true);
    expect((await down.take('k')).ok).toBe(true);
  });
});

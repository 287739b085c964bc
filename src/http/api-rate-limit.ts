// Per-API-key request budget: a token bucket holding a minute's worth of requests, refilled
// continuously. With REDIS_URL the bucket lives in Redis, so several replicas together grant one
// budget per key; without it each process keeps its own.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Spends one request of `key`'s budget, or says when the next one is available. */
  take(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

function decision(tokens: number, perMs: number): RateDecision {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
}

export function createRateLimiter(perMinute: number, clock: () => number = Date.now): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const t = clock();
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return decision(bucket.tokens, perMs);
    },
    close: async () => {},
  };
}

// The same bucket as one atomic script, timed by Redis's own clock so replicas' clocks do not matter.
const TAKE = `
local cap = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * perMs)
local ok = 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 120000)
return { ok, tostring(tokens) }
`;

/**
 * The bucket in Redis, shared by every replica. If Redis does not answer, the request is let
 * through (and logged): the API stays up, and the per-key limit is a courtesy, not a security gate.
 */
export function createRedisRateLimiter(redisUrl: string, perMinute: number, logger?: Logger): RateLimiter {
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  // Commands wait for the connection at start, but never longer than half a second.
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 500 });
  client.on('error', () => {});
  const perMs = perMinute / 60_000;
  return {
    async take(key) {
      try {
        const [ok, tokens] = (await client.eval(TAKE, 1, `kaopu:api-rate:${key}`, perMinute, perMs)) as [
          number,
          string,
        ];
        return ok === 1 ? { ok: true } : decision(Number(tokens), perMs);
      } catch (err) {
        logger?.warn({ err: (err as Error).message }, 'api rate limit: Redis unavailable, request let through');
        return { ok: true };
      }
    },
    close: async () => {
      client.disconnect();
    },
  };
}

import { createRequire } from 'node:module';
import Bottleneck from 'bottleneck';

// ioredis is loaded only when REDIS_URL is set (it is a sizeable import nobody else needs).
const loadIoredis = () => createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

/**
 * Builds the rate limiters adapters pace platform calls with. Without Redis each process keeps its
 * own; with REDIS_URL every limiter of the same name shares its counters across replicas, so
 * three replicas together still send a group robot at most 20 messages a minute.
 */
export interface Limiters {
  create(name: string, options: Bottleneck.ConstructorOptions): Bottleneck;
  group(name: string, options: Bottleneck.ConstructorOptions): Bottleneck.Group;
  /** Where the limits live: "process" or "redis". */
  readonly scope: 'process' | 'redis';
  close(): Promise<void>;
}

export function createLimiters(redisUrl?: string): Limiters {
  if (!redisUrl) {
    return {
      scope: 'process',
      create: (_name, options) => new Bottleneck(options),
      group: (_name, options) => new Bottleneck.Group(options),
      close: async () => {},
    };
  }
  // One Redis connection for every limiter (Bottleneck's clustering; ioredis is its Redis driver).
  const { Redis } = loadIoredis();
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
  const connection = new Bottleneck.IORedisConnection({ client });
  const shared = (name: string): Bottleneck.ConstructorOptions => ({
    id: `kaopu:${name}`,
    datastore: 'ioredis',
    connection,
    // Limits outlive one replica's restart; a stale key expires with its timeout.
    clearDatastore: false,
    timeout: 10 * 60_000,
  });
  return {
    scope: 'redis',
    create: (name, options) => new Bottleneck({ ...options, ...shared(name) }),
    group: (name, options) => new Bottleneck.Group({ ...options, ...shared(name) }),
    close: async () => {
      await connection.disconnect(true);
    },
  };
}

import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLimiters } from '../../../src/bot/limiters.js';

// The machines run Redis on 127.0.0.1:6379 (.ci/run starts it if needed); REDIS_URL overrides.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limiters', () => {
  it('keeps limits in the process when no Redis is configured', async () => {
    const limiters = createLimiters(undefined);
    expect(limiters.scope).toBe('process');
    const a = limiters.create('robot', { reservoir: 3 });
    const b = limiters.create('robot', { reservoir: 3 });
    await a.schedule(async () => 'sent');
    expect([await a.currentReservoir(), await b.currentReservoir()]).toEqual([2, 3]);
  });

  describe('with Redis', () => {
    // Two factories stand for two replicas of Kaopu.
    const replicaA = createLimiters(REDIS_URL);
    const replicaB = createLimiters(REDIS_URL);
    afterAll(async () => {
      await replicaA.close();
      await replicaB.close();
    });

    it('shares one group robot budget between replicas', async () => {
      const name = `test.robot.${randomBytes(4).toString('hex')}`;
      const options = { reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 60_000 };
      const a = replicaA.create(name, options);
      const b = replicaB.create(name, options);
      await Promise.all([a.ready(), b.ready()]);
      await Promise.all(Array.from({ length: 15 }, () => a.schedule(async () => 'sent')));
      // Replica B sees what replica A spent: 5 of the 20 messages a minute are left for both.
      expect(await b.currentReservoir()).toBe(5);
      await b.schedule(async () => 'sent');
      expect(await a.currentReservoir()).toBe(4);
      expect(replicaA.scope).toBe('redis');
    });

    it('keeps limits of different names apart', async () => {
      const a = replicaA.create(`test.one.${randomBytes(4).toString('hex')}`, { reservoir: 2 });
      const b = replicaB.create(`test.two.${randomBytes(4).toString('hex')}`, { reservoir: 2 });
      await Promise.all([a.ready(), b.ready()]);
      await a.schedule(async () => 'sent');
      expect([await a.currentReservoir(), await b.currentReservoir()]).toEqual([1, 2]);
    });
  });
});

import type { FastifyInstance } from 'fastify';
import type { Guard } from './route-guard.js';

const PUBLIC: Guard = { kind: 'public' };

export interface HealthChecks {
  /** Throws when the database cannot answer. */
  pingDb(): Promise<void>;
  /** Whether every migration in the repository is applied. */
  migrationsCurrent(): Promise<{ current: boolean; reason?: string }>;
}

export function healthRoutes(server: FastifyInstance, checks: HealthChecks): void {
  server.get('/healthz', { config: { guard: PUBLIC } }, async () => ({ status: 'ok' }));

  server.get('/readyz', { config: { guard: PUBLIC } }, async (_request, reply) => {
    try {
      await checks.pingDb();
    } catch (err) {
      server.log.warn({ err: (err as Error).message }, 'readiness: database unreachable');
      return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } });
    }
    const migrations = await checks.migrationsCurrent();
    if (!migrations.current) {
      return reply
        .code(503)
        .send({ status: 'unavailable', checks: { database: 'ok', migrations: migrations.reason ?? 'pending' } });
    }
    return { status: 'ready', checks: { database: 'ok', migrations: 'current' } };
  });
}

import type { FastifyInstance } from 'fastify';
import type { Guard } from '../http/route-guard.js';
import type { OpsMetrics } from './metrics.js';

// Guarded like the console: open on a loopback demo, behind CONSOLE_TOKEN in production, off
// (404 from the console check) when a platform is configured without a token.
const CONSOLE: Guard = { kind: 'console' };

export function metricsRoutes(server: FastifyInstance, metrics: OpsMetrics): void {
  server.addHook('onResponse', async (request, reply) => {
    const guard = request.routeOptions.config?.guard;
    metrics.observeHttp(guard?.kind ?? 'none', reply.statusCode);
  });
  server.get('/metrics', { config: { guard: CONSOLE } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.render();
  });
}

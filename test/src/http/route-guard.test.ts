// The server refuses routes that do not say who may call them, and runs the console and API-key
// checks on the matched route.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { consoleCheck } from '../../../adapters/console/auth.js';
import { replyError } from '../../../src/http/reply-error.js';
import { createServer } from '../../../src/http/server.js';

const TOKEN = 'console-token-for-tests-0123456789';

function server() {
  return createServer(pino({ level: 'silent' }), {
    console: consoleCheck('token', TOKEN),
    // No key store here: every API-key route is refused, as with a key that is not on file.
    apiKey: () => async (_request, reply) => replyError(reply, 401, 'error.api_key_invalid'),
  });
}

describe('route guards', () => {
  it('refuses to register a route that declares no guard', () => {
    const { server: s } = server();
    expect(() => s.get('/open', async () => 'open')).toThrow('route GET /open declares no guard');
  });

  it('refuses to start when a plugin registers a route without a guard', async () => {
    const { server: s } = server();
    s.register(async (scope) => {
      scope.post('/hook', async () => 'open');
    });
    await expect(s.ready()).rejects.toThrow('route POST /hook declares no guard');
  });

  it('checks the console token on the matched route however its path is spelled', async () => {
    const { server: s } = server();
    s.get('/console/api/users', { config: { guard: { kind: 'console' } } }, async () => ['everyone']);
    await s.ready();
    for (const url of ['/console/api/users', '/console/%61pi/users', '/console/ap%69/users', '/%63onsole/api/users']) {
      expect((await s.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const allowed = await s.inject({
      method: 'GET',
      url: '/console/%61pi/users',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('runs the guard before a route-level onRequest hook of the route itself', async () => {
    const { server: s } = server();
    let reached = false;
    s.get(
      '/api/v1/thing',
      {
        config: { guard: { kind: 'apiKey', scope: 'kpi:read' } },
        onRequest: async () => {
          reached = true;
        },
      },
      async () => 'thing',
    );
    await s.ready();
    expect((await s.inject({ method: 'GET', url: '/api/v1/thing' })).statusCode).toBe(401);
    expect((await s.inject({ method: 'HEAD', url: '/api/v1/thing' })).statusCode).toBe(401);
    expect(reached).toBe(false);
  });

  it('lists every route with its guard, including the HEAD routes Fastify adds', async () => {
    const { server: s, routes } = server();
    s.get('/healthz', { config: { guard: { kind: 'public' } } }, async () => 'ok');
    await s.ready();
    expect(routes).toEqual([
      { method: 'GET', url: '/healthz', guard: { kind: 'public' } },
      { method: 'HEAD', url: '/healthz', guard: { kind: 'public' } },
    ]);
  });
});

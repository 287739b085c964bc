// pageRoutes and apiRoutes on the real app: pages answer without login, API routes answer only
// to an unrevoked key with the route's scope, and both validate input with their zod schemas.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../../src/http/api-routes.js';
import { pageRoutes } from '../../../src/http/page-routes.js';
import { route } from '../../../src/http/route-spec.js';
import { startTestApp } from '../../helpers/test-app.js';

const keys: Record<'writer' | 'reader' | 'revoked', string> = { writer: '', reader: '', revoked: '' };
let revokedId = '';

const app = await startTestApp({
  async beforeReady({ server, openapi, apiKeys }) {
    pageRoutes(
      server,
      '/t',
      [
        route({
          method: 'GET',
          path: '/:token',
          summary: 'A test page',
          params: z.object({ token: z.string().regex(/^[a-z0-9]{8}$/) }),
          handle: ({ params, reply }) => reply.type('text/html; charset=utf-8').send(`<p>page ${params.token}</p>`),
        }),
      ],
      openapi,
    );
    apiRoutes(
      server,
      'work-orders:write',
      [
        route({
          method: 'POST',
          path: '/helper-test/work-orders',
          summary: 'Record a work order',
          body: z.object({ title: z.string().min(1), points: z.number().int().min(0) }),
          handle: ({ body, request }) => ({ recorded: body.title, points: body.points, key: request.apiKey?.name }),
        }),
      ],
      openapi,
    );
    keys.writer = (await apiKeys.create('erp', ['work-orders:write'])).secret;
    keys.reader = (await apiKeys.create('bi', ['kpi:read'])).secret;
    const revoked = await apiKeys.create('old erp', ['work-orders:write']);
    keys.revoked = revoked.secret;
    revokedId = revoked.key.id;
    await apiKeys.revoke(revokedId);
  },
});

const post = (authorization: string | undefined, payload: unknown = { title: 'Repair pump', points: 3 }) =>
  app.server.inject({
    method: 'POST',
    url: '/api/v1/helper-test/work-orders',
    headers: authorization ? { authorization } : {},
    payload: payload as object,
  });

describe('pageRoutes', () => {
  it('serves a page registered through it without any login', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/t/abcd1234' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<p>page abcd1234</p>');
  });

  it('answers 400 naming the path parameter when it fails the schema', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/t/NOT-A-TOKEN' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('params.token');
  });
});

describe('apiRoutes', () => {
  it('refuses a request without a key with 401 and the catalogue message', async () => {
    const res = await post(undefined);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'error.api_key_invalid',
        message:
          'A valid API key is required: send "Authorization: Bearer <key>" with a key that has not been revoked.',
      },
    });
  });

  it('refuses a well-formed key that was never issued with 401', async () => {
    const forged = keys.writer.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await post(`Bearer ${forged}`)).statusCode).toBe(401);
  });

  it('refuses a malformed key with 401', async () => {
    expect((await post('Bearer not-a-key')).statusCode).toBe(401);
  });

  it('refuses a revoked key with 401', async () => {
    expect((await post(`Bearer ${keys.revoked}`)).statusCode).toBe(401);
  });

  it('refuses a key without the route scope with 403 naming the scope', async () => {
    const res = await post(`Bearer ${keys.reader}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'error.api_key_scope' });
    expect(res.json().error.message).toContain('"work-orders:write"');
  });

  it('accepts a key with the scope and passes the validated body to the handler', async () => {
    const res = await post(`Bearer ${keys.writer}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ recorded: 'Repair pump', points: 3, key: 'erp' });
  });

  it('records when an accepted key was last used', async () => {
    await post(`Bearer ${keys.writer}`);
    const row = await app.db.apiKey.findFirst({ where: { name: 'erp' } });
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('answers 400 naming each invalid body field for an authorised caller', async () => {
    const res = await post(`Bearer ${keys.writer}`, { title: '', points: 1.5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body.title');
    expect(res.json().error.message).toContain('body.points');
  });

  it('checks the key before reading the body, so an anonymous bad body is still 401', async () => {
    expect((await post(undefined, { nope: true })).statusCode).toBe(401);
  });

  it('stores only a hash of the key', async () => {
    const rows = await app.db.apiKey.findMany();
    const stored = JSON.stringify(rows);
    for (const secret of Object.values(keys)) {
      expect(stored).not.toContain(secret);
      // The random part alone (base64url, which may itself contain `_`).
      const random = secret.replace(/^kp_[0-9a-f]{12}_/, '');
      expect(random).toHaveLength(43);
      expect(stored).not.toContain(random);
    }
  });

  it('audits the creation and the revocation of a key', async () => {
    const rows = await app.db.auditLog.findMany({
      where: { action: { in: ['api_key.created', 'api_key.revoked'] }, subjectId: revokedId },
      orderBy: { at: 'asc' },
    });
    expect(rows.map((r) => r.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
  });
});

describe('OpenAPI registry', () => {
  it('describes the page and the API route from their schemas', () => {
    const doc = app.openapi.document({ title: 'Kaopu', version: '1' }) as {
      paths: Record<string, Record<string, { security: unknown[]; 'x-scope'?: string; requestBody?: unknown }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/t/{token}', '/api/v1/helper-test/work-orders']));
    expect(doc.paths['/api/v1/helper-test/work-orders']?.post).toMatchObject({
      'x-scope': 'work-orders:write',
      security: [{ apiKey: [] }],
      requestBody: {
        content: {
          'application/json': {
            schema: { type: 'object', required: ['title', 'points'], properties: { points: { type: 'integer' } } },
          },
        },
      },
    });
    expect(doc.paths['/t/{token}']?.get?.security).toEqual([]);
  });
});

// kit.http end to end: a feature declares a public page and an /api/v1 route through the kit,
// the real app (with the default features) serves them, and a bad token or key is refused.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Feature } from '../../../src/bot/feature.js';
import { route } from '../../../src/http/route-spec.js';
import { signLink } from '../../../src/kit/signed-link.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const PURPOSE = 'kit-test';
const DAY_MS = 86_400_000;

/** A test feature: one page behind a kit-signed link, one API route behind `kpi:read`. */
const kitHttpProbe: Feature = (kit) => {
  kit.http.page('/t', [
    route({
      method: 'GET',
      path: '/:token',
      summary: 'Kit test page',
      params: z.object({ token: z.string().min(1).max(100) }),
      handle: ({ params, reply }) => {
        const check = kit.links.verify(PURPOSE, params.token);
        // The files routes' convention: an expired link is gone (410), any other is unknown (404).
        if (!check.ok) return reply.code(check.reason === 'expired' ? 410 : 404).send({ refused: check.reason });
        return reply.type('text/html; charset=utf-8').send(`<p>hello ${check.subjectId}</p>`);
      },
    }),
  ]);
  kit.http.api('kpi:read', [
    route({
      method: 'GET',
      path: '/kit-test/echo',
      summary: 'Echo a word, some times',
      query: z.object({ word: z.string().min(1).max(20), times: z.coerce.number().int().min(1).max(3).default(1) }),
      handle: ({ query, request }) => ({
        echo: Array(query.times).fill(query.word).join(' '),
        key: request.apiKey?.name,
      }),
    }),
  ]);
};

const app = await startTestApp({ extraFeatures: [kitHttpProbe] });
const page = (token: string) => app.server.inject({ method: 'GET', url: `/t/${token}` });
const inWeek = new Date(TEST_TODAY.getTime() + 7 * DAY_MS);

describe('a page registered with kit.http.page', () => {
  it('answers 200 for a link signed with kit.links', async () => {
    const res = await page(app.kit.links.sign(PURPOSE, 'emp_1', inWeek));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toBe('<p>hello emp_1</p>');
  });

  it('refuses a token whose signature was changed with 404', async () => {
    const token = app.kit.links.sign(PURPOSE, 'emp_1', inWeek);
    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const res = await page(forged);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ refused: 'invalid' });
  });

  it('refuses a token for another subject spliced onto a valid signature with 404', async () => {
    const signature = app.kit.links.sign(PURPOSE, 'emp_1', inWeek).split('.')[2];
    const exp = Math.floor(inWeek.getTime() / 1000).toString(36);
    expect((await page(`emp_2.${exp}.${signature}`)).statusCode).toBe(404);
  });

  it('refuses a well-formed token signed with another secret with 404', async () => {
    expect((await page(signLink('x'.repeat(32), PURPOSE, 'emp_1', inWeek))).statusCode).toBe(404);
  });

  it('refuses a token signed for another purpose with 404', async () => {
    const res = await page(app.kit.links.sign('file', 'emp_1', inWeek));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ refused: 'invalid' });
  });

  it('refuses an expired token with 410', async () => {
    const res = await page(app.kit.links.sign(PURPOSE, 'emp_1', new Date(TEST_TODAY.getTime() - DAY_MS)));
    expect(res.statusCode).toBe(410);
    expect(res.json()).toEqual({ refused: 'expired' });
  });

  it('refuses a token that is not a token at all with 404', async () => {
    expect((await page('not-a-token')).statusCode).toBe(404);
  });
});

const keys = {
  reader: await app.apiKeys.create('bi', ['kpi:read']),
  writer: await app.apiKeys.create('erp', ['work-orders:write']),
};

describe('an API route registered with kit.http.api', () => {
  const echo = (query: string, key?: string) =>
    app.server.inject({
      method: 'GET',
      url: `/api/v1/kit-test/echo${query}`,
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });

  it('refuses a request without a key with 401', async () => {
    const res = await echo('?word=hi');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('error.api_key_invalid');
  });

  it('refuses a forged key (right shape, right prefix, wrong secret) with 401', async () => {
    const forged = keys.reader.secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await echo('?word=hi', forged)).statusCode).toBe(401);
  });

  it('refuses a malformed key with 401', async () => {
    expect((await echo('?word=hi', 'kp_nope')).statusCode).toBe(401);
  });

  it('refuses a key without kpi:read with 403 naming the scope', async () => {
    const res = await echo('?word=hi', keys.writer.secret);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('error.api_key_scope');
    expect(res.json().error.message).toContain('"kpi:read"');
  });

  it('answers 200 with the validated, coerced query for a key with kpi:read', async () => {
    const res = await echo('?word=hi&times=3', keys.reader.secret);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ echo: 'hi hi hi', key: 'bi' });
    const defaulted = await echo('?word=yo', keys.reader.secret);
    expect(defaulted.json()).toEqual({ echo: 'yo', key: 'bi' });
  });

  it('answers 400 naming each bad query field', async () => {
    const res = await echo('?times=9', keys.reader.secret);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('error.bad_request');
    expect(res.json().error.message).toContain('query.word');
    expect(res.json().error.message).toContain('query.times');
  });

  it('stops working once the key is revoked', async () => {
    const temp = await app.apiKeys.create('temp', ['kpi:read']);
    expect((await echo('?word=hi', temp.secret)).statusCode).toBe(200);
    await app.apiKeys.revoke(temp.key.id);
    expect((await echo('?word=hi', temp.secret)).statusCode).toBe(401);
  });
});

describe('the OpenAPI registry', () => {
  it('records both kit routes with their guards and schemas', () => {
    const ops = app.openapi.operations();
    expect(ops.find((op) => op.path === '/t/:token')).toMatchObject({ method: 'GET', summary: 'Kit test page' });
    expect(ops.find((op) => op.path === '/t/:token')?.scope).toBeUndefined();
    expect(ops.find((op) => op.path === '/api/v1/kit-test/echo')).toMatchObject({ method: 'GET', scope: 'kpi:read' });

    const doc = app.openapi.document({ title: 'Kaopu', version: '1' }) as {
      paths: Record<string, Record<string, { security: unknown[]; 'x-scope'?: string; parameters: unknown[] }>>;
    };
    expect(doc.paths['/t/{token}']?.get).toMatchObject({
      security: [],
      parameters: [{ name: 'token', in: 'path', required: true }],
    });
    const get = doc.paths['/api/v1/kit-test/echo']?.get;
    expect(get).toMatchObject({ 'x-scope': 'kpi:read', security: [{ apiKey: [] }] });
    expect(get?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'word', in: 'query', required: true }),
        expect.objectContaining({ name: 'times', in: 'query', required: false }),
      ]),
    );
  });

  it('guards the served routes as declared: link for the page, the API key for the route', () => {
    expect(app.routes).toEqual(
      expect.arrayContaining([
        { method: 'GET', url: '/t/:token', guard: { kind: 'link' } },
        { method: 'GET', url: '/api/v1/kit-test/echo', guard: { kind: 'apiKey', scope: 'kpi:read' } },
      ]),
    );
  });
});

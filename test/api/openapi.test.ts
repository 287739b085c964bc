// GET /api/v1/openapi.json: an OpenAPI 3.1 document generated from the routes' zod schemas.
// It lists exactly the /api/v1 routes the server has, every schema compiles as JSON Schema
// 2020-12, and every documented example, sent to the live route on the demo company, gets the
// documented status with an answer the documented response schema accepts.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { nightlyRecompute } from '../../src/kpi/index.js';
import { closePeriod } from '../../src/payroll/store.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);
await closePeriod(app.db, { period: '2026-10', closedById: 'emp_malin', now: new Date() });

interface Operation {
  'x-scope'?: string;
  parameters: { name: string; in: 'path' | 'query'; example?: string; schema: object }[];
  requestBody?: { content: { 'application/json': { schema: object; example?: unknown } } };
  responses: Record<string, { content?: { 'application/json': { schema: object; example?: unknown } } }>;
}

const res = await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json' });
const doc = res.json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

function check(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a key', () => {
    expect(res.statusCode).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents exactly the /api/v1 routes the server has, each with its scope', () => {
    const served = app.routes
      .filter((r) => r.url.startsWith('/api/v1/') && r.guard.kind === 'apiKey' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(served);
    expect(served).toEqual(
      expect.arrayContaining([
        'POST /api/v1/work-orders',
        'GET /api/v1/kpi/employees/{employee}',
        'GET /api/v1/payroll/{period}',
      ]),
    );
    for (const { op } of operations) expect(op['x-scope']).toMatch(/^[a-z-]+:(read|write)$/);
  });

  it('has schemas that compile as JSON Schema 2020-12', () => {
    for (const { op } of operations) {
      if (op.requestBody) ajv.compile(op.requestBody.content['application/json'].schema);
      for (const response of Object.values(op.responses)) {
        const schema = response.content?.['application/json'].schema;
        if (schema) ajv.compile(schema);
      }
    }
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    'its example for %s works against the live route',
    async (_name, { path, method, op }) => {
      const scope = op['x-scope'] as string;
      const { secret } = await app.apiKeys.create(`example ${scope}`, [scope as `${string}:read`]);
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters) {
        if (p.example === undefined) continue;
        expect(check(p.schema, p.example), `${p.name} example`).toEqual([]);
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(p.example));
        else query.set(p.name, p.example);
      }
      expect(url, 'every path parameter has an example').not.toContain('{');
      const body = op.requestBody?.content['application/json'];
      if (op.requestBody) {
        expect(body?.example, 'a request body example').toBeDefined();
        expect(check(body?.schema as object, body?.example)).toEqual([]);
      }
      const answer = await app.server.inject({
        method: method as 'GET' | 'POST',
        url: query.size ? `${url}?${query}` : url,
        headers: { authorization: `Bearer ${secret}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body.example) } : {}),
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const documented = op.responses['200']?.content?.['application/json'];
      expect(documented, 'a documented response').toBeDefined();
      expect(check(documented?.schema as object, answer.json())).toEqual([]);
      if (documented?.example !== undefined) {
        expect(check(documented.schema, documented.example)).toEqual([]);
        const shape = (v: { summary?: unknown; results?: { result: string }[] }) => ({
          summary: v.summary,
          results: v.results?.map((r) => r.result),
        });
        expect(shape(answer.json())).toEqual(shape(documented.example as never));
      }
    },
  );
});

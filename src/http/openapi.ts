// An in-memory OpenAPI 3.1 document built from the zod schemas routes are declared with.

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiScope } from './api-scope.js';
import type { RouteDocs } from './route-spec.js';

export interface OpenApiOperation {
  method: string;
  /** Fastify path (`/api/v1/orders/:id`); written as `{id}` in the document. */
  path: string;
  summary: string;
  /** Set for API-key routes; pages have no security. */
  scope?: ApiScope;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  docs?: RouteDocs | undefined;
}

export interface OpenApiRegistry {
  add(operation: OpenApiOperation): void;
  operations(): readonly OpenApiOperation[];
  /** The whole document, as GET /api/v1/openapi.json will serve it. */
  document(info: { title: string; version: string }): Record<string, unknown>;
}

// Transforms and refinements have no JSON Schema form; the input shape is what callers need.
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as { properties?: Record<string, unknown> };

const ERROR_BODY = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ERROR_BODY } } };
}

function parameters(where: 'path' | 'query', schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operationObject(op: OpenApiOperation): Record<string, unknown> {
  const docs = op.docs ?? {};
  const body = docs.body ?? op.body;
  const example = docs.example;
  const extra = Object.fromEntries(
    Object.entries(docs.responses ?? {}).map(([status, description]) => [status, errorResponse(description)]),
  );
  return {
    summary: op.summary,
    ...(docs.description ? { description: docs.description } : {}),
    ...(op.scope ? { security: [{ apiKey: [] }], 'x-scope': op.scope } : { security: [] }),
    parameters: [...parameters('path', op.params), ...parameters('query', op.query)].map((p) => {
      const value = (p.in === 'path' ? example?.params : example?.query)?.[p.name];
      return value === undefined ? p : { ...p, example: value };
    }),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchema(body),
                ...(example?.body !== undefined ? { example: example.body } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'OK',
        ...(docs.response
          ? {
              content: {
                'application/json': {
                  schema: jsonSchema(docs.response, 'output'),
                  ...(example?.response !== undefined && (example.status ?? 200) === 200
                    ? { example: example.response }
                    : {}),
                },
              },
            }
          : {}),
      },
      '400': errorResponse('Invalid input; the message names the fields'),
      ...(op.scope
        ? {
            '401': errorResponse('No valid API key (or, with signatures on, no valid signature)'),
            '403': errorResponse('The key lacks the scope in x-scope'),
            '429': errorResponse('The key spent its requests per minute; see Retry-After'),
          }
        : {}),
      ...extra,
    },
  };
}

export function createOpenApiRegistry(): OpenApiRegistry {
  const operations: OpenApiOperation[] = [];
  return {
    add(operation) {
      operations.push(operation);
    },
    operations: () => operations,
    document(info) {
      const paths: Record<string, Record<string, unknown>> = {};
      for (const op of operations) {
        const path = op.path.replace(/:(\w+)/g, '{$1}');
        paths[path] = { ...paths[path], [op.method.toLowerCase()]: operationObject(op) };
      }
      return {
        openapi: '3.1.0',
        info,
        paths,
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Kaopu API key' } } },
      };
    },
  };
}

/** `GET /api/v1/openapi.json`: the document of every `/api/v1` route, public (it holds no data). */
export function openApiRoute(
  server: FastifyInstance,
  openapi: OpenApiRegistry,
  info: { title: string; version: string },
) {
  let cached: Record<string, unknown> | undefined;
  let count = -1;
  server.get('/api/v1/openapi.json', { config: { guard: { kind: 'public' } } }, async () => {
    const api = openapi.operations().filter((op) => op.path.startsWith('/api/'));
    if (!cached || count !== api.length) {
      const all = openapi.document(info) as { paths: Record<string, unknown> };
      cached = { ...all, paths: Object.fromEntries(Object.entries(all.paths).filter(([p]) => p.startsWith('/api/'))) };
      count = api.length;
    }
    return cached;
  });
}

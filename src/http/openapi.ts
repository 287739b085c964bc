// An in-memory OpenAPI 3.1 document built from the zod schemas routes are declared with.
import { z } from 'zod';
import type { ApiScope } from './api-scope.js';

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
}

export interface OpenApiRegistry {
  add(operation: OpenApiOperation): void;
  operations(): readonly OpenApiOperation[];
  /** The whole document, as GET /api/v1/openapi.json will serve it. */
  document(info: { title: string; version: string }): Record<string, unknown>;
}

// Transforms and refinements have no JSON Schema form; the input shape is what callers need.
const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };

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
  return {
    summary: op.summary,
    ...(op.scope ? { security: [{ apiKey: [] }], 'x-scope': op.scope } : { security: [] }),
    parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
      : {}),
    responses: {
      '200': { description: 'OK' },
      '400': { description: 'Invalid input; the message names the fields' },
      ...(op.scope ? { '401': { description: 'No valid API key' }, '403': { description: 'Scope missing' } } : {}),
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

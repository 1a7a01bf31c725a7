// The OpenAPI 3.1 document, generated from the route definitions (their zod schemas) so it cannot drift from the code.
import { z } from 'zod';
import type { RouteDef } from './route.js';
import { isListParam } from './params.js';
import { ErrorResponse } from './schemas.js';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of what a client sends (`input`) or receives (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete out['$schema'];
  return out;
}

const ERRORS: Record<string, string> = {
  '400': 'Bad request: a malformed parameter, query or body (E_BAD_REQUEST).',
  '404': 'Not found (E_NOT_FOUND).',
  '500': 'Server error (E_INTERNAL); no details are given.',
};

/** `/api/articles/:id` → `/api/articles/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]+)/gu, '{$1}');
}

export function buildOpenApi(routes: readonly RouteDef[], version: string): JsonSchema {
  const errorContent = { 'application/json': { schema: jsonSchema(ErrorResponse, 'output') } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const parameters: unknown[] = [];
    for (const [location, schema] of [
      ['path', def.params],
      ['query', def.query],
    ] as const) {
      if (!(schema instanceof z.ZodObject)) continue;
      for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        const fieldSchema = jsonSchema(field, 'input');
        const description = field.description ?? (fieldSchema['description'] as string | undefined);
        parameters.push({
          name,
          in: location,
          required: location === 'path' || !field.safeParse(undefined).success,
          ...(description ? { description } : {}),
          schema: fieldSchema,
          ...(isListParam(field) ? { style: 'form', explode: true } : {}),
        });
      }
    }
    const responses: Record<string, unknown> = {
      [def.method === 'POST' && def.auth ? '201' : '200']: def.response
        ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(def.response, 'output') } } }
        : { description: 'A file download (Content-Disposition: attachment), streamed.', content: Object.fromEntries((def.produces ?? ['application/octet-stream']).map((type) => [type, { schema: { type: 'string' } }])) },
    };
    if (def.method === 'POST' && def.auth && def.response) responses['200'] = { description: 'Already stored (same text)', content: { 'application/json': { schema: jsonSchema(def.response, 'output') } } };
    for (const [status, description] of Object.entries(ERRORS)) {
      if (status === '404' && !def.params) continue;
      responses[status] = { description, content: errorContent };
    }
    if (def.body) {
      responses['413'] = { description: 'Body larger than the limit (E_TOO_LARGE).', content: errorContent };
      responses['415'] = { description: 'Body is not application/json (E_UNSUPPORTED).', content: errorContent };
    }
    if (def.auth) {
      responses['401'] = { description: 'Missing or wrong Bearer token (E_UNAUTHORIZED).', content: errorContent };
      responses['403'] = { description: 'The server was started without a token: read-only (E_READ_ONLY).', content: errorContent };
    }
    const operation: Record<string, unknown> = {
      operationId: `${def.method.toLowerCase()}${openApiPath(def.url).replace(/[^A-Za-z]+(.)?/gu, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: def.summary,
      ...(def.description ? { description: def.description } : {}),
      tags: [def.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } } } : {}),
      responses,
      ...(def.auth ? { security: [{ bearer: [] }] } : {}),
    };
    (paths[openApiPath(def.url)] ??= {})[def.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'marsad HTTP API',
      version,
      description: 'Arabic-first news event observatory: search, articles with their analyses, entities, PLOVER events, stories and exports. Errors are {"error":{"code","message"}}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token given to marsad serve (--token or MARSAD_TOKEN).' } } },
  };
}

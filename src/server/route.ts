// One route = one definition: method, path, zod schemas of its parameters, body and answer, and the handler.
// The app registers these, validates with the same schemas, and the OpenAPI document is generated from them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from './errors.js';
import { isListParam, normalizeQuery, parseWith } from './params.js';
import type { Article } from '../model/analysis.js';
import type { AnalysisResult, Store } from '../store/index.js';

export interface RouteContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  deps: RouteDeps;
}

/** What handlers work with, given once by buildServer. */
export interface RouteDeps {
  store: Store;
  resourcesDir: string;
  /** The write token; null when the server is read-only. */
  token: string | null;
  version: string;
  /** Analyses one article as ingest does (loads the analyzer on first use). */
  analyze: (article: Article) => Promise<AnalysisResult>;
}

export interface RouteDef<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST';
  /** Fastify path: `/api/articles/:id`. */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  query?: Q;
  params?: P;
  body?: B;
  /** The JSON answer; null for a file download (then `produces` lists its media types). */
  response: z.ZodType | null;
  produces?: string[];
  /** Needs `Authorization: Bearer <token>`. */
  auth?: boolean;
  handler: (ctx: RouteContext<z.output<Q>, z.output<P>, z.output<B>>) => unknown;
}

/** Keeps each definition's schema types tied to its handler. */
export function defineRoute<Q extends z.ZodType = z.ZodObject, P extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodUnknown>(def: RouteDef<Q, P, B>): RouteDef {
  return def as unknown as RouteDef;
}

/** The parameters of an object schema and which of them repeat (others are ignored; a scalar given twice is refused). */
export function fieldsOf(schema: z.ZodType | undefined): Map<string, { list: boolean }> {
  if (!(schema instanceof z.ZodObject)) return new Map();
  return new Map(Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => [name, { list: isListParam(field) }]));
}

/** Registers the definitions: parameters and body parsed with their schemas, errors thrown as ApiError. */
export function registerRoutes(app: FastifyInstance, routes: readonly RouteDef[], deps: RouteDeps, authorize: (request: FastifyRequest) => void): void {
  for (const def of routes) {
    const queryFields = fieldsOf(def.query);
    app.route({
      method: def.method,
      url: def.url,
      // Checked before the body is read: a client without the token never gets its upload parsed.
      ...(def.auth ? { onRequest: async (request: FastifyRequest) => authorize(request) } : {}),
      handler: async (request, reply) => {
        const query = def.query ? parseWith(def.query, normalizeQuery(request.query as Record<string, string | string[]>, queryFields), 'query') : {};
        const params = def.params ? parseWith(def.params, request.params, 'path') : {};
        if (def.body && (request.body === undefined || request.body === null)) throw new ApiError('E_BAD_REQUEST', 'Expected a JSON body');
        const body = def.body ? parseWith(def.body, request.body, 'body') : undefined;
        const result = await def.handler({ query, params, body, request, reply, deps });
        return reply.sent ? reply : result;
      },
    });
  }
}

// buildServer: the Fastify app of the HTTP API and the built web UI — not listening, so tests use app.inject().
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { Article } from '../model/analysis.js';
import { createAnalysisPool, type AnalysisPool, type AnalysisResult, type Store } from '../store/index.js';
import { ApiError, toErrorResponse } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { parseQueryString } from './params.js';
import { defineRoute, registerRoutes, type RouteDef, type RouteDeps } from './route.js';
import { analyzeRoutes } from './routes/analyze.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { storyRoutes } from './routes/stories.js';

export interface ServerOptions {
  store: Store;
  resourcesDir: string;
  /** The Bearer token writes need; null or absent: the server is read-only. */
  token?: string | null;
  /** The built UI folder; default <package>/web/dist when it exists; null serves no UI. */
  webRoot?: string | null;
  /** Largest request body in bytes (default 2 MiB). */
  bodyLimit?: number;
  /** Log requests and errors (pino, to stderr); default off. */
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

/** What every answer carries: the UI may load only its own scripts, styles, fonts and images. */
export const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** The package root (the same depth from src/server and dist/server). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function defaultWebRoot(): string | null {
  const dir = join(PACKAGE_ROOT, 'web', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every API route, in the order of the OpenAPI document (the document's own route is added by buildServer). */
export const API_ROUTES: readonly RouteDef[] = [...healthRoutes, ...articleRoutes, ...entityRoutes, ...eventRoutes, ...storyRoutes, ...analyzeRoutes, ...exportRoutes];

const ROUTES_OF = new WeakMap<FastifyInstance, Array<{ method: string; url: string }>>();

/** Every route the app registered (method and path), for checking that the OpenAPI document covers them. */
export function registeredRoutes(app: FastifyInstance): Array<{ method: string; url: string }> {
  return [...(ROUTES_OF.get(app) ?? [])];
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const token = options.token === undefined || options.token === null || options.token === '' ? null : options.token;
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const version = packageVersion();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: true, maxParamLength: 500 },
    return503OnClosing: true,
  });
  const registered: Array<{ method: string; url: string }> = [];
  ROUTES_OF.set(app, registered);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });

  // The analyzer (about a second and a few hundred MB to load) is started by the first analyze request only.
  let pool: Promise<AnalysisPool> | null = null;
  const analyze = async (article: Article): Promise<AnalysisResult> => {
    pool ??= createAnalysisPool({ resourcesDir: options.resourcesDir, workers: 0 }).catch((error: unknown) => {
      pool = null;
      throw error;
    });
    return (await pool).analyze(article);
  };
  app.addHook('onClose', async () => {
    if (pool) await (await pool.catch(() => null))?.close();
  });

  const tokenDigest = token === null ? null : createHash('sha256').update(token).digest();
  const authorize = (request: FastifyRequest) => {
    if (tokenDigest === null) throw new ApiError('E_READ_ONLY', 'This server is read-only: start it with --token (or MARSAD_TOKEN) to allow writes.');
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/iu.exec(header);
    const given = createHash('sha256').update(match?.[1] ?? '').digest();
    // Digests of equal length, compared in constant time: the answer does not tell how much of a guess was right.
    if (!match || !timingSafeEqual(given, tokenDigest)) throw new ApiError('E_UNAUTHORIZED', 'Missing or wrong token: send Authorization: Bearer <token>.');
  };

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = toErrorResponse(error);
    if (internal) request.log.error({ err: error }, 'request failed');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  const deps: RouteDeps = { store: options.store, resourcesDir: options.resourcesDir, token, version, analyze };
  let openApi: Record<string, unknown> | null = null;
  const openApiRoute = defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    response: z.record(z.string(), z.unknown()),
    handler: () => (openApi ??= buildOpenApi(routes, version)),
  });
  const routes: readonly RouteDef[] = [...API_ROUTES, openApiRoute];
  registerRoutes(app, routes, deps, authorize);

  if (webRoot !== null) {
    // send() refuses «..» and encoded «%2e%2e» segments and never leaves root; dotfiles are not served.
    await app.register(fastifyStatic, { root: resolve(webRoot), prefix: '/', wildcard: true, index: ['index.html'], dotfiles: 'deny', decorateReply: true });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    // Client routes (/article/…, /map) load the app, which routes itself; a missing asset file stays a 404.
    if (!isApi && webRoot !== null && (request.method === 'GET' || request.method === 'HEAD') && !/\.[A-Za-z0-9]{1,8}$/u.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).type('application/json; charset=utf-8').send({ error: { code: 'E_NOT_FOUND', message: `No ${isApi ? 'API route' : 'page'} ${request.method} ${path.slice(0, 200)}` } });
  });

  return app;
}

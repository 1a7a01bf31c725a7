// `marsad serve` (the HTTP API and web UI over a corpus) and `marsad demo` (ingest the bundled sample corpus, then serve it).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { ingestPaths, openStore, upgradeSqliteStore, type Store } from '../store/index.js';
import { buildServer, defaultWebRoot } from '../server/index.js';
import { formatSummary } from './ingest.js';
import { DEFAULT_DB } from './store-args.js';
import type { Io } from './main.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEMO_DB = '.marsad/demo.sqlite';
/** The bundled sample corpus (the same depth from src/cli and dist/cli). */
export const DEMO_INPUT = fileURLToPath(new URL('../../fixtures/demo/articles.jsonl', import.meta.url));

const SERVE_OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  resources: { type: 'string' },
  log: { type: 'boolean', default: false },
} as const;

export async function runServe(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...SERVE_OPTIONS, token: { type: 'string' } } });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"; serve takes only options (the database goes in --db)`);
  const token = values.token ?? process.env['MARSAD_TOKEN'] ?? null;
  if (token !== null && token.length < 8) throw new MarsadError('E_USAGE', 'the token must be at least 8 characters (--token or MARSAD_TOKEN)');
  const port = parsePort(values.port);
  const resourcesDir = values.resources ?? defaultResourcesDir();
  const store = openServedStore(values.db ?? DEFAULT_DB, resourcesDir, token !== null, io);
  return serve(store, { port, host: values.host ?? DEFAULT_HOST, token, resourcesDir, log: values.log }, io);
}

export async function runDemo(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...SERVE_OPTIONS, input: { type: 'string' }, workers: { type: 'string' }, 'no-serve': { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"; demo takes only options`);
  const workers = values.workers === undefined ? Math.min(2, availableParallelism()) : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new MarsadError('E_USAGE', `--workers must be a whole number from 0 to 64, not "${values.workers}"`);
  const port = parsePort(values.port);
  const resourcesDir = values.resources ?? defaultResourcesDir();
  const dbPath = values.db ?? DEMO_DB;
  const input = values.input ?? DEMO_INPUT;
  mkdirSync(dirname(dbPath), { recursive: true });
  // Ingest is idempotent: an unchanged input file is skipped whole, so a second `marsad demo` starts at once.
  const writable = openStore(dbPath, { resourcesDir });
  try {
    const summary = await ingestPaths(writable, [input], {
      resourcesDir,
      workers,
      onProblem: (source, problem) => io.stderr.write(`marsad: ${source}: ${problem.message} [${problem.code}]\n`),
    });
    io.stderr.write(summary.skippedFiles > 0 && summary.ingested === 0 ? `marsad: ${dbPath} is up to date with ${input}\n` : formatSummary(summary, dbPath));
  } finally {
    writable.close();
  }
  if (values['no-serve']) return 0;
  const store = openServedStore(dbPath, resourcesDir, false, io);
  return serve(store, { port, host: values.host ?? DEFAULT_HOST, token: null, resourcesDir, log: values.log }, io);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d{1,5}$/u.test(text) || port > 65535) throw new MarsadError('E_USAGE', `--port must be a number from 0 to 65535 (0: any free port), not "${text}"`);
  return port;
}

/** Read-only unless writes are allowed; a database from an older marsad is migrated once first. */
function openServedStore(path: string, resourcesDir: string, writable: boolean, io: Io): Store {
  if (writable) return openStore(path, { resourcesDir });
  const upgraded = upgradeSqliteStore(path);
  if (upgraded) io.stderr.write(`marsad: migrated ${path} from schema ${upgraded.from} to ${upgraded.to}\n`);
  return openStore(path, { resourcesDir, readonly: true });
}

interface ServeOptions {
  port: number;
  host: string;
  token: string | null;
  resourcesDir: string;
  log: boolean;
}

/** Serves until SIGINT or SIGTERM (or io.signal), then closes the server and the store. */
async function serve(store: Store, options: ServeOptions, io: Io): Promise<number> {
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  try {
    app = await buildServer({ store, resourcesDir: options.resourcesDir, token: options.token, logger: options.log });
    try {
      await app.listen({ host: options.host, port: options.port });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new MarsadError('E_USAGE', `port ${options.port} on ${options.host} is in use; pass --port N (0 picks a free one)`, { cause: error });
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new MarsadError('E_USAGE', `cannot listen on host ${options.host}; pass --host with an address of this machine`, { cause: error });
      throw error;
    }
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    io.stderr.write(`marsad: serving http://${host}:${address.port}/\n`);
    io.stderr.write(`marsad: ${options.token === null ? 'read-only' : 'writes allowed with the token'}; API at /api/ (OpenAPI at /api/openapi.json)${defaultWebRoot() === null ? '; no built UI (run npm run build:web)' : ''}. Ctrl-C stops.\n`);
    await stopped(io.signal);
    io.stderr.write('marsad: stopping\n');
    return 0;
  } finally {
    await app?.close();
    store.close();
  }
}

function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done, { once: true });
  });
}

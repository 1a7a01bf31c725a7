// A corpus served in a real browser: ingest JSONL into a SQLite file, serve it with the API and the built UI, drive Debian's chromium.
// Shared by the browser tests (harness.ts), `npm run screenshots` and the `ui` bench; it imports no test runner.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultResourcesDir } from '../../src/engine/resources.js';
import { ingestPaths, openStore, type IngestSummary, type Store } from '../../src/store/index.js';
import { buildServer } from '../../src/server/app.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');
export const DEMO_CORPUS = join(REPO_ROOT, 'fixtures', 'demo', 'articles.jsonl');
/** The labelled story fixtures: the corpus served until fixtures/demo exists. */
export const STORIES_CORPUS = join(REPO_ROOT, 'fixtures', 'stories', 'articles.jsonl');
export const CHROMIUM_PATH = process.env['MARSAD_CHROMIUM'] ?? '/usr/bin/chromium';
/** Headless with no sandbox (CI runs as root in a container), no GPU, and no traffic of its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] as const;

/** The demo corpus, or the story fixtures while the demo corpus is not written yet. */
export function corpusPath(): string {
  return existsSync(DEMO_CORPUS) ? DEMO_CORPUS : STORIES_CORPUS;
}

/** Why pages cannot be opened here (no chromium, no built UI), or null when they can. */
export function browserMissing(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set MARSAD_CHROMIUM)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) return `no built UI at ${join(WEB_DIST, 'index.html')} (npm run build:web)`;
  return null;
}

/**
 * Ingests `inputs` (JSONL files) into a new SQLite file at `dbPath`, analysing on this thread
 * (`workers: 0`: for ~50 articles a worker's start costs more than it saves).
 */
export async function ingestCorpus(dbPath: string, inputs: readonly string[], options: { workers?: number } = {}): Promise<IngestSummary> {
  const resourcesDir = defaultResourcesDir();
  const store = openStore(dbPath, { resourcesDir });
  try {
    return await ingestPaths(store, [...inputs], { resourcesDir, workers: options.workers ?? 0 });
  } finally {
    store.close();
  }
}

/** Writes JSONL records to `path` and returns it. */
export function writeJsonl(path: string, records: readonly object[]): string {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

export interface Observatory {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  /** The served store, read-only: tests look up ids and expected values in it. */
  store: Store;
  /** GETs an API path (`/api/…`) and returns its JSON; throws on a non-2xx answer. */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** Serves the SQLite file at `dbPath` read-only with the built UI on 127.0.0.1 and a free port. */
export async function startObservatory(dbPath: string): Promise<Observatory> {
  const resourcesDir = defaultResourcesDir();
  const store = openStore(dbPath, { resourcesDir, readonly: true });
  const app = await buildServer({ store, resourcesDir, webRoot: WEB_DIST });
  let origin: string;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error(`expected a TCP address, found ${String(address)}`);
    origin = `http://127.0.0.1:${address.port}`;
  } catch (error) {
    await app.close();
    store.close();
    throw error;
  }
  return {
    origin,
    store,
    async api<T>(path: string): Promise<T> {
      const response = await fetch(origin + path);
      const body = await response.text();
      if (!response.ok) throw new Error(`GET ${path}: expected 2xx, found ${response.status}: ${body.slice(0, 300)}`);
      return JSON.parse(body) as T;
    },
    async close() {
      await app.close();
      store.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** What went wrong in a page: console errors (failed loads included) and uncaught exceptions. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
}

/** Starts recording a page's console errors and uncaught exceptions. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  return problems;
}

/** The selector of a page whose data has loaded and rendered (the UI's contract). */
export const READY = 'main[data-ready="true"]';

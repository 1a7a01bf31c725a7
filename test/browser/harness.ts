// Browser-test harness: per test file, the demo corpus plus test-articles.ts in a temp SQLite file, served on
// 127.0.0.1:0 and opened in chromium; every page a test opens must end with no console error and no uncaught exception.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TEST_RECORDS } from './test-articles.js';
import { browserMissing, corpusPath, ingestCorpus, launchChromium, READY, startObservatory, watchPage, writeJsonl, type Observatory, type PageProblems } from './observatory.js';

export { READY } from './observatory.js';

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

export interface BrowserSession {
  observatory: Observatory;
  browser: Browser;
  /** Opens `path` in a fresh context (1280×900 unless `viewport`) and waits until `main[data-ready=true]`. */
  open(path: string, options?: { viewport?: { width: number; height: number }; ready?: boolean }): Promise<OpenedPage>;
}

/** Set in CI (.ci/run): a missing chromium or UI build fails the browser tests instead of skipping them. */
const REQUIRED = process.env['MARSAD_REQUIRE_BROWSER'] === '1';
const SETUP_TIMEOUT_MS = 180_000;

/**
 * Declares a suite that runs against a live observatory. Without chromium or web/dist the suite is
 * skipped with the reason in its name (or fails, under MARSAD_REQUIRE_BROWSER=1).
 */
export function describeBrowser(name: string, body: (session: () => BrowserSession) => void): void {
  const missing = browserMissing();
  if (missing !== null) {
    if (REQUIRED) {
      describe(name, () => {
        it('needs chromium and the built UI', () => {
          throw new Error(`MARSAD_REQUIRE_BROWSER=1 but ${missing}`);
        });
      });
      return;
    }
    process.stderr.write(`marsad browser tests «${name}» skipped: ${missing}\n`);
    describe.skip(`${name} (skipped: ${missing})`, () => body(() => {
      throw new Error('unreachable: the suite is skipped');
    }));
    return;
  }

  describe(name, () => {
    let dir: string | undefined;
    let session: BrowserSession | undefined;
    let opened: Array<{ context: BrowserContext; path: string; problems: PageProblems }> = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'marsad-browser-'));
      const dbPath = join(dir, 'corpus.sqlite');
      const extra = writeJsonl(join(dir, 'browser-test-articles.jsonl'), BROWSER_TEST_RECORDS);
      const summary = await ingestCorpus(dbPath, [corpusPath(), extra]);
      if (summary.failed > 0) throw new Error(`ingest of the test corpus failed for ${summary.failed} records: ${JSON.stringify(summary.failures.slice(0, 3))}`);
      const observatory = await startObservatory(dbPath);
      let browser: Browser;
      try {
        browser = await launchChromium();
      } catch (error) {
        await observatory.close();
        throw error;
      }
      session = {
        observatory,
        browser,
        async open(path, options = {}) {
          const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
          context.setDefaultTimeout(15_000);
          const page = await context.newPage();
          const problems = watchPage(page);
          opened.push({ context, path, problems });
          await page.goto(observatory.origin + path);
          if (options.ready !== false) await page.waitForSelector(READY);
          return { page, problems };
        },
      };
    }, SETUP_TIMEOUT_MS);

    afterEach(async () => {
      const pages = opened;
      opened = [];
      for (const { context } of pages) await context.close();
      for (const { path, problems } of pages) {
        expect({ path, ...problems }, `console errors or uncaught exceptions on ${path}`).toEqual({ path, consoleErrors: [], pageErrors: [] });
      }
    });

    afterAll(async () => {
      await session?.browser.close();
      await session?.observatory.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    }, SETUP_TIMEOUT_MS);

    body(() => {
      if (session === undefined) throw new Error('the browser session did not start (see the beforeAll error above)');
      return session;
    });
  });
}

/** Reads a count the UI printed, in Western or Arabic-Indic digits («١٢» or «12», with separators). */
export function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
  const match = /\d[\d,\u066C]*/u.exec(digits);
  if (match === null) throw new Error(`expected a number in «${text ?? ''}»`);
  return Number(match[0].replace(/[,\u066C]/gu, ''));
}

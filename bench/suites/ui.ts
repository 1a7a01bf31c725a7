// The UI bench: over the shared news in SQLite, time from navigation to a rendered /map and /timeline in chromium (median and max of 5 loads).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { browserMissing, ingestCorpus, launchChromium, READY, startObservatory } from '../../test/browser/observatory.js';
import { findCorpusFiles } from '../corpus.js';
import { subset } from './store.js';

export interface UiBenchOptions {
  dataDir: string;
  log: (line: string) => void;
  /** Only the first N articles (split evenly over the files); default all. */
  limit?: number;
  /** Serve this database; when it does not exist yet it is built there (and kept). */
  db?: string;
  /** Timed loads per page (default 5). */
  loads?: number;
}

/** The pages timed, and the element whose first appearance means the data is drawn. */
const PAGES = [
  { name: 'map', path: '/map', first: '[data-testid="map-point"]' },
  { name: 'timeline', path: '/timeline', first: '[data-testid="timeline-bar"]' },
] as const;

export async function runUiBench(options: UiBenchOptions): Promise<Record<string, number>> {
  const { log } = options;
  const missing = browserMissing();
  if (missing !== null) {
    log(`ui: cannot run: ${missing}. Skipped.`);
    return {};
  }
  const files = findCorpusFiles(options.dataDir);
  if (files === null && (options.db === undefined || !existsSync(options.db))) {
    log(`ui: no news/*.jsonl under ${options.dataDir} and no --db; set MARSAD_DATA. Skipped.`);
    return {};
  }
  const scratch = mkdtempSync(join(tmpdir(), 'marsad-ui-bench-'));
  const dbPath = options.db ?? join(scratch, 'ui.sqlite');
  const values: Record<string, number> = {};
  try {
    if (!existsSync(dbPath)) {
      const all = files as string[];
      const inputs = options.limit === undefined ? all : [await subset(all, options.limit, join(scratch, 'subset.jsonl'))];
      const started = performance.now();
      const summary = await ingestCorpus(dbPath, inputs, { workers: Math.min(2, availableParallelism()) });
      log(`ui: ingested ${summary.ingested} articles in ${((performance.now() - started) / 1000).toFixed(1)} s into ${dbPath}`);
    } else log(`ui: reusing ${dbPath}`);

    const observatory = await startObservatory(dbPath);
    let browser: Browser | undefined;
    try {
      values['articles'] = observatory.store.stats().articles;
      browser = await launchChromium();
      const loads = options.loads ?? 5;
      for (const target of PAGES) {
        const ready: number[] = [];
        const drawn: number[] = [];
        const api: number[] = [];
        const tasks: number[] = [];
        let marks = 0;
        // One untimed load first: chromium's first start of a page compiles the bundle and warms its caches.
        for (let i = -1; i < loads; i++) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
          const page = await context.newPage();
          // The renderer's main-thread task time (CDP Performance.TaskDuration): the page's own work, which
          // other processes on a busy machine delay but do not add to, unlike the wall clock.
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          const started = performance.now();
          await page.goto(observatory.origin + target.path, { waitUntil: 'commit' });
          const at = (selector: string) => page.waitForSelector(selector, { state: 'attached', timeout: 30_000 }).then(() => performance.now());
          const [readyAt, drawnAt] = await Promise.all([at(READY), at(target.first)]);
          marks = await page.locator(target.first).count();
          // The slowest API call of the load, by the browser's own resource timing: the server's share of the wait.
          const apiMs = await page.evaluate(() => {
            const entries = (globalThis as unknown as { performance: { getEntriesByType(type: string): Array<{ name: string; duration: number }> } }).performance.getEntriesByType('resource');
            return Math.max(0, ...entries.filter((e) => e.name.includes('/api/')).map((e) => e.duration));
          });
          const { metrics } = await cdp.send('Performance.getMetrics');
          const taskMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
          await context.close();
          if (i < 0) continue;
          tasks.push(taskMs);
          ready.push(readyAt - started);
          drawn.push(drawnAt - started);
          api.push(apiMs);
        }
        values[`${target.name}_ready_median_ms`] = Math.round(median(ready));
        values[`${target.name}_ready_max_ms`] = Math.round(Math.max(...ready));
        values[`${target.name}_first_${target.name === 'map' ? 'point' : 'bar'}_median_ms`] = Math.round(median(drawn));
        values[`${target.name}_first_${target.name === 'map' ? 'point' : 'bar'}_max_ms`] = Math.round(Math.max(...drawn));
        values[`${target.name}_slowest_api_call_median_ms`] = Math.round(median(api));
        values[`${target.name}_renderer_task_median_ms`] = Math.round(median(tasks));
        values[`${target.name}_${target.name === 'map' ? 'points' : 'bars'}`] = marks;
        log(`ui: ${target.path}: ready median ${values[`${target.name}_ready_median_ms`]} ms, max ${values[`${target.name}_ready_max_ms`]} ms over ${loads} loads (slowest API call median ${values[`${target.name}_slowest_api_call_median_ms`]} ms, renderer tasks ${values[`${target.name}_renderer_task_median_ms`]} ms; ${marks} ${target.name === 'map' ? 'points' : 'bars'}; target < 1000 ms)`);
      }
    } finally {
      await browser?.close();
      await observatory.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return values;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

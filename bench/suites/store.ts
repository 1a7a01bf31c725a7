// The store bench: ingest of the shared news files (articles/s, peak memory, database size) and search latency over 200 fixed queries.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { defaultResourcesDir } from '../../src/engine/resources.js';
import { ingestPaths, openStore } from '../../src/store/index.js';
import { findCorpusFiles } from '../corpus.js';
import { loadQueries, QUERIES_FILE } from './store-queries.js';

export interface StoreBenchOptions {
  dataDir: string;
  log: (line: string) => void;
  /** Only the first N articles (split evenly over the files); default all. */
  limit?: number;
  /** Analysis workers (default min(2, cores)). */
  workers?: number;
  /** Keep the database here; when it exists already the ingest is skipped and only search is timed. */
  db?: string;
}

export async function runStoreBench(options: StoreBenchOptions): Promise<Record<string, number>> {
  const { log } = options;
  const files = findCorpusFiles(options.dataDir);
  if (files === null) {
    log(`store: no news/*.jsonl under ${options.dataDir}; set MARSAD_DATA. Skipped.`);
    return {};
  }
  const resourcesDir = defaultResourcesDir();
  const scratch = mkdtempSync(join(tmpdir(), 'marsad-store-bench-'));
  const dbPath = options.db ?? join(scratch, 'bench.sqlite');
  const values: Record<string, number> = {};
  try {
    if (!existsSync(dbPath)) {
      const inputs = options.limit === undefined ? files : [await subset(files, options.limit, join(scratch, 'subset.jsonl'))];
      const workers = options.workers ?? Math.min(2, availableParallelism());
      const store = openStore(dbPath, { resourcesDir });
      // RSS sampled through the run: flat memory means the second half peaks no higher than the first.
      const samples: Array<{ done: number; rss: number; heap: number }> = [];
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        samples.push({ done: lastDone, rss: m.rss, heap: m.heapUsed });
      }, 250);
      let lastDone = 0;
      let total = 0;
      const started = performance.now();
      const summary = await ingestPaths(store, inputs, {
        resourcesDir,
        workers,
        onProgress: (p) => {
          lastDone = p.done;
          total = p.total ?? total;
        },
      });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      store.close();
      const peak = (list: typeof samples) => Math.max(0, ...list.map((s) => s.rss)) / 2 ** 20;
      const half = total / 2;
      values['ingest_articles'] = summary.ingested;
      values['ingest_records'] = summary.ingested + summary.present + summary.failed;
      values['ingest_seconds'] = round(seconds, 1);
      values['ingest_articles_per_s'] = round(summary.ingested / seconds, 1);
      values['ingest_workers'] = workers;
      values['ingest_duplicates_folded'] = summary.duplicates;
      values['ingest_failed'] = summary.failed;
      values['ingest_peak_rss_mb'] = round(Math.max(peak(samples), process.resourceUsage().maxRSS / 1024), 0);
      values['ingest_peak_rss_mb_first_half'] = round(peak(samples.filter((s) => s.done <= half)), 0);
      values['ingest_peak_rss_mb_second_half'] = round(peak(samples.filter((s) => s.done > half)), 0);
      // The writing thread's own heap (workers excluded): what the store keeps in memory as the corpus grows.
      const heap = (list: typeof samples) => Math.max(0, ...list.map((s) => s.heap)) / 2 ** 20;
      values['ingest_main_heap_mb_first_half'] = round(heap(samples.filter((s) => s.done <= half)), 0);
      values['ingest_main_heap_mb_second_half'] = round(heap(samples.filter((s) => s.done > half)), 0);
      const size = ['', '-wal'].reduce((n, suffix) => n + (existsSync(dbPath + suffix) ? statSync(dbPath + suffix).size : 0), 0);
      values['db_size_mb'] = round(size / 2 ** 20, 1);
      values['db_kb_per_article'] = round(size / 1024 / Math.max(1, summary.ingested), 1);
      log(`store: ingested ${summary.ingested} articles in ${seconds.toFixed(1)} s with ${workers} workers (${values['ingest_articles_per_s']} articles/s)`);
    } else log(`store: reusing ${dbPath}; ingest not timed`);

    const queries = loadQueries(QUERIES_FILE);
    const store = openStore(dbPath, { resourcesDir, readonly: true });
    try {
      const time = (facets: boolean) => {
        for (const query of queries) store.search({ query, limit: 10, facets }); // warm-up: page cache, statements
        const ms: number[] = [];
        for (const query of queries) {
          const t = performance.now();
          store.search({ query, limit: 10, facets });
          ms.push(performance.now() - t);
        }
        return ms.sort((a, b) => a - b);
      };
      const withFacets = time(true);
      const plain = time(false);
      const hits = queries.map((query) => store.search({ query, limit: 0, facets: false }).total);
      values['search_queries'] = queries.length;
      values['search_queries_with_hits'] = hits.filter((n) => n > 0).length;
      values['search_p50_ms'] = round(percentile(withFacets, 0.5), 2);
      values['search_p95_ms'] = round(percentile(withFacets, 0.95), 2);
      values['search_max_ms'] = round(withFacets[withFacets.length - 1] ?? 0, 2);
      values['search_nofacets_p50_ms'] = round(percentile(plain, 0.5), 2);
      values['search_nofacets_p95_ms'] = round(percentile(plain, 0.95), 2);
      log(`store: search p50 ${values['search_p50_ms']} ms, p95 ${values['search_p95_ms']} ms over ${queries.length} queries (facets and snippets on)`);
    } finally {
      store.close();
    }
  } finally {
    if (options.db === undefined) rmSync(scratch, { recursive: true, force: true });
  }
  return values;
}

/** The first `limit` records, split evenly over the files, in one JSONL file. */
async function subset(files: string[], limit: number, out: string): Promise<string> {
  const per = Math.ceil(limit / files.length);
  const lines: string[] = [];
  for (const file of files) {
    let n = 0;
    const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of rl) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (++n >= per) break;
    }
    rl.close();
  }
  writeFileSync(out, lines.join('\n') + '\n');
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

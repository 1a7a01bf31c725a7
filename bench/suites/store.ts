// The store bench: ingest of the shared news files (articles/s, peak memory, database size) and search latency over 200 fixed queries.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { defaultResourcesDir } from '../../src/engine/resources.js';
import { createAnalysisPool, ingestPaths, openStore, type AnalysisPool, type IngestSummary } from '../../src/store/index.js';
import { findCorpusFiles } from '../corpus.js';
import { percentile, round } from '../measure.js';
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
      // The bench owns the pool so it can ask the workers for their heaps at each quarter of the run.
      const pool = await createAnalysisPool({ resourcesDir, workers });
      // RSS sampled through the run: flat memory means the second half peaks no higher than the first.
      const samples: Array<{ done: number; rss: number; heap: number }> = [];
      let lastDone = 0;
      let total = 0;
      const timer = setInterval(() => {
        const m = process.memoryUsage();
        samples.push({ done: lastDone, rss: m.rss, heap: m.heapUsed });
      }, 250);
      const quarters: Array<Promise<QuarterSample>> = [];
      const started = performance.now();
      let summary: IngestSummary;
      try {
        summary = await ingestPaths(store, inputs, {
          resourcesDir,
          pool,
          onProgress: (p) => {
            lastDone = p.done;
            total = p.total ?? total;
            // The first progress at or past each quarter of the records takes a sample (100% after the run).
            while (quarters.length < 3 && total > 0 && p.done >= (total * (quarters.length + 1)) / 4) quarters.push(sampleQuarter(pool, p.done));
          },
        });
        while (quarters.length < 3) quarters.push(sampleQuarter(pool, lastDone));
        quarters.push(sampleQuarter(pool, lastDone));
        await Promise.all(quarters);
      } finally {
        await pool.close();
      }
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
      // Process RSS (all threads) and each thread's heap at 25/50/75/100% of the records.
      const mb = (bytes: number) => round(bytes / 2 ** 20, 0);
      for (const [i, q] of (await Promise.all(quarters)).entries()) {
        const at = (i + 1) * 25;
        values[`ingest_rss_mb_at_${at}pct`] = mb(q.rss);
        values[`ingest_main_heap_mb_at_${at}pct`] = mb(q.mainHeap);
        values[`ingest_worker_heap_mb_at_${at}pct`] = mb(Math.max(0, ...q.workerHeaps));
        values[`ingest_external_mb_at_${at}pct`] = mb(q.external);
        values[`ingest_heap_total_mb_at_${at}pct`] = mb(q.heapTotal);
      }
      log(`store: RSS at 25/50/75/100% ${[25, 50, 75, 100].map((at) => values[`ingest_rss_mb_at_${at}pct`]).join('/')} MB; largest worker heap ${[25, 50, 75, 100].map((at) => values[`ingest_worker_heap_mb_at_${at}pct`]).join('/')} MB; main heap ${[25, 50, 75, 100].map((at) => values[`ingest_main_heap_mb_at_${at}pct`]).join('/')} MB`);
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

interface QuarterSample {
  done: number;
  /** Process RSS: every thread, native memory and the SQLite page cache included. */
  rss: number;
  mainHeap: number;
  workerHeaps: number[];
  /** Off-heap memory of all threads (external: buffers, native objects). */
  external: number;
  /** V8 heap reserved by all threads (used or not): RSS less this is native memory (SQLite, buffers, code). */
  heapTotal: number;
}

/** The process's and each thread's memory now; the workers answer after the articles queued before. */
async function sampleQuarter(pool: AnalysisPool, done: number): Promise<QuarterSample> {
  const main = process.memoryUsage();
  const workers = await pool.memory();
  const rss = Math.max(main.rss, ...workers.map((w) => w.rss));
  return { done, rss, mainHeap: main.heapUsed, workerHeaps: workers.map((w) => w.heapUsed), external: main.external + workers.reduce((n, w) => n + w.external, 0), heapTotal: main.heapTotal + workers.reduce((n, w) => n + w.heapTotal, 0) };
}

/** The first `limit` records, split evenly over the files, in one JSONL file. */
export async function subset(files: string[], limit: number, out: string): Promise<string> {
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



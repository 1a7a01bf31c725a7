// A pool of analysis workers (worker_threads): each loads the resources once; results come back as promises.
import { Worker } from 'node:worker_threads';
import type { Analysis, Article } from '../model/analysis.js';
import { MarsadError, type ErrorCode } from '../model/errors.js';
import { createAnalyzer, type Analyzer } from '../engine/analyzer.js';
import { loadCliticLexicon } from '../arabic/clitic-lexicon.js';
import { createSegmenter } from '../arabic/clitics.js';
import { join } from 'node:path';
import { RESOURCE_PATHS } from '../engine/resources.js';
import { createTextAnalyzer, indexFields, type TextAnalyzer } from './search/text-analyzer.js';
import { loadAnalyzerResources } from '../engine/resources.js';
import { createNerTagger, loadNerModel } from '../engine/stages/ner/index.js';
import { duplicateText, minhashSignature } from '../stories/index.js';

export interface WorkerSetup {
  resourcesDir: string;
  ner: boolean;
  kbFiles: string[];
}

/** An article to analyse, or (with `memory`) a request for the thread's memory use. */
export type WorkerRequest = { seq: number; article: Article } | { seq: number; memory: true };

/** One thread's `process.memoryUsage()` in bytes; `rss` is the whole process's, shared by every thread. */
export interface ThreadMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface StageProblem {
  stage: string;
  code: string;
  message: string;
}

export type WorkerResponse =
  | { kind: 'ready' }
  | { kind: 'fatal'; message: string; code: string }
  | { kind: 'result'; seq: number; analysis: Analysis; errors: StageProblem[]; signature: Uint32Array; index: IndexFields }
  | { kind: 'error'; seq: number; message: string }
  | { kind: 'memory'; seq: number; usage: ThreadMemory };

export type IndexFields = { title: string; lead: string; body: string };

export interface AnalysisResult {
  analysis: Analysis;
  errors: StageProblem[];
  /** MinHash signature of title + text, for near-duplicate folding. */
  signature: Uint32Array;
  /** The FTS5 columns as index terms (clitic segmentation is costly; done here, off the writing thread). */
  index: IndexFields;
}

/** Everything a worker computes for one article: the analysis, its duplicate signature and its index terms. */
export function analyseForStore(analyzer: Analyzer, search: TextAnalyzer, article: Article): AnalysisResult {
  const { analysis, errors } = analyzer.analyze(article);
  return {
    analysis,
    errors: errors.map((e) => ({ stage: e.stage, code: e.code, message: e.message })),
    signature: minhashSignature(duplicateText(analysis.article.title, analysis.article.text)),
    index: indexFields(search, analysis.article),
  };
}

export interface AnalysisPool {
  /** Worker threads in use; 0 means the analysis runs on the calling thread. */
  readonly size: number;
  analyze(article: Article): Promise<AnalysisResult>;
  /** Each worker's memory use (empty for an inline pool), answered after the articles already sent to it. */
  memory(): Promise<ThreadMemory[]>;
  close(): Promise<void>;
}

export interface PoolOptions extends Partial<Omit<WorkerSetup, 'resourcesDir'>> {
  resourcesDir: string;
  /** Worker threads (0: analyse in this thread). */
  workers: number;
}

/** This thread's memory use, in the shape workers report it. */
export function threadMemory(): ThreadMemory {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss };
}

/**
 * How many distinct words each per-thread memo keeps (clitic segmentation, KB word and fuzzy lookups) before it
 * is emptied. News vocabulary is Zipfian: 50k forms is a few thousand articles' worth and keeps most hits, while
 * the shipped defaults (200k each) let a worker's heap grow through the first ten thousand articles.
 */
export const WORKER_MEMO_LIMIT = 50_000;

/**
 * A worker's old-generation heap limit. Its live data stays near 150 MB (resources plus the bounded memos), but
 * V8 lets an unlimited heap grow to several times its live size at a high allocation rate, so RSS would keep
 * creeping up over a long ingest; the limit makes it collect instead. Generous for one very long article.
 */
export const WORKER_OLD_SPACE_MB = 512;

/** Overrides of the cache bounds (tests use tiny ones to show they change no result). */
export interface WorkerBounds {
  memoLimit?: number;
}

/** One thread's analysis for the store, with its memory bounded whatever the corpus size. */
export interface WorkerAnalysis {
  analyse(article: Article): AnalysisResult;
}

/**
 * Loads the resources as loadAnalyzerResources does, but with one clitic lexicon and one bounded segmenter memo
 * for both the NER and the index terms (the same forms: «وبالليكود» is split once), and with every per-word
 * cache (segmenter, NER token views, KB lookups) bounded by `memoLimit`, so memory stays flat over any corpus.
 */
export async function createWorkerAnalysis(setup: WorkerSetup, bounds: WorkerBounds = {}): Promise<WorkerAnalysis> {
  const memoLimit = bounds.memoLimit ?? WORKER_MEMO_LIMIT;
  const segmenter = createSegmenter(loadCliticLexicon(join(setup.resourcesDir, RESOURCE_PATHS.cliticLexicon)), { cacheSize: memoLimit });
  const search = createTextAnalyzer(segmenter);
  const resources = await loadAnalyzerResources(setup.resourcesDir, { ner: false, kbFiles: setup.kbFiles });
  if (setup.ner) {
    const model = loadNerModel(join(setup.resourcesDir, RESOURCE_PATHS.ner));
    resources.ner = createNerTagger({ ...model, lexicon: { ...model.lexicon, viewCacheSize: memoLimit } }, { segmenter });
  }
  const analyzer = createAnalyzer(resources);
  return {
    analyse(article) {
      const memo = resources.kb?.memo;
      if (memo && memo.words.size >= memoLimit) memo.words.clear();
      if (memo && memo.fuzzy.size >= memoLimit) memo.fuzzy.clear();
      return analyseForStore(analyzer, search, article);
    },
  };
}

/** The search analyzer over the shipped clitic lexicon (also exported from the store's index). */
export function loadSearchAnalyzer(resourcesDir: string): TextAnalyzer {
  // A smaller memo than the NER segmenter's: news vocabulary is mostly met in the first few thousand articles.
  return createTextAnalyzer(createSegmenter(loadCliticLexicon(join(resourcesDir, RESOURCE_PATHS.cliticLexicon)), { cacheSize: 50_000 }));
}

/** Starts the workers and waits until each has loaded its resources (about a second each, in parallel). */
export async function createAnalysisPool(options: PoolOptions): Promise<AnalysisPool> {
  const setup: WorkerSetup = { resourcesDir: options.resourcesDir, ner: options.ner ?? true, kbFiles: options.kbFiles ?? [] };
  if (options.workers <= 0) return createInlinePool(setup);
  type Pending = { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void };
  type MemoryPending = { resolve: (m: ThreadMemory) => void; reject: (e: Error) => void };
  const slots = await Promise.all(
    Array.from({ length: options.workers }, () => {
      const worker = startWorker(setup);
      const slot = { worker, pending: new Map<number, Pending>(), memoryPending: new Map<number, MemoryPending>(), dead: null as Error | null };
      return new Promise<typeof slot>((resolve, reject) => {
        worker.on('message', (message: WorkerResponse) => {
          if (message.kind === 'ready') resolve(slot);
          else if (message.kind === 'fatal') reject(new MarsadError(message.code as ErrorCode, message.message));
          else if (message.kind === 'memory') {
            slot.memoryPending.get(message.seq)?.resolve(message.usage);
            slot.memoryPending.delete(message.seq);
          } else {
            const p = slot.pending.get(message.seq);
            if (!p) return;
            slot.pending.delete(message.seq);
            if (message.kind === 'result') p.resolve({ analysis: message.analysis, errors: message.errors, signature: message.signature, index: message.index });
            else p.reject(new MarsadError('E_STAGE_FAILED', message.message));
          }
        });
        const die = (error: Error) => {
          slot.dead = error;
          for (const p of slot.pending.values()) p.reject(error);
          for (const p of slot.memoryPending.values()) p.reject(error);
          slot.pending.clear();
          slot.memoryPending.clear();
          reject(error);
        };
        worker.on('error', (error) => die(new MarsadError('E_STAGE_FAILED', `An analysis worker failed: ${error.message}`, { cause: error })));
        worker.on('exit', (code) => {
          if (code !== 0) die(new MarsadError('E_STAGE_FAILED', `An analysis worker exited with code ${code}`));
        });
      });
    }),
  );
  let seq = 0;
  return {
    size: slots.length,
    analyze(article) {
      // The least busy live worker takes the article.
      const live = slots.filter((s) => s.dead === null);
      if (live.length === 0) return Promise.reject(slots[0]?.dead ?? new MarsadError('E_STAGE_FAILED', 'no analysis worker is running'));
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = seq++;
      return new Promise<AnalysisResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ seq: id, article } satisfies WorkerRequest);
      });
    },
    memory() {
      const live = slots.filter((s) => s.dead === null);
      return Promise.all(
        live.map((slot) => {
          const id = seq++;
          return new Promise<ThreadMemory>((resolve, reject) => {
            slot.memoryPending.set(id, { resolve, reject });
            slot.worker.postMessage({ seq: id, memory: true } satisfies WorkerRequest);
          });
        }),
      );
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

async function createInlinePool(setup: WorkerSetup): Promise<AnalysisPool> {
  const analysis = await createWorkerAnalysis(setup);
  return {
    size: 0,
    analyze(article) {
      try {
        return Promise.resolve(analysis.analyse(article));
      } catch (error) {
        return Promise.reject(new MarsadError('E_STAGE_FAILED', (error as Error)?.message ?? String(error), { cause: error }));
      }
    },
    memory: () => Promise.resolve([]),
    close: () => Promise.resolve(),
  };
}

/**
 * The worker module beside this one: `.js` when running from dist/. From source (tsx, vitest) a worker
 * thread does not inherit the parent's TypeScript loader, so a small eval'd script registers tsx's ESM
 * hooks first and then imports the `.ts` module.
 */
function startWorker(setup: WorkerSetup): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analysis-worker.js', import.meta.url), { workerData: setup, resourceLimits });
  const url = new URL('./analysis-worker.ts', import.meta.url).href;
  const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(script, { eval: true, workerData: setup, resourceLimits });
}

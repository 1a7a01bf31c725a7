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
import { duplicateText, minhashSignature } from '../stories/index.js';

export interface WorkerSetup {
  resourcesDir: string;
  ner: boolean;
  kbFiles: string[];
}

export interface WorkerRequest {
  seq: number;
  article: Article;
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
  | { kind: 'error'; seq: number; message: string };

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
  close(): Promise<void>;
}

export interface PoolOptions extends Partial<Omit<WorkerSetup, 'resourcesDir'>> {
  resourcesDir: string;
  /** Worker threads (0: analyse in this thread). */
  workers: number;
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
  const slots = await Promise.all(
    Array.from({ length: options.workers }, () => {
      const worker = startWorker(setup);
      const slot = { worker, pending: new Map<number, Pending>(), dead: null as Error | null };
      return new Promise<typeof slot>((resolve, reject) => {
        worker.on('message', (message: WorkerResponse) => {
          if (message.kind === 'ready') resolve(slot);
          else if (message.kind === 'fatal') reject(new MarsadError(message.code as ErrorCode, message.message));
          else {
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
          slot.pending.clear();
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
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

async function createInlinePool(setup: WorkerSetup): Promise<AnalysisPool> {
  const analyzer = createAnalyzer(await loadAnalyzerResources(setup.resourcesDir, { ner: setup.ner, kbFiles: setup.kbFiles }));
  const search = loadSearchAnalyzer(setup.resourcesDir);
  return {
    size: 0,
    analyze(article) {
      try {
        return Promise.resolve(analyseForStore(analyzer, search, article));
      } catch (error) {
        return Promise.reject(new MarsadError('E_STAGE_FAILED', (error as Error)?.message ?? String(error), { cause: error }));
      }
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The worker module beside this one: `.js` when running from dist/. From source (tsx, vitest) a worker
 * thread does not inherit the parent's TypeScript loader, so a small eval'd script registers tsx's ESM
 * hooks first and then imports the `.ts` module.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analysis-worker.js', import.meta.url), { workerData: setup });
  const url = new URL('./analysis-worker.ts', import.meta.url).href;
  const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(script, { eval: true, workerData: setup });
}

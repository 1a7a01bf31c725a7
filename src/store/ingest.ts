// Corpus ingest: read inputs, analyse in worker threads, write in input order in small transactions; resumable and idempotent.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MarsadError } from '../model/errors.js';
import { readInputs, type InputFormat } from '../ingest/index.js';
import { createAnalysisPool, type AnalysisPool, type AnalysisResult, type StageProblem } from './ingest-workers.js';
import type { ArticleInput, Store } from './types.js';

export interface IngestOptions {
  resourcesDir: string;
  /** Analysis worker threads (default min(2, cores)); 0 analyses on this thread. */
  workers?: number;
  ner?: boolean;
  kbFiles?: string[];
  format?: InputFormat;
  stdin?: NodeJS.ReadableStream;
  /** Articles per write transaction (default 32). */
  batchSize?: number;
  /** Called after each write and each finished file. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called for each failed record and for stage errors of stored articles. */
  onProblem?: (source: string, problem: { code: string; message: string; stage?: string }) => void;
  /** Use an existing pool (tests, benches) instead of starting one. */
  pool?: AnalysisPool;
  /** Try again the records of these inputs that failed in earlier runs (after a fix, or with new resources). */
  retryFailed?: boolean;
}

export interface IngestProgress {
  /** Records expected (JSONL lines and other files counted up front); null when unknown (stdin). */
  total: number | null;
  /** Records handled so far, whatever their outcome. */
  done: number;
  ingested: number;
  elapsedMs: number;
}

export interface IngestSummary {
  runId: number;
  /** New articles written (including versions and folded duplicates). */
  ingested: number;
  /** Of those, new versions of an article at the same URL. */
  versions: number;
  /** Of those, near-duplicates folded into the article they repeat. */
  duplicates: number;
  /** Records whose exact text was already stored (same content hash). */
  present: number;
  /** Records handled by an earlier run, skipped on resume. */
  resumed: number;
  /** Whole input files skipped as finished by an earlier run. */
  skippedFiles: number;
  failed: number;
  failures: Array<{ source: string; code: string; message: string }>;
  /** Stored articles for which some analysis stage reported an error. */
  stageErrors: number;
  elapsedMs: number;
}

interface InputFile {
  path: string;
  size: number;
  mtimeMs: number;
}

type Item =
  | { kind: 'article'; source: string; result: Promise<AnalysisResult> }
  | { kind: 'present'; source: string; id: string }
  | { kind: 'failure'; source: string; code: string; message: string }
  | { kind: 'file-done'; file: InputFile; records: number };

/** Ingests every input into the store; a failing record is recorded and the run goes on. */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const files: Array<InputFile | '-'> = [];
  for (const path of paths) {
    if (path === '-') files.push('-');
    else files.push(...(await expandPath(path)));
  }
  const summary: IngestSummary = { runId: 0, ingested: 0, versions: 0, duplicates: 0, present: 0, resumed: 0, skippedFiles: 0, failed: 0, failures: [], stageErrors: 0, elapsedMs: 0 };
  // Retried failures reopen their files, which a finished earlier run would skip whole.
  const retried = options.retryFailed ? store.forgetFailures(files.flatMap((f) => (f === '-' ? ['stdin'] : [f.path]))) : [];
  const reopened = (path: string) => retried.some((source) => source === path || source.startsWith(`${path}#`));
  const todo: Array<InputFile | '-'> = [];
  for (const file of files) {
    if (file !== '-' && store.isInputDone(file.path, file.size, file.mtimeMs) && !reopened(file.path)) summary.skippedFiles++;
    else todo.push(file);
  }
  const total = todo.includes('-') ? null : await countRecords(todo as InputFile[]);
  summary.runId = store.beginRun(paths);
  // Started on the first article that needs analysis, so a rerun over finished inputs loads no models.
  let pool: AnalysisPool | null = options.pool ?? null;
  let poolStarting: Promise<AnalysisPool> | null = null;
  const getPool = async (): Promise<AnalysisPool> => {
    if (pool) return pool;
    poolStarting ??= createAnalysisPool({ resourcesDir: options.resourcesDir, workers: options.workers ?? 2, ner: options.ner ?? true, kbFiles: options.kbFiles ?? [] });
    pool = await poolStarting;
    return pool;
  };
  const batchSize = options.batchSize ?? 32;
  const maxInFlight = Math.max(8, (options.workers ?? options.pool?.size ?? 2) * 24);
  const queue: Item[] = [];
  let batch: ArticleInput[] = [];
  let done = 0;
  const inFlightIds = new Set<string>();
  const progress = () => options.onProgress?.({ total, done, ingested: summary.ingested, elapsedMs: Date.now() - started });

  const flush = () => {
    if (batch.length === 0) return;
    const outcomes = store.putArticles(batch, summary.runId);
    for (const outcome of outcomes) {
      if (outcome.status === 'present') summary.present++;
      else {
        summary.ingested++;
        if (outcome.previousId) summary.versions++;
        if (outcome.duplicateOf) summary.duplicates++;
      }
    }
    for (const input of batch) inFlightIds.delete(input.analysis.article.id);
    done += batch.length;
    batch = [];
    progress();
  };
  const fail = (source: string, code: string, message: string) => {
    summary.failed++;
    summary.failures.push({ source, code, message });
    store.recordFailure(source, { code, message }, summary.runId);
    options.onProblem?.(source, { code, message });
  };
  // Takes the head of the queue (in input order) and applies it; analysis results wait for their worker.
  const drainOne = async () => {
    const item = queue.shift() as Item;
    switch (item.kind) {
      case 'article': {
        let result: AnalysisResult;
        try {
          result = await item.result;
        } catch (error) {
          flush();
          const e = error as MarsadError;
          fail(item.source, e.code ?? 'E_STAGE_FAILED', e.message);
          done++;
          return;
        }
        if (result.errors.length > 0) {
          summary.stageErrors++;
          for (const e of result.errors) options.onProblem?.(item.source, e satisfies StageProblem);
        }
        batch.push({ analysis: result.analysis, source: item.source, signature: result.signature, index: result.index });
        if (batch.length >= batchSize) flush();
        return;
      }
      case 'present':
        flush();
        if (!store.hasArticle(item.id)) {
          fail(item.source, 'E_STAGE_FAILED', `Expected the article ${item.id} from an earlier record with the same text, found none: that record failed.`);
          done++;
          return;
        }
        store.recordSource(item.source, item.id, summary.runId);
        summary.present++;
        done++;
        return;
      case 'failure':
        flush();
        fail(item.source, item.code, item.message);
        done++;
        return;
      case 'file-done':
        flush();
        store.markInputDone(item.file.path, item.file.size, item.file.mtimeMs, item.records, summary.runId);
        progress();
        return;
    }
  };

  try {
    for (const file of todo) {
      const path = file === '-' ? '-' : file.path;
      let records = 0;
      for await (const result of readInputs([path], { ...(options.stdin ? { stdin: options.stdin } : {}), ...(options.format ? { format: options.format } : {}) })) {
        records++;
        if (store.hasSource(result.source)) {
          summary.resumed++;
          done++;
          continue;
        }
        if (!result.ok) queue.push({ kind: 'failure', source: result.source, code: result.error.code, message: result.error.message });
        else if (store.hasArticle(result.article.id) || inFlightIds.has(result.article.id)) {
          // The same text again (a re-run, or one outlet's reprint word for word): no analysis needed.
          // Written after the first record with that text, since the queue is applied in order.
          queue.push({ kind: 'present', source: result.source, id: result.article.id });
        } else {
          inFlightIds.add(result.article.id);
          queue.push({ kind: 'article', source: result.source, result: (await getPool()).analyze(result.article) });
        }
        while (queue.length >= maxInFlight) await drainOne();
      }
      if (file !== '-') queue.push({ kind: 'file-done', file, records });
    }
    while (queue.length > 0) await drainOne();
    flush();
  } finally {
    if (!options.pool && pool) await pool.close();
  }
  summary.elapsedMs = Date.now() - started;
  store.finishRun(summary.runId, { ingested: summary.ingested, skipped: summary.present + summary.resumed, failed: summary.failed });
  return summary;
}

/** Files under a path, recursively, sorted, hidden entries skipped (as readInputs walks them). */
async function expandPath(path: string): Promise<InputFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new MarsadError('E_INPUT_NOT_FOUND', `Expected an existing file or directory, found nothing at ${path}.`, { cause: error, source: path });
  }
  if (!info.isDirectory()) return [{ path, size: info.size, mtimeMs: Math.round(info.mtimeMs) }];
  const out: InputFile[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) out.push(...(await expandPath(join(path, entry.name))));
  return out;
}

/** Records to expect: lines of a JSONL file (one byte scan), one per other file. Feeds count as one until read. */
async function countRecords(files: InputFile[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (!/\.jsonl$/iu.test(file.path)) {
      total++;
      continue;
    }
    let lines = 0;
    let nonEmpty = false;
    // Streamed in chunks: a corpus file is never held whole just to be counted.
    for await (const bytes of createReadStream(file.path) as AsyncIterable<Buffer>) {
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        if (b === 0x0a) {
          if (nonEmpty) lines++;
          nonEmpty = false;
        } else if (b !== 0x20 && b !== 0x0d && b !== 0x09) nonEmpty = true;
      }
    }
    if (nonEmpty) lines++;
    total += lines;
  }
  return total;
}

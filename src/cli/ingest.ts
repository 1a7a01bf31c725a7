// `marsad ingest`: analyse inputs into the store with worker threads; a progress bar on a terminal, plain lines otherwise.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import { parseInputFormat } from '../ingest/index.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { ingestPaths, openStore, type IngestProgress, type IngestSummary } from '../store/index.js';
import { DEFAULT_DB } from './store-args.js';
import type { Io } from './main.js';

export async function runIngest(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string' },
      'input-format': { type: 'string' },
      'no-ner': { type: 'boolean', default: false },
      resources: { type: 'string' },
      kb: { type: 'string', multiple: true },
      quiet: { type: 'boolean', short: 'q', default: false },
      'retry-failed': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new MarsadError('E_USAGE', 'no input: give one or more files or directories to ingest, or - for stdin');
  const workers = values.workers === undefined ? Math.min(2, availableParallelism()) : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new MarsadError('E_USAGE', `--workers must be a whole number from 0 to 64, not "${values.workers}"`);
  const format = parseInputFormat(values['input-format']);
  const resourcesDir = values.resources ?? defaultResourcesDir();
  const dbPath = values.db ?? DEFAULT_DB;
  const store = openStore(dbPath, { resourcesDir });
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const progress = createProgressWriter(io, tty, values.quiet);
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(store, positionals, {
      resourcesDir,
      workers,
      ner: !values['no-ner'],
      kbFiles: values.kb ?? [],
      ...(format ? { format } : {}),
      stdin: io.stdin,
      retryFailed: values['retry-failed'],
      onProgress: progress.update,
      onProblem: (source, problem) => {
        progress.clear();
        io.stderr.write(`marsad: ${source}: ${problem.stage ? `stage ${problem.stage}: ` : ''}${problem.message} [${problem.code}]\n`);
      },
    });
  } finally {
    progress.clear();
    store.close();
  }
  io.stderr.write(formatSummary(summary, dbPath));
  return summary.failed > 0 ? 1 : 0;
}

export function formatSummary(s: IngestSummary, dbPath: string): string {
  const rate = s.elapsedMs > 0 ? (s.ingested / (s.elapsedMs / 1000)).toFixed(1) : '0';
  const lines = [
    `marsad: ingest into ${dbPath} finished in ${(s.elapsedMs / 1000).toFixed(1)} s (${rate} articles/s)`,
    `  ingested  ${s.ingested} (new versions ${s.versions}, near-duplicates folded ${s.duplicates})`,
    `  skipped   ${s.present + s.resumed} (same text already stored ${s.present}, done in an earlier run ${s.resumed}; unchanged files skipped ${s.skippedFiles})`,
    `  failed    ${s.failed}`,
  ];
  const byCode = new Map<string, number>();
  for (const f of s.failures) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) lines.push(`    ${code}: ${n}`);
  if (s.stageErrors > 0) lines.push(`  stored with stage errors ${s.stageErrors}`);
  return lines.join('\n') + '\n';
}

/** A bar redrawn in place on a terminal (at most 10 times a second); a plain line every 5 s otherwise. */
function createProgressWriter(io: Io, tty: boolean, quiet: boolean) {
  let last = 0;
  let drawn = false;
  const line = (p: IngestProgress): string => {
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? p.ingested / seconds : 0;
    const doneRate = seconds > 0 ? p.done / seconds : 0;
    if (p.total === null || p.total === 0) return `${p.done} records, ${p.ingested} ingested, ${rate.toFixed(1)} articles/s`;
    const fraction = Math.min(1, p.done / p.total);
    const eta = doneRate > 0 ? (p.total - p.done) / doneRate : NaN;
    const bar = tty ? `[${'#'.repeat(Math.round(fraction * 24)).padEnd(24, '.')}] ` : '';
    return `${bar}${p.done}/${p.total} (${(fraction * 100).toFixed(1)}%) ${rate.toFixed(1)} articles/s, ETA ${Number.isFinite(eta) ? formatSeconds(eta) : '?'}`;
  };
  return {
    update(p: IngestProgress) {
      if (quiet) return;
      const now = Date.now();
      if (now - last < (tty ? 100 : 5000)) return;
      last = now;
      if (tty) {
        io.stderr.write(`\r\x1b[2K${line(p)}`);
        drawn = true;
      } else io.stderr.write(`marsad: ingest: ${line(p)}\n`);
    },
    clear() {
      if (drawn) io.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

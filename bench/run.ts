// `npm run bench -- [suite...] [--limit N] [--json out.json]`: runs each measurement pinned to one core, prints the table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MarsadError } from '../src/model/errors.js';
import { findCorpusFiles, loadCorpus, resolveDataDir } from './corpus.js';
import type { Job, MeasureContext, MeasureOutput, Suite } from './measure.js';
import { buildReport, formatReport, type JobOutcome, type SuiteReport } from './report.js';
import { textCoreSuite } from './suites/text-core.js';

type MetricsBench = (options: { dataDir: string; log: (line: string) => void; limit?: number; db?: string }) => Promise<Record<string, number>>;

/**
 * A suite that reports its own named numbers from one measurement. The module is imported in its child
 * process only, so a suite whose module is broken or whose resources are not built fails alone.
 */
function metricsSuite(name: string, description: string, load: () => Promise<MetricsBench>, allCores = false): Suite {
  return {
    description,
    allCores,
    plan: async () => [{ kind: 'measure', name, role: 'ours', measure: name }],
    measures: {
      [name]: async (ctx) => {
        const run = await load();
        const values = await run({ dataDir: ctx.dataDir, log: ctx.log, ...(ctx.limit === undefined ? {} : { limit: ctx.limit }), ...(ctx.db === undefined ? {} : { db: ctx.db }) });
        return { kind: 'metrics', values };
      },
    },
    targets: [],
  };
}

const nerSuite = metricsSuite('ner', 'NER model load, tagging tokens/s and memory (bench/suites/ner.ts)', async () => (await import('./suites/ner.js')).runNerBench);
const analyzeSuite = metricsSuite(
  'analyze',
  'the whole analyze pipeline: articles/s, words/s, stage shares, linking overhead, memory (bench/suites/analyze.ts)',
  async () => (await import('./suites/analyze.js')).runAnalyzeBench,
);
const storeSuite = metricsSuite(
  'store',
  'ingest of the shared news into SQLite with 2 workers (articles/s, memory, database size) and search latency over bench/queries.txt (bench/suites/store.ts; unpinned)',
  async () => (await import('./suites/store.js')).runStoreBench,
  true,
);
const apiSuite = metricsSuite(
  'api',
  'the HTTP API over the shared news in SQLite, through 127.0.0.1: the 200 search queries with facets and snippets, GeoJSON, timeline and events unfiltered and filtered, p50/p95 (bench/suites/api.ts; unpinned)',
  async () => (await import('./suites/api.js')).runApiBench,
  true,
);
const uiSuite = metricsSuite(
  'ui',
  'the web UI in chromium over the shared news in SQLite: navigation to a rendered /map and /timeline, median and max of 5 loads (bench/suites/ui.ts; unpinned)',
  async () => (await import('./suites/ui.js')).runUiBench,
  true,
);

/** The suites, by the name given on the command line. */
const SUITES = {
  'text-core': textCoreSuite,
  ner: nerSuite,
  analyze: analyzeSuite,
  store: storeSuite,
  api: apiSuite,
  ui: uiSuite,
} as const satisfies Record<string, Suite>;

type SuiteName = keyof typeof SUITES;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run bench -- [${Object.keys(SUITES).join('|')}...] [--limit N] [--db FILE] [--json out.json] [--warmup N] [--repeat N] [--cpu N]
  --limit N    only the first N articles of the corpus (default: all)
  --db FILE    store, api and ui: reuse this corpus database, or build it there and keep it
  --json PATH  also write the results as JSON
  --warmup N   untimed passes before timing (default 1)
  --repeat N   timed passes; the median is reported (default 3)
  --cpu N      the core every measurement is pinned to with taskset (default 0)
The corpus is $MARSAD_DATA/news/*.jsonl (default ../shared/data beside the repository).`;

interface Options {
  readonly suites: readonly SuiteName[];
  readonly limit: number | undefined;
  readonly db: string | undefined;
  readonly json: string | undefined;
  readonly warmup: number;
  readonly repeat: number;
  readonly cpu: number;
  /** Child mode: `suite:measure` to run in this process, writing its output to `result`. */
  readonly measure: string | undefined;
  readonly result: string | undefined;
  readonly scratch: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'string' },
      warmup: { type: 'string', default: '1' },
      repeat: { type: 'string', default: '3' },
      cpu: { type: 'string', default: '0' },
      measure: { type: 'string' },
      result: { type: 'string' },
      scratch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const count = (name: string, text: string | undefined, min: number): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new MarsadError('E_USAGE', `--${name}: expected an integer ≥ ${min}, found «${text}»\n${USAGE}`);
    return n;
  };
  for (const name of positionals) {
    if (!(name in SUITES)) throw new MarsadError('E_USAGE', `expected a suite among ${Object.keys(SUITES).join(', ')}, found «${name}»\n${USAGE}`);
  }
  return {
    suites: positionals.length > 0 ? (positionals as SuiteName[]) : (Object.keys(SUITES) as SuiteName[]),
    limit: count('limit', values.limit, 1),
    db: values.db === undefined ? undefined : resolve(values.db),
    json: values.json,
    warmup: count('warmup', values.warmup, 0) ?? 1,
    repeat: count('repeat', values.repeat, 1) ?? 3,
    cpu: count('cpu', values.cpu, 0) ?? 0,
    measure: values.measure,
    result: values.result,
    scratch: values.scratch,
  };
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Child mode: runs one in-process measurement and writes `{ output }` as JSON to the result file. */
async function runChild(options: Options, measure: string): Promise<void> {
  const [suiteName, measureName] = measure.split(':') as [string, string | undefined];
  const suite: Suite | undefined = (SUITES as Record<string, Suite>)[suiteName];
  const run = measureName === undefined ? undefined : suite?.measures[measureName];
  if (run === undefined || options.result === undefined || options.scratch === undefined) {
    throw new MarsadError('E_USAGE', `--measure: expected suite:measure with --result and --scratch, found «${measure}»`);
  }
  const output = await run(context(options, options.scratch));
  writeFileSync(options.result, JSON.stringify({ output }));
}

function context(options: Options, scratchDir: string): MeasureContext {
  return {
    dataDir: resolveDataDir(REPO_ROOT),
    repoRoot: REPO_ROOT,
    scratchDir,
    limit: options.limit,
    db: options.db,
    warmup: options.warmup,
    repeat: options.repeat,
    log,
  };
}

/** `taskset -c N` when taskset works here; else no prefix, and the report says measurements were not pinned. */
function pinPrefix(cpu: number): string[] {
  const probe = spawnSync('taskset', ['-c', String(cpu), 'true']);
  return probe.status === 0 ? ['taskset', '-c', String(cpu)] : [];
}

/** What a peer program prints as its last stdout line. */
interface PeerLine {
  tokens: number;
  seconds: number[];
  cpuSeconds?: (number | null)[];
  rssAfterLoadKb: number;
  peakRssKb: number;
  runtime: string;
}


function runJob(job: Job, suiteName: string, options: Options, scratchDir: string, pin: readonly string[], texts: number): JobOutcome {
  if (job.kind === 'skip') return { kind: 'skipped', name: job.name, role: job.role, reason: job.reason };
  if (job.kind === 'reference') return job;
  log(`bench: running ${job.name}…`);
  if (job.kind === 'measure') {
    const resultFile = join(scratchDir, `result-${job.measure}.json`);
    const argv = [
      ...pin,
      process.execPath,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--measure',
      `${suiteName}:${job.measure}`,
      '--result',
      resultFile,
      '--scratch',
      scratchDir,
      '--warmup',
      String(options.warmup),
      '--repeat',
      String(options.repeat),
      ...(options.limit === undefined ? [] : ['--limit', String(options.limit)]),
      ...(options.db === undefined ? [] : ['--db', options.db]),
    ];
    const child = spawnSync(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
    if (child.status !== 0 || !existsSync(resultFile)) {
      return { kind: 'skipped', name: job.name, role: job.role, reason: `failed (exit ${child.status ?? child.signal}; its error is above)` };
    }
    const { output } = JSON.parse(readFileSync(resultFile, 'utf8')) as { output: MeasureOutput };
    return output.kind === 'throughput'
      ? { kind: 'throughput', name: job.name, role: job.role, result: output.result }
      : { kind: 'metrics', name: job.name, values: output.values };
  }
  const command = job.command();
  if ('skip' in command) return { kind: 'skipped', name: job.name, role: job.role, reason: command.skip };
  const argv = [...pin, ...command.argv];
  const child = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const lastLine = (child.stdout ?? '').trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('{')) {
    return { kind: 'skipped', name: job.name, role: job.role, reason: `failed (exit ${child.status ?? child.signal ?? child.error?.message}; its error is above)` };
  }
  const peer = JSON.parse(lastLine) as PeerLine;
  return {
    kind: 'throughput',
    name: job.name,
    role: job.role,
    result: {
      implementation: peer.runtime,
      texts,
      words: null,
      ownTokens: peer.tokens,
      passes: peer.seconds,
      cpuPasses: peer.cpuSeconds?.every((n) => typeof n === 'number') === true ? (peer.cpuSeconds as number[]) : null,
      rssAfterLoadMb: peer.rssAfterLoadKb / 1024,
      peakRssMb: peer.peakRssKb / 1024,
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.measure !== undefined) return runChild(options, options.measure);

  const dataDir = resolveDataDir(REPO_ROOT);
  if (findCorpusFiles(dataDir) === null) {
    log(`bench: skipped: no news corpus at ${join(dataDir, 'news')}/*.jsonl (set MARSAD_DATA to the shared data folder)`);
    return;
  }
  const pin = pinPrefix(options.cpu);
  // Other processes on the machine slow every row; the load average at the start is reported so a
  // reader can tell a quiet run from a contended one.
  const loadAtStart = loadavg()[0] ?? 0;
  if (pin.length === 0) log('bench: taskset is not available: measurements are NOT pinned to one core');
  const scratchDir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  try {
    const texts = await loadCorpus(dataDir, { limit: options.limit });
    const ctx = { ...context(options, scratchDir), texts };
    const reports: Record<string, SuiteReport> = {};
    for (const name of options.suites) {
      const suite: Suite = SUITES[name];
      const jobs = await suite.plan(ctx);
      const outcomes = jobs.map((job) => runJob(job, name, options, scratchDir, suite.allCores ? [] : pin, texts.length));
      reports[name] = buildReport(suite, outcomes);
    }
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      node: process.version,
      pinned: pin.length > 0 ? `taskset -c ${options.cpu}` : 'not pinned',
      loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number((loadavg()[0] ?? 0).toFixed(2)) },
    };
    out(
      `marsad bench ${new Date().toISOString()} — ${texts.length} articles, warm-up ${options.warmup}, median of ${options.repeat} timed passes; ` +
        `${machine.cpu} (${machine.cores} cores), ${machine.pinned}, Node ${machine.node}, load average ${machine.loadAverage.start} → ${machine.loadAverage.end}`,
    );
    for (const [name, r] of Object.entries(reports)) for (const line of formatReport(name, r)) out(line);
    if (options.json !== undefined) {
      const json = { date: new Date().toISOString(), machine, dataDir, articles: texts.length, warmup: options.warmup, repeat: options.repeat, suites: reports };
      writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
      log(`bench: wrote ${options.json}`);
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof MarsadError ? `bench: ${error.code}: ${error.message}` : `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = error instanceof MarsadError && error.code === 'E_USAGE' ? 2 : 1;
});

// Benchmark primitives shared by the runner and the suites: suite and job shapes, timed passes, memory readings.
import { readFileSync } from 'node:fs';

/** Who a row measures: marsad itself, a peer run side by side, or a published/quoted number not run here. */
export type Role = 'ours' | 'peer' | 'reference';

/** What a throughput measurement reports, from a child process (ours) or a peer program's JSON line. */
export interface Throughput {
  /** What ran: library, version, runtime. */
  readonly implementation: string;
  /** Articles processed per pass. */
  readonly texts: number;
  /** marsad's word count over the same texts (word tokens of our tokeniser), or null for a peer until filled. */
  readonly words: number | null;
  /** The implementation's own unit count per pass (its tokens after its filters; ours: word tokens). */
  readonly ownTokens: number;
  /** Seconds of each timed pass (after warm-up), wall clock. */
  readonly passes: readonly number[];
  /**
   * CPU seconds the process used in each timed pass (all its threads, GC included), or null when the
   * implementation cannot tell. On a busy machine wall time includes waiting for the core; CPU time does not.
   */
  readonly cpuPasses: readonly number[] | null;
  /** Resident memory once the corpus (and any lexicon) is loaded, before the work, in MB. */
  readonly rssAfterLoadMb: number | null;
  /** Peak resident memory of the whole process (VmHWM), in MB. */
  readonly peakRssMb: number | null;
}

/** One row of a suite's table. */
export interface Row extends Throughput {
  readonly name: string;
  readonly role: Role;
  /** Median pass, in seconds. */
  readonly seconds: number;
  /** `words / seconds`; for a peer, our word count over the same texts (one definition for every row). */
  readonly wordsPerSecond: number | null;
  /** `words / median CPU seconds of a pass`. */
  readonly wordsPerCpuSecond: number | null;
  readonly note?: string;
}

/** What the runner hands an in-process measurement running inside its child process. */
export interface MeasureContext {
  readonly dataDir: string;
  readonly repoRoot: string;
  /** A folder this run owns, to pass files between jobs (a word list for a peer). */
  readonly scratchDir: string;
  readonly limit: number | undefined;
  /** `--db FILE`: a corpus database a suite may reuse (or build there and keep). */
  readonly db?: string | undefined;
  readonly warmup: number;
  readonly repeat: number;
  readonly log: (line: string) => void;
}

/** A measurement's output: a throughput row, or named numbers (a suite such as NER reports its own). */
export type MeasureOutput = { readonly kind: 'throughput'; readonly result: Throughput } | { readonly kind: 'metrics'; readonly values: Record<string, number> };

/** One step of a suite, run in its own process pinned to one core. */
export type Job =
  | { readonly kind: 'measure'; readonly name: string; readonly role: Role; readonly measure: string }
  | {
      readonly kind: 'exec';
      readonly name: string;
      readonly role: Role;
      /** The command, or why it cannot run now (asked just before running, so it may use earlier jobs' files). */
      readonly command: () => { readonly argv: readonly string[] } | { readonly skip: string };
    }
  | { readonly kind: 'skip'; readonly name: string; readonly role: Role; readonly reason: string }
  | { readonly kind: 'reference'; readonly name: string; readonly wordsPerSecond: number; readonly note: string };

/** A floor a row must reach, from the acceptance. */
export interface Target {
  readonly row: string;
  readonly minWordsPerSecond: number;
}

/** What the parent gives a suite to plan its jobs. */
export interface PlanContext extends MeasureContext {
  readonly texts: readonly string[];
}

/** A benchmark suite: planned in the parent, its measurements run in child processes. */
export interface Suite {
  readonly description: string;
  readonly plan: (ctx: PlanContext) => Promise<readonly Job[]>;
  readonly measures: Readonly<Record<string, (ctx: MeasureContext) => Promise<MeasureOutput>>>;
  readonly targets: readonly Target[];
  /** Runs unpinned, on every core: for measurements of marsad's own parallelism (ingest with workers). */
  readonly allCores?: boolean;
}

/**
 * Runs `pass` `warmup` times untimed, then `repeat` (at least one) times timed; returns each timed pass's
 * wall and CPU seconds and the last pass's value.
 */
export function timePasses<T>(pass: () => T, warmup: number, repeat: number): { passes: number[]; cpuPasses: number[]; last: T } {
  for (let i = 0; i < warmup; i++) pass();
  const passes: number[] = [];
  const cpuPasses: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < Math.max(1, repeat); i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    last = pass();
    passes.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuPasses.push((cpu.user + cpu.system) / 1e6);
  }
  return { passes, cpuPasses, last: last as T };
}

/** The median of non-empty `values`. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th quantile (0–1) of ascending values, nearest-rank; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A field of /proc/self/status in kB (VmRSS now, VmHWM peak), or null off Linux. */
export function readStatusKb(field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    // Not Linux: no /proc. Peak falls back to getrusage below; "RSS now" is then unknown.
    return null;
  }
}

/** Current resident memory in MB. */
export function rssNowMb(): number | null {
  const kb = readStatusKb('VmRSS');
  return kb === null ? process.memoryUsage().rss / 1024 / 1024 : kb / 1024;
}

/** Peak resident memory of this process in MB (VmHWM, else getrusage's maxRSS). */
export function peakRssMb(): number {
  return (readStatusKb('VmHWM') ?? process.resourceUsage().maxRSS) / 1024;
}

/** Turns a throughput into a table row: median seconds and words per second. */
export function toRow(name: string, role: Role, result: Throughput, words: number | null, note?: string): Row {
  const seconds = median(result.passes);
  const cpuSeconds = result.cpuPasses === null ? Number.NaN : median(result.cpuPasses);
  const counted = result.words ?? words;
  return {
    ...result,
    name,
    role,
    words: counted,
    seconds,
    wordsPerSecond: counted === null || !(seconds > 0) ? null : counted / seconds,
    wordsPerCpuSecond: counted === null || !(cpuSeconds > 0) ? null : counted / cpuSeconds,
    ...(note === undefined ? {} : { note }),
  };
}

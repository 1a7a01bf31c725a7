// A suite's report from its jobs' outcomes: rows on one word count, ratios to peers, targets, the printed table.
import { toRow, type Row, type Suite, type Throughput } from './measure.js';

/** What became of one job. */
export type JobOutcome =
  | { readonly kind: 'throughput'; readonly name: string; readonly role: Row['role']; readonly result: Throughput }
  | { readonly kind: 'metrics'; readonly name: string; readonly values: Record<string, number> }
  | { readonly kind: 'skipped'; readonly name: string; readonly role: Row['role']; readonly reason: string }
  | { readonly kind: 'reference'; readonly name: string; readonly wordsPerSecond: number; readonly note: string };

/** One suite's report: rows, marsad-to-peer ratios, targets met or missed, and any named metrics. */
export interface SuiteReport {
  readonly description: string;
  readonly rows: readonly Row[];
  readonly skipped: readonly { name: string; reason: string }[];
  readonly references: readonly { name: string; wordsPerSecond: number; note: string }[];
  /** marsad words/s ÷ peer words/s on wall-clock medians, and on CPU time where both rows have it. */
  readonly ratios: readonly { ours: string; peer: string; ratio: number; cpuRatio: number | null }[];
  /** `met` judges the wall-clock median; `metOnCpu` the CPU-time one, which a busy machine does not slow. */
  readonly targets: readonly {
    row: string;
    minWordsPerSecond: number;
    wordsPerSecond: number | null;
    wordsPerCpuSecond: number | null;
    met: boolean;
    metOnCpu: boolean;
  }[];
  readonly metrics: Record<string, Record<string, number>>;
}

/** Builds a suite's report; a peer's words/s divides marsad's word count over the same texts by its time. */
export function buildReport(suite: Suite, outcomes: readonly JobOutcome[]): SuiteReport {
  const throughputs = outcomes.filter((o) => o.kind === 'throughput');
  // Every row's words/s uses marsad's word count over the same texts: peers' own token counts differ
  // (Lucene drops stop words), and dividing each by its own count would compare different units.
  const ourWords = throughputs.find((o) => o.role === 'ours' && o.result.words !== null)?.result.words ?? null;
  const rows = throughputs.map((o) =>
    o.role === 'ours' || ourWords !== null
      ? toRow(o.name, o.role, o.result, ourWords)
      : toRow(o.name, o.role, o.result, o.result.ownTokens, 'words/s from its own token count: no marsad row ran'),
  );
  const references = outcomes.filter((o) => o.kind === 'reference');
  const ratios: { ours: string; peer: string; ratio: number; cpuRatio: number | null }[] = [];
  for (const ours of rows.filter((r) => r.role === 'ours')) {
    if (ours.wordsPerSecond === null) continue;
    for (const peer of rows.filter((r) => r.role !== 'ours')) {
      if (peer.wordsPerSecond === null) continue;
      const cpuRatio = ours.wordsPerCpuSecond === null || peer.wordsPerCpuSecond === null ? null : ours.wordsPerCpuSecond / peer.wordsPerCpuSecond;
      ratios.push({ ours: ours.name, peer: peer.name, ratio: ours.wordsPerSecond / peer.wordsPerSecond, cpuRatio });
    }
    // A reference figure is words per wall-clock second of a run elsewhere: no CPU-time ratio.
    for (const ref of references) ratios.push({ ours: ours.name, peer: ref.name, ratio: ours.wordsPerSecond / ref.wordsPerSecond, cpuRatio: null });
  }
  const targets = suite.targets.map((t) => {
    const row = rows.find((r) => r.name === t.row);
    const wps = row?.wordsPerSecond ?? null;
    const cpu = row?.wordsPerCpuSecond ?? null;
    return { ...t, wordsPerSecond: wps, wordsPerCpuSecond: cpu, met: wps !== null && wps >= t.minWordsPerSecond, metOnCpu: cpu !== null && cpu >= t.minWordsPerSecond };
  });
  const metrics: Record<string, Record<string, number>> = {};
  for (const o of outcomes) if (o.kind === 'metrics') metrics[o.name] = o.values;
  return {
    description: suite.description,
    rows,
    skipped: outcomes.filter((o) => o.kind === 'skipped').map(({ name, reason }) => ({ name, reason })),
    references: references.map(({ name, wordsPerSecond, note }) => ({ name, wordsPerSecond, note })),
    ratios,
    targets,
    metrics,
  };
}

const fmtInt = (n: number | null): string => (n === null ? '-' : Math.round(n).toLocaleString('en-US'));
const fmtMetric = (n: number): string => (Number.isInteger(n) || Math.abs(n) >= 100 ? fmtInt(n) : n.toFixed(2));
const fmtFixed = (n: number | null, digits: number): string => (n === null || Number.isNaN(n) ? '-' : n.toFixed(digits));

function table(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** (slowest − fastest pass) / median, in percent: a large spread means the machine was busy, rerun. */
function spread(passes: readonly number[], medianSeconds: number): number | null {
  return passes.length < 2 || !(medianSeconds > 0) ? null : ((Math.max(...passes) - Math.min(...passes)) / medianSeconds) * 100;
}

/** The report as plain-text lines: the table, references, skipped rows, the ratio matrix, the targets. */
export function formatReport(name: string, r: SuiteReport): string[] {
  const lines: string[] = [];
  const out = (line: string): void => {
    lines.push(line);
  };
  out(`\n== ${name}: ${r.description}`);
  if (r.rows.length > 0) {
    out(
      table(
        ['name', 'words', 'own tokens', 'seconds', 'spread %', 'words/s', 'best words/s', 'words/CPU-s', 'RSS loaded MB', 'peak RSS MB'],
        r.rows.map((row) => [
          row.name,
          fmtInt(row.words),
          fmtInt(row.ownTokens),
          fmtFixed(row.seconds, 3),
          fmtFixed(spread(row.passes, row.seconds), 0),
          fmtInt(row.wordsPerSecond),
          fmtInt(row.words === null ? null : row.words / Math.min(...row.passes)),
          fmtInt(row.wordsPerCpuSecond),
          fmtFixed(row.rssAfterLoadMb, 0),
          fmtFixed(row.peakRssMb, 0),
        ]),
      ),
    );
  }
  for (const ref of r.references) out(`reference  ${ref.name}: ${fmtInt(ref.wordsPerSecond)} words/s (${ref.note})`);
  for (const s of r.skipped) out(`skipped    ${s.name}: ${s.reason}`);
  if (r.ratios.length > 0) {
    out('\nratio of marsad words/s to each peer (> 1: marsad faster), wall-clock median | CPU time');
    const ours = [...new Set(r.ratios.map((x) => x.ours))];
    const peers = [...new Set(r.ratios.map((x) => x.peer))];
    const cell = (o: string, p: string): string => {
      const found = r.ratios.find((x) => x.ours === o && x.peer === p);
      return found === undefined ? '-' : `${fmtFixed(found.ratio, 2)} | ${fmtFixed(found.cpuRatio, 2)}`;
    };
    out(table(['peer', ...ours], peers.map((p) => [p, ...ours.map((o) => cell(o, p))])));
  }
  for (const t of r.targets) {
    const verdict =
      t.wordsPerSecond === null ? 'NOT MEASURED' : t.met ? 'met' : t.metOnCpu ? 'MISSED on wall clock, met on CPU time (a busy machine? see the load average)' : 'MISSED';
    out(`target     ${t.row} ≥ ${fmtInt(t.minWordsPerSecond)} words/s: ${verdict} (median ${fmtInt(t.wordsPerSecond)}; per CPU-s ${fmtInt(t.wordsPerCpuSecond)})`);
  }
  for (const [metricsName, values] of Object.entries(r.metrics)) {
    out('');
    const entries = Object.entries(values);
    out(entries.length === 0 ? `${metricsName}: no numbers (it says why in its log above)` : table([metricsName, 'value'], entries.map(([k, v]) => [k, fmtMetric(v)])));
  }
  return lines;
}

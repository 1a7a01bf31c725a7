// The end-to-end bench: `marsad analyze`'s whole pipeline (clean → sentences → times → NER → link → quotes →
// events) over the shared news corpus on one core: articles/s, words/s, per-stage share, load time, memory,
// and the cost of linking measured side by side (the same articles with and without the link stage).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, isWordToken } from '../../src/arabic/tokenize.js';
import { createAnalyzer } from '../../src/engine/analyzer.js';
import { loadAnalyzerResources } from '../../src/engine/resources.js';
import { cleanArticle, isRecordError, parseJsonl, type RawArticle } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/analysis.js';
import { findCorpusFiles } from '../corpus.js';
import { peakRssMb } from '../measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function runAnalyzeBench(options: { dataDir: string; log: (line: string) => void; limit?: number }): Promise<Record<string, number>> {
  const { log } = options;
  const files = findCorpusFiles(options.dataDir);
  if (files === null || files.length === 0) {
    log(`analyze bench: no corpus under ${options.dataDir}/news. Skipping.`);
    return {};
  }
  const raws = files.flatMap((f) => parseJsonl(readFileSync(f, 'utf8'), f)).filter((r): r is RawArticle => !isRecordError(r));
  const limited = options.limit === undefined ? raws : raws.slice(0, options.limit);

  const t0 = performance.now();
  const articles: Article[] = limited.map((raw) => cleanArticle(raw));
  const cleanMs = performance.now() - t0;
  let words = 0;
  for (const a of articles) for (const t of tokenize(a.text)) if (isWordToken(t)) words++;

  const loadStart = performance.now();
  const resources = await loadAnalyzerResources(join(ROOT, 'resources'));
  const loadMs = performance.now() - loadStart;
  const full = createAnalyzer(resources, { timings: true });
  const unlinked = createAnalyzer({ ...resources, kb: null });

  // Warm-up: the JIT and the segmenter's memo see the first 300 articles before timing.
  for (const a of articles.slice(0, 300)) full.analyze(a);
  const stageMs: Record<string, number> = {};
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (const a of articles) {
    const { analysis, errors: e } = full.analyze(a);
    errors += e.length;
    for (const [stage, ms] of Object.entries(analysis.timings ?? {})) stageMs[stage] = (stageMs[stage] ?? 0) + ms;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  // Without linking, over the same articles, right after: the ratio is the cost of the link stage.
  const startUnlinked = performance.now();
  for (const a of articles) unlinked.analyze(a);
  const secondsUnlinked = (performance.now() - startUnlinked) / 1000;

  const result: Record<string, number> = {
    articles: articles.length,
    words,
    resourcesLoadMs: loadMs,
    cleanMsPerArticle: cleanMs / articles.length,
    seconds,
    articlesPerSecond: articles.length / seconds,
    articlesPerCpuSecond: articles.length / cpuSeconds,
    wordsPerSecond: words / seconds,
    stageErrors: errors,
    linkOverheadPercent: ((seconds - secondsUnlinked) / secondsUnlinked) * 100,
    peakRssMb: peakRssMb() ?? Number.NaN,
  };
  const total = Object.values(stageMs).reduce((a, b) => a + b, 0);
  for (const [stage, ms] of Object.entries(stageMs)) result[`share.${stage}`] = (ms / total) * 100;
  log(
    `analyze: ${articles.length} articles, ${words} words in ${seconds.toFixed(1)} s = ${result.articlesPerSecond!.toFixed(0)} articles/s ` +
      `(${result.articlesPerCpuSecond!.toFixed(0)} per CPU-second), ${Math.round(result.wordsPerSecond!)} words/s; resources load ${loadMs.toFixed(0)} ms; ` +
      `linking +${result.linkOverheadPercent!.toFixed(1)}%; stage errors ${errors}; peak RSS ${result.peakRssMb!.toFixed(0)} MB`,
  );
  log(`analyze: time by stage: ${Object.entries(stageMs).map(([s, ms]) => `${s} ${((ms / total) * 100).toFixed(1)}%`).join(', ')}`);
  return result;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? join(ROOT, '../shared/data'));
  const i = process.argv.indexOf('--limit');
  await runAnalyzeBench({ dataDir, log: (line) => process.stdout.write(line + '\n'), ...(i >= 0 ? { limit: Number(process.argv[i + 1]) } : {}) });
}

// `npm run eval -- stories`: duplicate folding and incremental story clustering on fixtures/stories (B-cubed),
// and, when ../shared/data/news is present, how the 6 Aug 2015 Abha mosque bombing clusters in SaudiNewsNet.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, type Analyzer } from '../src/engine/analyzer.js';
import { defaultResourcesDir, loadAnalyzerResources } from '../src/engine/resources.js';
import { cleanArticle, isRecordError, parseJsonlRecord } from '../src/ingest/index.js';
import type { Analysis } from '../src/model/analysis.js';
import {
  articleFeatures,
  createDuplicateIndex,
  createMemoryStoryIndex,
  createTermStats,
  documentKeys,
  duplicateText,
  minhashSignature,
  placeArticle,
  updateStory,
  type ClusterOptions,
} from '../src/stories/index.js';

export interface StoriesEvalOptions {
  dataDir: string;
  log: (line: string) => void;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/stories/articles.jsonl', import.meta.url));

/** One analysed article with the gold labels its input line carried (when it carried any). */
export interface Item {
  key: string;
  analysis: Analysis;
  gold?: string;
  goldDuplicateOf?: string;
  line: Record<string, unknown>;
}

interface Clustered {
  storyOf: Map<string, string>;
  duplicateOf: Map<string, string>;
  titles: Map<string, string | null>;
  ms: number;
}

/** Runs duplicate folding and clustering over items in publication order, exactly as a store would as they arrive. */
export function clusterItems(items: readonly Item[], options: ClusterOptions = {}): Clustered {
  const start = performance.now();
  const ordered = [...items].sort((a, b) => (a.analysis.article.published ?? '').localeCompare(b.analysis.article.published ?? ''));
  const stats = createTermStats();
  const dups = createDuplicateIndex();
  const stories = createMemoryStoryIndex(options);
  const storyOf = new Map<string, string>();
  const duplicateOf = new Map<string, string>();
  let next = 0;
  for (const item of ordered) {
    const a = item.analysis.article;
    const sig = minhashSignature(duplicateText(a.title, a.text));
    const dup = dups.findDuplicate(sig);
    dups.add(item.key, sig);
    if (dup) {
      // A reprint joins the story of the article it repeats and does not count again in the term statistics.
      duplicateOf.set(item.key, dup.articleId);
      const storyId = storyOf.get(dup.articleId) as string;
      const story = stories.get(storyId);
      if (story) stories.put(updateStory(story, articleFeatures(item.analysis, { stats })));
      storyOf.set(item.key, storyId);
      continue;
    }
    stats.addDocument(documentKeys(item.analysis));
    const features = articleFeatures(item.analysis, { stats });
    const placed = placeArticle(features, stories, () => `s${++next}`, options);
    stories.put(placed.story);
    storyOf.set(item.key, placed.story.id);
  }
  const titles = new Map(stories.all().map((s) => [s.id, s.title]));
  return { storyOf, duplicateOf, titles, ms: performance.now() - start };
}

/** B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items. */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): { p: number; r: number; f1: number } {
  const byPred = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const [k, c] of predicted) byPred.set(c, [...(byPred.get(c) ?? []), k]);
  for (const [k, c] of gold) byGold.set(c, [...(byGold.get(c) ?? []), k]);
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [k, g] of gold) {
    const c = predicted.get(k);
    if (c === undefined) continue;
    const cluster = byPred.get(c) ?? [];
    const klass = byGold.get(g) ?? [];
    const both = cluster.filter((x) => gold.get(x) === g).length;
    p += both / cluster.length;
    r += both / klass.length;
    n++;
  }
  p /= n || 1;
  r /= n || 1;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export function readItems(path: string, analyzer: Analyzer, keep: (line: Record<string, unknown>) => boolean = () => true): Item[] {
  const items: Item[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    const line = JSON.parse(text) as Record<string, unknown>;
    if (!keep(line)) return;
    const raw = parseJsonlRecord(text, i + 1, path);
    if (isRecordError(raw)) return;
    const analysis = analyzer.analyze(cleanArticle(raw)).analysis;
    items.push({
      key: String(line.id),
      analysis,
      line,
      ...(typeof line.story === 'string' ? { gold: line.story } : {}),
      ...(typeof line.duplicateOf === 'string' ? { goldDuplicateOf: line.duplicateOf } : {}),
    });
  });
  return items;
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

export async function runStoriesEval(options: StoriesEvalOptions): Promise<void> {
  const { log } = options;
  const t0 = performance.now();
  const resources = await loadAnalyzerResources(defaultResourcesDir());
  const analyzer = createAnalyzer(resources);
  log(`resources loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 1. The labelled fixtures.
  const t1 = performance.now();
  const items = readItems(FIXTURES, analyzer);
  log(`fixtures/stories: ${items.length} articles, ${new Set(items.map((i) => i.gold)).size} gold stories, analysed in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const result = clusterItems(items);
  const gold = new Map(items.map((i) => [i.key, i.gold as string]));
  const b = bcubed(result.storyOf, gold);
  log(`story clustering B-cubed: P ${pct(b.p)}  R ${pct(b.r)}  F1 ${pct(b.f1)}  (${new Set(result.storyOf.values()).size} predicted stories; clustering ${result.ms.toFixed(0)} ms)`);

  // Duplicates: a predicted fold is right when the gold marks the article a duplicate and the article it points to
  // is the gold original or another copy of it.
  const goldDup = new Map(items.filter((i) => i.goldDuplicateOf).map((i) => [i.key, i.goldDuplicateOf as string]));
  const rootOf = (k: string) => goldDup.get(k) ?? k;
  let tp = 0;
  for (const [k, target] of result.duplicateOf) if (goldDup.has(k) && rootOf(target) === rootOf(k)) tp++;
  const dp = result.duplicateOf.size ? tp / result.duplicateOf.size : 1;
  const dr = goldDup.size ? tp / goldDup.size : 1;
  log(`duplicate folding: P ${pct(dp)}  R ${pct(dr)}  (${result.duplicateOf.size} folded, ${goldDup.size} gold)`);
  for (const [k, target] of result.duplicateOf) if (!(goldDup.has(k) && rootOf(target) === rootOf(k))) log(`  false fold: ${k} → ${target}`);
  for (const k of goldDup.keys()) if (!result.duplicateOf.has(k)) log(`  missed fold: ${k} (of ${goldDup.get(k)})`);
  logErrors(items, result, log);

  // 2. The real corpus: the Abha mosque bombing in SaudiNewsNet.
  const news = join(options.dataDir, 'news', 'saudinewsnet-2015-08.jsonl');
  if (!existsSync(news)) {
    log(`${news} not found; skipping the Abha check.`);
    return;
  }
  const limit = Number(process.env.MARSAD_STORIES_LIMIT ?? 0);
  let seen = 0;
  const t2 = performance.now();
  const corpus = readItems(news, analyzer, () => limit === 0 || ++seen <= limit);
  const secs = (performance.now() - t2) / 1000;
  log(`saudinewsnet: ${corpus.length} articles analysed in ${secs.toFixed(0)} s (${(corpus.length / secs).toFixed(0)} articles/s)`);
  const real = clusterItems(corpus);
  log(`saudinewsnet: ${new Set(real.storyOf.values()).size} stories, ${real.duplicateOf.size} folded duplicates; clustering ${(real.ms / 1000).toFixed(1)} s`);
  const isAbha = (title: unknown) => typeof title === 'string' && title.includes('مسجد') && /عسير|أبها|الطوارئ/.test(title);
  const abha = corpus.filter((i) => isAbha(i.line.title));
  const sizes = new Map<string, number>();
  for (const i of abha) {
    const s = real.storyOf.get(i.key) as string;
    sizes.set(s, (sizes.get(s) ?? 0) + 1);
  }
  const ranked = [...sizes].sort((a, b) => b[1] - a[1]);
  const storySize = new Map<string, number>();
  for (const s of real.storyOf.values()) storySize.set(s, (storySize.get(s) ?? 0) + 1);
  log(`Abha mosque bombing: ${abha.length} titled articles over ${new Set(abha.map((i) => i.line.outlet)).size} outlets land in ${sizes.size} stories; the largest holds ${ranked[0]?.[1] ?? 0} (${pct((ranked[0]?.[1] ?? 0) / (abha.length || 1))}%)`);
  for (const [s, n] of ranked.slice(0, 8)) {
    const size = storySize.get(s) ?? 0;
    log(`  story ${s}: ${n} Abha-titled of ${size} articles (purity by title ${pct(n / size)}%) «${real.titles.get(s) ?? ''}»`);
  }
  // The biggest false merges: the largest stories, with what their members' titles are about.
  log('largest stories (check for false merges):');
  const members = new Map<string, Item[]>();
  for (const i of corpus) {
    const s = real.storyOf.get(i.key) as string;
    members.set(s, [...(members.get(s) ?? []), i]);
  }
  for (const [s, list] of [...members].sort((a, b) => b[1].length - a[1].length).slice(0, 10)) {
    const outlets = new Set(list.map((i) => i.line.outlet)).size;
    log(`  ${s}: ${list.length} articles, ${outlets} outlets «${real.titles.get(s) ?? ''}»`);
    for (const i of list.slice(0, 4)) log(`      · ${String(i.line.title ?? '').slice(0, 90)}`);
  }
}

function logErrors(items: readonly Item[], result: Clustered, log: (line: string) => void): void {
  // Which gold stories were split and which predicted stories merged different gold stories.
  const byGold = new Map<string, Set<string>>();
  const byPred = new Map<string, Set<string>>();
  for (const i of items) {
    const s = result.storyOf.get(i.key) as string;
    const g = i.gold as string;
    byGold.set(g, (byGold.get(g) ?? new Set()).add(s));
    byPred.set(s, (byPred.get(s) ?? new Set()).add(g));
  }
  for (const [g, s] of byGold) if (s.size > 1) log(`  split: ${g} → ${s.size} stories`);
  for (const [s, g] of byPred) if (g.size > 1) log(`  merged: ${[...g].join(' + ')} in ${s}`);
}

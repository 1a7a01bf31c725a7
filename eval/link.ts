// `npm run eval -- link`: entity linking and in-document clustering on the self-written gold set in fixtures/link/,
// gazetteer-only and (when the NER model is present) with NER, reported as precision/recall.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article, Entity } from '../src/model/analysis.js';
import { createAnalyzer } from '../src/engine/analyzer.js';
import { loadAnalyzerResources } from '../src/engine/resources.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/engine/stages/link/kb.js';
import { linkEntities } from '../src/engine/stages/link/linker.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface GoldArticle {
  id: string;
  /** `dev`: written and used while building the linker; `heldout`: scored once before any change for it. */
  split?: 'dev' | 'heldout';
  published: string | null;
  title?: string;
  text: string;
  entities: Array<{ id: string; type: string; mentions: string[] }>;
}

interface Span {
  field: 'title' | 'text';
  start: number;
  end: number;
}

interface GoldMention extends Span {
  entity: string;
  nominal: boolean;
}

interface SystemMention extends Span {
  entity: string;
}

const PROCLITIC = /[وفبلك]/u;
const LETTER = /[\p{L}\p{M}]/u;

/** Occurrences of `surface` as a whole word (a run of up to two proclitics may precede it). */
export function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    const after = text[i + surface.length];
    if (after && LETTER.test(after)) continue;
    let k = i - 1;
    let clitics = 0;
    while (k >= 0 && clitics < 2 && PROCLITIC.test(text[k]!) ) {
      k--;
      clitics++;
    }
    if (k >= 0 && LETTER.test(text[k]!)) continue;
    out.push(i);
  }
  return out;
}

/** Resolves the gold surfaces of an article to spans; throws when a surface is not in the text. */
export function goldMentions(article: GoldArticle): GoldMention[] {
  const out: GoldMention[] = [];
  for (const e of article.entities) {
    const mine: GoldMention[] = [];
    // Longer surfaces first, so «الجبير» inside «عادل الجبير» is not counted twice.
    const surfaces = [...e.mentions].sort((a, b) => b.length - a.length);
    for (let raw of surfaces) {
      const nominal = raw.startsWith('~');
      if (nominal) raw = raw.slice(1);
      let field: Span['field'] = 'text';
      if (raw.startsWith('title:')) {
        field = 'title';
        raw = raw.slice('title:'.length);
      }
      const hash = raw.lastIndexOf('#');
      const nth = hash > 0 ? Number(raw.slice(hash + 1)) : null;
      const surface = hash > 0 ? raw.slice(0, hash) : raw;
      const text = field === 'title' ? (article.title ?? '') : article.text;
      let starts = occurrences(text, surface);
      if (nth !== null) starts = starts.slice(nth, nth + 1);
      if (starts.length === 0) throw new Error(`gold ${article.id}: «${surface}» not found in ${field}`);
      for (const start of starts) {
        const end = start + surface.length;
        if (mine.some((m) => m.field === field && m.start <= start && m.end >= end)) continue;
        mine.push({ field, start, end, entity: e.id, nominal });
      }
    }
    out.push(...mine);
  }
  return out;
}

export interface LinkScores {
  goldMentions: number;
  systemMentions: number;
  detected: number;
  linkPrecision: number;
  linkRecall: number;
  nilAccuracy: number;
  nominalRecall: number;
  entityPrecision: number;
  entityRecall: number;
  b3Precision: number;
  b3Recall: number;
  errors: string[];
}

/** Scores system entities against gold for a set of articles. */
export function scoreLinking(items: ReadonlyArray<{ gold: GoldArticle; entities: readonly Entity[] }>): LinkScores {
  let goldCount = 0;
  let sysCount = 0;
  let detected = 0;
  let sysLinked = 0;
  let sysLinkedCorrect = 0;
  let goldKb = 0;
  let goldKbCorrect = 0;
  let goldNil = 0;
  let goldNilCorrect = 0;
  let nominals = 0;
  let nominalsFound = 0;
  let entGold = 0;
  let entSys = 0;
  let entBoth = 0;
  let b3p = 0;
  let b3r = 0;
  const errors: string[] = [];
  for (const { gold, entities } of items) {
    const golds = goldMentions(gold);
    const system: SystemMention[] = entities.flatMap((e) =>
      e.mentions.map((m) => ({ field: (m.field === 'title' ? 'title' : 'text') as Span['field'], start: m.start, end: m.end, entity: e.id })),
    );
    goldCount += golds.length;
    sysCount += system.length;
    const pairs = align(golds, system);
    const sysOf = new Map<GoldMention, SystemMention>();
    for (const [g, s] of pairs) sysOf.set(g, s);
    const matchedSystem = new Set(pairs.map(([, s]) => s));
    detected += pairs.length;
    const textOf = (m: Span) => (m.field === 'title' ? (gold.title ?? '') : gold.text).slice(m.start, m.end);
    for (const g of golds) {
      const s = sysOf.get(g);
      if (g.nominal) {
        nominals++;
        if (s) nominalsFound++;
      }
      if (g.entity.startsWith('nil:')) {
        goldNil++;
        if (s && s.entity.startsWith('nil:')) goldNilCorrect++;
        else if (s) errors.push(`${gold.id}: «${textOf(g)}» is NIL in gold, linked to ${s.entity}`);
      } else {
        goldKb++;
        if (s && s.entity === g.entity) goldKbCorrect++;
        else errors.push(`${gold.id}: «${textOf(g)}» should be ${g.entity}, got ${s ? s.entity : 'nothing'}`);
      }
    }
    for (const s of system) {
      if (s.entity.startsWith('nil:')) continue;
      sysLinked++;
      const g = pairs.find(([, x]) => x === s)?.[0];
      if (g && g.entity === s.entity) sysLinkedCorrect++;
      else if (!g && !matchedSystem.has(s)) errors.push(`${gold.id}: extra link «${textOf(s)}» → ${s.entity}`);
    }
    const goldIds = new Set(gold.entities.map((e) => e.id).filter((id) => !id.startsWith('nil:')));
    const sysIds = new Set(entities.map((e) => e.id).filter((id) => !id.startsWith('nil:')));
    entGold += goldIds.size;
    entSys += sysIds.size;
    for (const id of sysIds) if (goldIds.has(id)) entBoth++;
    // B-cubed over gold mentions: the system cluster of an unmatched mention is itself alone.
    const sysCluster = (g: GoldMention) => sysOf.get(g)?.entity ?? `unmatched:${g.field}:${g.start}`;
    for (const g of golds) {
      const sameGold = golds.filter((x) => x.entity === g.entity);
      const sameSys = golds.filter((x) => sysCluster(x) === sysCluster(g));
      const both = sameGold.filter((x) => sameSys.includes(x)).length;
      b3p += both / sameSys.length;
      b3r += both / sameGold.length;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    goldMentions: goldCount,
    systemMentions: sysCount,
    detected,
    linkPrecision: ratio(sysLinkedCorrect, sysLinked),
    linkRecall: ratio(goldKbCorrect, goldKb),
    nilAccuracy: ratio(goldNilCorrect, goldNil),
    nominalRecall: ratio(nominalsFound, nominals),
    entityPrecision: ratio(entBoth, entSys),
    entityRecall: ratio(entBoth, entGold),
    b3Precision: ratio(b3p, goldCount),
    b3Recall: ratio(b3r, goldCount),
    errors,
  };
}

/** One-to-one gold/system pairs by span overlap (Jaccard ≥ 0.5), best first. */
function align(golds: readonly GoldMention[], system: readonly SystemMention[]): Array<[GoldMention, SystemMention]> {
  const candidates: Array<[number, GoldMention, SystemMention]> = [];
  for (const g of golds) {
    for (const s of system) {
      if (s.field !== g.field) continue;
      const inter = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (inter <= 0) continue;
      const jaccard = inter / (Math.max(g.end, s.end) - Math.min(g.start, s.start));
      if (jaccard >= 0.5) candidates.push([jaccard, g, s]);
    }
  }
  candidates.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<GoldMention>();
  const usedS = new Set<SystemMention>();
  const out: Array<[GoldMention, SystemMention]> = [];
  for (const [, g, s] of candidates) {
    if (usedG.has(g) || usedS.has(s)) continue;
    usedG.add(g);
    usedS.add(s);
    out.push([g, s]);
  }
  return out;
}

export function loadGoldArticles(path = join(ROOT, 'fixtures', 'link', 'articles.json')): GoldArticle[] {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldArticle[];
}

export function toArticle(gold: GoldArticle): Article {
  return {
    id: gold.id,
    sourceId: null,
    outlet: null,
    author: null,
    url: null,
    published: gold.published,
    title: gold.title ?? null,
    caption: null,
    photoCredit: null,
    language: 'ar',
    text: gold.text,
    paragraphs: [{ start: 0, end: gold.text.length }],
    removed: [],
  };
}

function report(name: string, s: LinkScores, log: (line: string) => void): void {
  const pct = (x: number) => (100 * x).toFixed(1);
  log(`${name}: gold mentions ${s.goldMentions}, system mentions ${s.systemMentions}, aligned ${s.detected}`);
  log(`  linking (mentions): precision ${pct(s.linkPrecision)}  recall ${pct(s.linkRecall)}   NIL mentions found and left NIL ${pct(s.nilAccuracy)}   nominal mentions found ${pct(s.nominalRecall)}`);
  log(`  linking (entities per article): precision ${pct(s.entityPrecision)}  recall ${pct(s.entityRecall)}`);
  log(`  clustering (B³ over gold mentions): precision ${pct(s.b3Precision)}  recall ${pct(s.b3Recall)}`);
}

/**
 * Linking's cost next to the analyser's (sentences, times, NER) on news articles, CPU time, warm: the issue
 * allows linking at most 30% on top of `marsad analyze`. Reads up to 600 articles of ../shared/data/news.
 */
function timeOnNews(dataDir: string, analyzer: ReturnType<typeof createAnalyzer>, kb: KnowledgeBase, log: (line: string) => void): void {
  const newsDir = join(dataDir, 'news');
  if (!existsSync(newsDir)) {
    log(`timing: ${newsDir} not found; skipped`);
    return;
  }
  const lines = readdirSync(newsDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(newsDir, f), 'utf8').split('\n').filter(Boolean));
  const n = Math.min(600, lines.length);
  const step = Math.max(1, Math.floor(lines.length / n));
  const articles: Article[] = [];
  for (let k = 0; k < n; k++) {
    const record = JSON.parse(lines[k * step]!) as { id?: string; title?: string; text?: string; date?: string };
    const text = record.text ?? '';
    if (!text) continue;
    articles.push({ ...toArticle({ id: record.id ?? String(k), published: record.date?.slice(0, 10) ?? null, text, entities: [] }), title: record.title ?? null });
  }
  const cpu = (f: () => void) => {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  const analyses = articles.map((a) => analyzer.analyze(a).analysis);
  for (const an of analyses) linkEntities(kb, an.article, an.entities); // warm-up
  let tA = 0;
  let tL = 0;
  for (let round = 0; round < 3; round++) {
    tA += cpu(() => {
      for (const a of articles) analyzer.analyze(a);
    });
    tL += cpu(() => {
      for (const an of analyses) linkEntities(kb, an.article, an.entities);
    });
  }
  const per = (t: number) => (t / 3 / articles.length).toFixed(2);
  log(`timing (${articles.length} news articles, CPU, warm, 3 rounds): analyser ${per(tA)} ms/article, linking ${per(tL)} ms/article = +${((100 * tL) / tA).toFixed(1)}%`);
}

export async function runLinkEval(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const t0 = performance.now();
  const kb: KnowledgeBase = loadKnowledgeBase(join(ROOT, 'resources', 'kb'));
  log(`knowledge base: ${kb.entries.size} entries loaded in ${Math.round(performance.now() - t0)} ms`);
  const golds = loadGoldArticles();
  const gazetteerOnly = golds.map((gold) => ({ gold, entities: linkEntities(kb, toArticle(gold), []) }));
  const s1 = scoreLinking(gazetteerOnly);
  report(`gazetteer only (no NER), all ${golds.length} articles`, s1, log);
  for (const split of ['dev', 'heldout'] as const) {
    const part = gazetteerOnly.filter((x) => (x.gold.split ?? 'dev') === split);
    if (part.length > 0) report(`gazetteer only, ${split} (${part.length} articles)`, scoreLinking(part), log);
  }
  let resources: Awaited<ReturnType<typeof loadAnalyzerResources>> = {};
  try {
    resources = await loadAnalyzerResources(join(ROOT, 'resources'));
  } catch (error) {
    log(`with NER: the NER model could not be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!resources.ner) {
    log('with NER: skipped (no usable NER model under resources/ner)');
    for (const e of s1.errors.slice(0, 40)) log(`  - ${e}`);
    return;
  }
  const analyzer = createAnalyzer(resources);
  const withNer = golds.map((gold) => {
    const { analysis } = analyzer.analyze(toArticle(gold));
    const entities = analyzer.stages.includes('link') ? analysis.entities : linkEntities(kb, analysis.article, analysis.entities);
    return { gold, entities };
  });
  timeOnNews(options.dataDir, analyzer, kb, log);
  const s2 = scoreLinking(withNer);
  report(`with NER, all ${golds.length} articles`, s2, log);
  for (const split of ['dev', 'heldout'] as const) {
    const part = withNer.filter((x) => (x.gold.split ?? 'dev') === split);
    if (part.length > 0) report(`with NER, ${split} (${part.length} articles)`, scoreLinking(part), log);
  }
  for (const e of s2.errors.slice(0, 40)) log(`  - ${e}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = resolve(process.env.MARSAD_DATA ?? '../shared/data');
  if (!existsSync(join(ROOT, 'fixtures', 'link', 'articles.json'))) process.stderr.write('fixtures/link/articles.json missing\n');
  await runLinkEval({ dataDir, log: (line) => process.stdout.write(line + '\n') });
}

// The bundled demo corpus (fixtures/demo) through the real store: what the demo UI relies on — stories that
// form, events on the map in the intended countries, quotes with channels, folded agency copies, name variants.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bcubed } from '../eval/stories.js';
import { defaultResourcesDir } from '../src/engine/resources.js';
import { ingestPaths, openStore, type IngestSummary, type StoredAnalysis, type Store } from '../src/store/index.js';

const CORPUS = fileURLToPath(new URL('../fixtures/demo/articles.jsonl', import.meta.url));

/** One corpus line: the fields the readers take plus the gold `story` and `duplicateOf` they ignore. */
interface DemoLine {
  id: string;
  story: string;
  duplicateOf?: string;
  outlet: string;
  outlet_name: string;
  url: string;
  author: string;
  published: string;
  title: string;
  text: string;
}

const lines: DemoLine[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as DemoLine);

describe('fixtures/demo/articles.jsonl', () => {
  it('has about 50 articles with unique ids and every field the demo shows', () => {
    expect(lines.length).toBeGreaterThanOrEqual(45);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    for (const l of lines) {
      for (const field of ['id', 'story', 'outlet', 'outlet_name', 'url', 'author', 'published', 'title', 'text'] as const) {
        expect(typeof l[field] === 'string' && l[field] !== '', `${l.id}.${field}`).toBe(true);
      }
      expect(l.published, l.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/u);
      expect(l.url, l.id).toMatch(/^https:\/\/example\.org\//u);
    }
  });

  it('keeps articles short (about 120–250 words) in paragraphs', () => {
    for (const l of lines) {
      const words = l.text.split(/\s+/u).length;
      expect(words, l.id).toBeGreaterThanOrEqual(100);
      expect(words, l.id).toBeLessThanOrEqual(260);
      expect(l.text.split('\n\n').length, l.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('names an original for each copy, from another outlet and in the same story', () => {
    const byId = new Map(lines.map((l) => [l.id, l]));
    const copies = lines.filter((l) => l.duplicateOf !== undefined);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    for (const c of copies) {
      const original = byId.get(c.duplicateOf as string);
      expect(original, c.id).toBeDefined();
      expect(original?.outlet).not.toBe(c.outlet);
      expect(original?.story).toBe(c.story);
    }
  });
});

describe('the demo corpus ingested', () => {
  let dir: string;
  let store: Store;
  let summary: IngestSummary;
  /** Stored analyses by the corpus line id they came from. */
  const stored = new Map<string, StoredAnalysis>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-demo-'));
    const resourcesDir = defaultResourcesDir();
    store = openStore(join(dir, 'demo.sqlite'), { resourcesDir });
    summary = await ingestPaths(store, [CORPUS], { resourcesDir, workers: 0 });
    for (const s of store.analyses()) stored.set(s.analysis.article.sourceId as string, s);
  });

  afterAll(() => {
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores every article with no failure and no stage error', () => {
    expect(summary.failed).toBe(0);
    expect(summary.stageErrors).toBe(0);
    expect(summary.ingested).toBe(lines.length);
    expect(stored.size).toBe(lines.length);
  });

  it('folds each agency copy into the article it repeats, and nothing else', () => {
    const copies = lines.filter((l) => l.duplicateOf !== undefined);
    expect(summary.duplicates).toBe(copies.length);
    for (const c of copies) {
      const original = stored.get(c.duplicateOf as string);
      expect(stored.get(c.id)?.duplicateOf, c.id).toBe(original?.analysis.article.id);
    }
  });

  it('forms at least six stories of three or more articles, none mixing two gold stories', () => {
    const goldOf = new Map<string, Set<string>>();
    for (const l of lines) {
      const storyId = stored.get(l.id)?.story?.id;
      expect(storyId, l.id).toBeDefined();
      const gold = goldOf.get(storyId as string) ?? new Set<string>();
      gold.add(l.story);
      goldOf.set(storyId as string, gold);
    }
    for (const [storyId, gold] of goldOf) expect([...gold], storyId).toHaveLength(1);
    const page = store.stories({ limit: 200 });
    const big = page.items.filter((s) => s.articleCount >= 3);
    expect(big.length).toBeGreaterThanOrEqual(6);
    for (const s of big) expect(Object.keys(s.outlets).length, s.id).toBeGreaterThanOrEqual(2);
  });

  it('keeps each gold story mostly together (B³ recall as in the stories eval, not split by ingest order)', () => {
    const predicted = new Map(lines.map((l) => [l.id, stored.get(l.id)?.story?.id ?? l.id]));
    const gold = new Map(lines.map((l) => [l.id, l.story]));
    const { p, r } = bcubed(predicted, gold);
    expect(p).toBe(1);
    expect(r).toBeGreaterThanOrEqual(0.75);
  });

  it('puts events on the map in the countries the stories happen in', () => {
    const countries = new Set(store.eventPlaces().map((p) => p.country));
    // Jordan, Sudan, Saudi Arabia (Jeddah talks), Yemen, Iraq, Somalia, Kazakhstan, Morocco, Tunisia, Qatar
    for (const c of ['JO', 'SD', 'SA', 'YE', 'IQ', 'SO', 'KZ', 'MA', 'TN', 'QA']) expect(countries, c).toContain(c);
    expect(countries.size).toBeGreaterThanOrEqual(8);
  });

  it('codes protests, violence, diplomacy, agreements and arrests, over more than two weeks', () => {
    const types = new Set(store.events({ limit: 1000 }).items.map((e) => e.type));
    for (const t of ['PROTEST', 'ASSAULT', 'CONSULT', 'AGREE', 'COERCE']) expect(types, t).toContain(t);
    expect(types.size).toBeGreaterThanOrEqual(5);
    const timeline = store.timeline();
    expect(timeline.days.length).toBeGreaterThanOrEqual(14);
    expect(timeline.days.filter((d) => d.total > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('finds direct and reported quotes with their channels and relaying agencies', () => {
    const quotes = [...stored.values()].flatMap((s) => s.analysis.quotes);
    const channels = new Set(quotes.map((q) => q.channel));
    for (const c of ['statement', 'press-conference', 'twitter', 'facebook', 'televised-address']) expect(channels, c).toContain(c);
    expect(quotes.some((q) => q.direct)).toBe(true);
    expect(quotes.some((q) => !q.direct)).toBe(true);
    expect(quotes.some((q) => q.via.length > 0)).toBe(true);
  });

  it('gathers variant spellings of one name on one entity page', () => {
    const kazakhstan = store.entity('iso:KZ');
    const variants = kazakhstan?.variants.map((v) => v.text) ?? [];
    expect(variants).toEqual(expect.arrayContaining(['كازاخستان', 'قازاقستان', 'كازخستان']));
    const [tokayev] = store.entities({ query: 'توكاييف', type: 'PER', limit: 1 }).items;
    expect(store.entity(tokayev?.id ?? '')?.variants.map((v) => v.text)).toEqual(expect.arrayContaining(['توكاييف', 'توكايف']));
  });
});

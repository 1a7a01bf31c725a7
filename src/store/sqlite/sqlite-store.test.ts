// The SQLite store end to end on hand-written articles: idempotent ingest, versions, duplicates, failures, search, filters, facets, export.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMarsadError } from '../../model/errors.js';
import { defaultResourcesDir } from '../../engine/resources.js';
import { createAnalysisPool, type AnalysisPool } from '../ingest-workers.js';
import { ingestPaths, openStore, type Store } from '../index.js';
import { TEST_RECORDS, testJsonl, type TestRecord } from '../test-articles.js';

const resourcesDir = defaultResourcesDir();
let dir: string;
let pool: AnalysisPool;
let store: Store;

const ingest = (s: Store, file: string, records: readonly TestRecord[] | string) => {
  writeFileSync(file, typeof records === 'string' ? records : testJsonl(records));
  return ingestPaths(s, [file], { resourcesDir, pool });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  pool = await createAnalysisPool({ resourcesDir, workers: 0 });
  store = openStore(join(dir, 'main.sqlite'), { resourcesDir });
  await ingest(store, join(dir, 'main.jsonl'), TEST_RECORDS);
});

afterAll(async () => {
  store.close();
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest into the store', () => {
  it('stores every article once, and a second run over the same file is a no-op', async () => {
    expect(store.stats().articles).toBe(TEST_RECORDS.length);
    const again = await ingestPaths(store, [join(dir, 'main.jsonl')], { resourcesDir, pool });
    expect(again.skippedFiles).toBe(1);
    expect(again.ingested).toBe(0);
    expect(store.stats().articles).toBe(TEST_RECORDS.length);
  });

  it('treats the same text from another file as present (content hash), not as a new article', async () => {
    const summary = await ingest(store, join(dir, 'copy.jsonl'), [{ ...TEST_RECORDS[0]!, id: 'copy-1' }]);
    expect([summary.ingested, summary.present]).toEqual([0, 1]);
    expect(store.hasSource(join(dir, 'copy.jsonl') + '#L1')).toBe(true);
  });

  it('makes a changed article at the same URL a new version linked to the old one', async () => {
    const changed = { ...TEST_RECORDS[4]!, id: 'v2', text: TEST_RECORDS[4]!.text + '\nوأعلنت الحكومة خطة جديدة لدعم الأسعار.' };
    const summary = await ingest(store, join(dir, 'v2.jsonl'), [changed]);
    expect([summary.ingested, summary.versions, summary.duplicates]).toEqual([1, 1, 0]);
    const [latest] = [...store.analyses({ query: 'خطة' })];
    const [first] = [...store.analyses({ query: 'النفط -خطة' })];
    expect(latest?.previousId).toBe(first?.analysis.article.id);
    expect(latest?.story?.id).toBe(first?.story?.id);
  });

  it('folds an agency copy with a new headline and one changed sentence as a near-duplicate, in the original story', async () => {
    const original = TEST_RECORDS[2]!;
    const copy = { ...original, id: 'dup', outlet: 'صحيفة أخرى', url: 'https://example.test/z/9', title: 'احتجاج في جدة على أسعار المياه', text: original.text.replace('بشكل سلمي', 'دون حوادث') };
    const summary = await ingest(store, join(dir, 'dup.jsonl'), [copy]);
    expect(summary.duplicates).toBe(1);
    const all = [...store.analyses({ filters: { outlet: ['صحيفة أخرى'] } })];
    expect(all).toHaveLength(1);
    const originalStored = [...store.analyses({ query: '"بشكل سلمي"' })][0]!;
    expect(all[0]!.duplicateOf).toBe(originalStored.analysis.article.id);
    expect(all[0]!.story?.id).toBe(originalStored.story?.id);
    // Search hides folded duplicates unless asked.
    expect(store.search({ query: 'حوادث' }).total).toBe(0);
    expect(store.search({ query: 'حوادث', filters: { duplicates: true } }).total).toBe(1);
  });

  it('records a failed record with its code and message, and skips it on the next run', async () => {
    const file = join(dir, 'bad.jsonl');
    const summary = await ingest(store, file, '{"title": "بلا نص"}\nnot json\n');
    expect(summary.failed).toBe(2);
    expect(store.failures().filter((f) => f.source.startsWith(file)).map((f) => f.code)).toEqual(['E_JSONL_RECORD', 'E_JSONL_RECORD']);
    writeFileSync(file, '{"title": "بلا نص"}\nnot json\n\n'); // touched: the file is read again, its records skipped
    const again = await ingestPaths(store, [file], { resourcesDir, pool });
    expect([again.failed, again.resumed]).toEqual([0, 2]);
  });

  it('tries failed records again with retryFailed, even in a file finished earlier', async () => {
    const file = join(dir, 'retry.jsonl');
    const first = await ingest(store, file, '{"title": "بلا نص"}\n');
    expect(first.failed).toBe(1);
    expect((await ingestPaths(store, [file], { resourcesDir, pool })).skippedFiles).toBe(1);
    // The record is still bad: tried again, failed again, recorded again; nothing else of the store is touched.
    const retry = await ingestPaths(store, [file], { resourcesDir, pool, retryFailed: true });
    expect([retry.skippedFiles, retry.failed]).toEqual([0, 1]);
    expect(store.failures().filter((f) => f.source.startsWith(file))).toHaveLength(1);
    expect(store.failures().some((f) => f.source.startsWith(join(dir, 'bad.jsonl')))).toBe(true);
  });
});

describe('search', () => {
  // The relevance test of issue 6: each variant of a word finds exactly the same documents.
  it.each([
    ['clitics', ['رئيس', 'الرئيس', 'والرئيس', 'للرئيس']],
    ['harakat', ['محمد', 'مُحَمَّد']],
    ['hamza and ta marbuta', ['أبها', 'ابها']],
    ['alef maksura', ['مستشفى', 'المستشفي', 'بالمستشفى']],
    ['ta marbuta as ha', ['مظاهرة', 'مظاهره', 'المظاهرة']],
  ])('%s: every variant finds the same documents', (_name, variants) => {
    const ids = variants.map((v) => store.search({ query: v, limit: 50, facets: false }).hits.map((h) => h.id).sort().join(','));
    expect(ids[0]).not.toBe('');
    expect(new Set(ids).size, JSON.stringify(ids)).toBe(1);
  });

  it('matches a phrase only in order', () => {
    expect(store.search({ query: '"أسعار المياه"' }).total).toBe(2);
    expect(store.search({ query: '"المياه أسعار"' }).total).toBe(0);
  });

  it('excludes and ORs', () => {
    const prices = store.search({ query: 'أسعار', limit: 50 }).total;
    const noOil = store.search({ query: 'أسعار -النفط', limit: 50 }).total;
    expect(noOil).toBeLessThan(prices);
    expect(store.search({ query: 'جدة OR أبها' }).total).toBe(store.search({ query: 'جدة' }).total + store.search({ query: 'أبها' }).total);
  });

  it('ranks a title match above a body-only match', () => {
    const hits = store.search({ query: 'مستشفى' }).hits;
    expect(hits[0]?.title).toContain('مستشفى');
  });

  it('highlights the original text, clitics and harakat included', () => {
    const hit = store.search({ query: 'محمد' }).hits[0]!;
    const h = hit.snippet!.highlights[0]!;
    expect(hit.snippet!.text.slice(h.start, h.end)).toBe('مُحَمَّد');
    expect(hit.title!.slice(hit.titleHighlights[0]!.start, hit.titleHighlights[0]!.end)).toBe('مُحَمَّد');
  });

  it('filters by outlet, date range, place name in a variant spelling, and event type', () => {
    expect(store.search({ query: 'أسعار', filters: { outlet: ['وكالة الأنباء'] } }).hits.every((h) => h.outlet === 'وكالة الأنباء')).toBe(true);
    const march6 = store.search({ filters: { from: '2024-03-06', to: '2024-03-06' } });
    expect(march6.hits.map((h) => h.published)).toEqual(['2024-03-06']);
    const jeddah = store.search({ query: 'أسعار', filters: { place: ['جده'] } });
    expect(jeddah.total).toBe(2);
    expect(jeddah.resolved['place:جده']).toEqual(['geonames:105343']);
    const types = store.search({ filters: { type: ['protest'] } });
    expect(types.hits.map((h) => h.title)).toContain('مظاهرة أمام مبنى البلدية في جدة');
  });

  it('counts facets over all matches', () => {
    const result = store.search({ query: 'أسعار', limit: 1 });
    expect(result.hits).toHaveLength(1);
    expect(result.facets!.outlet.reduce((n, f) => n + f.count, 0)).toBe(result.total);
    expect(result.facets!.entity.map((f) => f.label)).toContain('جدة');
    expect(result.facets!.day.length).toBeGreaterThan(0);
  });

  it('turns a query syntax error into E_QUERY, never an SQL error', () => {
    for (const q of ['"مفتوح', '(جدة', 'OR', '-جدة']) {
      let caught: unknown;
      try {
        store.search({ query: q });
      } catch (error) {
        caught = error;
      }
      expect(isMarsadError(caught) && caught.code === 'E_QUERY', q).toBe(true);
    }
    expect(() => store.search({ filters: { from: '5 March' } })).toThrow(/YYYY-MM-DD/u);
  });

  it('finds an entity typed in a variant spelling through the trigram index', () => {
    const matches = store.findEntities('محمد بن سلمن');
    expect(matches[0]?.id).toBe('marsad:per/mbs');
    expect(matches[0]?.similarity).toBeLessThan(1);
  });
});

describe('worker threads', () => {
  it('analyses in a worker thread and stores the same articles', async () => {
    const workerPool = await createAnalysisPool({ resourcesDir, workers: 1 });
    const s = openStore(join(dir, 'workers.sqlite'), { resourcesDir });
    try {
      writeFileSync(join(dir, 'w.jsonl'), testJsonl(TEST_RECORDS.slice(0, 2)));
      const summary = await ingestPaths(s, [join(dir, 'w.jsonl')], { resourcesDir, pool: workerPool });
      expect(summary.ingested).toBe(2);
      expect(s.search({ query: 'الرئيس' }).total).toBeGreaterThan(0);
    } finally {
      s.close();
      await workerPool.close();
    }
  });
});

// The HTTP API in process (app.inject) over a store ingested from hand-written articles: every endpoint's content,
// filters, paging, 404s, writes and tokens, the OpenAPI document, the static UI, and hostile input of every kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../engine/resources.js';
import { createAnalysisPool, ingestPaths, openStore, type AnalysisPool, type Store } from '../store/index.js';
import { TEST_RECORDS, testJsonl } from '../store/test-articles.js';
import { buildServer, registeredRoutes } from './app.js';
import { openApiPath } from './openapi.js';
import * as S from './schemas.js';
import { API_RECORDS, HOSTILE_TEXT } from './test-articles.js';

const resourcesDir = defaultResourcesDir();
const TOKEN = 'test-token-5b1f';
let dir: string;
let pool: AnalysisPool;
let store: Store;
let app: FastifyInstance;
let readOnlyApp: FastifyInstance;
/** Article ids by test record id. */
const ids: Record<string, string> = {};

const get = async (url: string, target: FastifyInstance = app) => {
  const res = await target.inject({ method: 'GET', url });
  return { status: res.statusCode, headers: res.headers, body: res.body, json: () => JSON.parse(res.body) as unknown };
};
/** GETs url, expects 200 and parses the body with the documented response schema. */
const getOk = async <T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> => {
  const res = await get(url);
  expect(res.status, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return schema.parse(res.json());
};
const expectError = (res: { status?: number; statusCode?: number; json: () => unknown }, status: number, code: string) => {
  expect(res.status ?? res.statusCode).toBe(status);
  expect(S.ErrorResponse.parse(res.json()).error.code).toBe(code);
};
const q = encodeURIComponent;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-api-'));
  pool = await createAnalysisPool({ resourcesDir, workers: 0 });
  store = openStore(join(dir, 'api.sqlite'), { resourcesDir });
  writeFileSync(join(dir, 'news.jsonl'), testJsonl(API_RECORDS));
  const summary = await ingestPaths(store, [join(dir, 'news.jsonl')], { resourcesDir, pool });
  expect([summary.ingested, summary.duplicates, summary.failed]).toEqual([API_RECORDS.length, 1, 0]);
  for (const stored of store.analyses()) ids[stored.analysis.article.sourceId as string] = stored.analysis.article.id;
  app = await buildServer({ store, resourcesDir, token: TOKEN, webRoot: null });
  readOnlyApp = await buildServer({ store, resourcesDir, webRoot: null });
});

afterAll(async () => {
  await app?.close();
  await readOnlyApp?.close();
  store?.close();
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports the version, whether writes are allowed, and the corpus counts', async () => {
    const health = await getOk('/api/health', S.HealthResponse);
    expect(health.readOnly).toBe(false);
    expect(health.stats.articles).toBe(API_RECORDS.length);
    expect(health.stats.duplicates).toBe(1);
    expect((await get('/api/health', readOnlyApp)).json()).toMatchObject({ readOnly: true });
  });
});

describe('GET /api/search', () => {
  it('finds the Jeddah articles with highlighted titles and snippets whose offsets point at the word', async () => {
    const result = await getOk(`/api/search?q=${q('جدة')}`, S.SearchResponse);
    expect(result.total).toBe(3); // the protest, the mayor's denial, the police statement; the agency copy is folded
    expect(new Set(result.hits.map((h) => h.id))).toEqual(new Set([ids['t3'], ids['t6'], ids['hostile']]));
    for (const hit of result.hits) {
      expect(hit.snippet).not.toBeNull();
      const marked = hit.snippet!.highlights.map((h) => hit.snippet!.text.slice(h.start, h.end));
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked) expect(word).toMatch(/جد[ةه]/u);
    }
    expect(result.facets?.outlet.map((f) => f.count).reduce((a, b) => a + b, 0)).toBe(3);
    expect(result.facets?.entity.find((f) => f.value === 'geonames:105343')).toMatchObject({ count: 3, label: 'جدة' });
    expect([result.limit, result.offset]).toEqual([20, 0]);
  });

  it('pages through the same ranking', async () => {
    const all = await getOk(`/api/search?q=${q('جدة')}&facets=false`, S.SearchResponse);
    const second = await getOk(`/api/search?q=${q('جدة')}&limit=1&offset=1&facets=false&snippets=false`, S.SearchResponse);
    expect(second.total).toBe(all.total);
    expect(second.hits.map((h) => h.id)).toEqual([all.hits[1]?.id]);
    expect(second.hits[0]?.snippet).toBeNull();
    expect(second.facets).toBeNull();
  });

  it('filters by outlet, event type, day range and duplicates, each list value OR-ed', async () => {
    const byOutlet = await getOk(`/api/search?outlet=${q('صحيفة الشرق')}&outlet=${q('وكالة الأنباء')}`, S.SearchResponse);
    expect(byOutlet.hits.map((h) => h.outlet).sort()).toEqual(['صحيفة الشرق', 'صحيفة الشرق', 'صحيفة الشرق', 'وكالة الأنباء', 'وكالة الأنباء']);
    const protests = await getOk('/api/search?type=PROTEST', S.SearchResponse);
    expect(protests.hits.map((h) => h.id).sort()).toEqual([ids['t3'], ids['hostile']].sort());
    const days = await getOk('/api/search?from=2024-03-05&to=2024-03-06', S.SearchResponse);
    expect(days.hits.map((h) => h.published?.slice(0, 10)).sort()).toEqual(['2024-03-05', '2024-03-06']);
    const withCopies = await getOk('/api/search?from=2024-03-05&to=2024-03-06&duplicates=true', S.SearchResponse);
    expect(withCopies.hits.find((h) => h.id === ids['copy'])?.duplicateOf).toBe(ids['t3']);
  });
});

describe('GET /api/articles', () => {
  it('lists articles newest first without duplicates, and with them when asked', async () => {
    const list = await getOk('/api/articles', S.listOf(S.SearchHit));
    expect(list.total).toBe(API_RECORDS.length - 1);
    const dates = list.items.map((h) => h.published as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.items.every((h) => h.snippet === null)).toBe(true);
    expect((await getOk('/api/articles?duplicates=true', S.listOf(S.SearchHit))).total).toBe(API_RECORDS.length);
    const page = await getOk('/api/articles?limit=2&offset=2', S.listOf(S.SearchHit));
    expect(page.items.map((h) => h.id)).toEqual(list.items.slice(2, 4).map((h) => h.id));
  });

  it('gives one article with its whole analysis, its story and its folded copy', async () => {
    const detail = await getOk(`/api/articles/${ids['t3']}`, S.ArticleResponse);
    expect(detail.analysis.article.text.split(/\n+/u)).toEqual(API_RECORDS[2]!.text.split('\n'));
    expect(detail.analysis.events.some((e) => e.type === 'PROTEST')).toBe(true);
    expect(detail.story?.id).toMatch(/^story:/u);
    expect(detail.duplicates).toEqual([{ id: ids['copy'], outlet: 'وكالة الخبر', title: 'احتجاج في جدة على أسعار المياه', published: '2024-03-05' }]);
    const copy = await getOk(`/api/articles/${ids['copy']}`, S.ArticleResponse);
    expect(copy.duplicateOf).toBe(ids['t3']);
    expect(copy.story?.id).toBe(detail.story?.id);
  });

  it('answers 404 for an unknown id and 400 for an id that is not one', async () => {
    expectError(await get('/api/articles/0123456789abcdef'), 404, 'E_NOT_FOUND');
    expectError(await get('/api/articles/not-an-id'), 400, 'E_BAD_REQUEST');
  });
});

describe('GET /api/entities', () => {
  it('lists the most mentioned entities first, by type', async () => {
    const list = await getOk('/api/entities?limit=50', S.listOf(S.EntityItem));
    const counts = list.items.map((e) => e.articleCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(list.items[0]).toMatchObject({ id: 'geonames:105343', name: { ar: 'جدة', en: 'Jeddah' } });
    const people = await getOk('/api/entities?type=PER', S.listOf(S.EntityItem));
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.items.every((e) => e.type === 'PER')).toBe(true);
  });

  it('finds an entity by a variant spelling, with the variant and its similarity', async () => {
    const found = await getOk(`/api/entities?q=${q('جده')}`, S.listOf(S.EntityItem));
    expect(found.items[0]).toMatchObject({ id: 'geonames:105343', similarity: 1 });
  });

  it('gives an entity page: spellings, days, co-occurring entities, quotes with offsets into the text, articles', async () => {
    const page = await getOk(`/api/entities/${q('marsad:per/king-salman')}`, S.EntityResponse);
    expect(page.entity).toMatchObject({ id: 'marsad:per/king-salman', type: 'PER', articleCount: 1 });
    expect(page.variants.map((v) => v.text)).toContain('الملك سلمان بن عبدالعزيز');
    expect(page.timeline).toEqual([{ day: '2024-03-08', count: 1 }]);
    expect(page.cooccurring.map((e) => e.id)).toEqual(expect.arrayContaining(['geonames:108410', 'iso:JO']));
    expect(page.quotes).toHaveLength(1);
    const quote = page.quotes[0]!;
    expect(quote.content.text).toBe('المملكة تقف إلى جانب الأردن في كل الظروف');
    const article = await getOk(`/api/articles/${quote.articleId}`, S.ArticleResponse);
    expect(article.analysis.article.text.slice(quote.content.start, quote.content.end)).toBe(quote.content.text);
    expect(page.articles.map((a) => a.id)).toEqual([ids['king']]);
    const city = await getOk(`/api/entities/${q('geonames:105343')}`, S.EntityResponse);
    expect(city.entity.geo).toMatchObject({ country: 'SA' });
    expect(city.timeline.map((d) => d.day)).toEqual(['2024-03-05', '2024-03-07', '2024-03-09']);
  });

  it('answers 404 for an unknown entity and 400 for a malformed id or type', async () => {
    expectError(await get(`/api/entities/${q('nil:ffffffffffff')}`), 404, 'E_NOT_FOUND');
    expectError(await get(`/api/entities/${q('../../etc/passwd')}`), 400, 'E_BAD_REQUEST');
    expectError(await get('/api/entities?type=PERSON'), 400, 'E_BAD_REQUEST');
  });
});

describe('GET /api/events, /api/events/geojson, /api/timeline', () => {
  it('lists events newest day first, with actors, place, size and evidence that quotes the article text', async () => {
    const list = await getOk('/api/events?limit=200', S.listOf(S.EventRow));
    expect(list.total).toBe(list.items.length);
    const days = list.items.map((e) => e.day as string);
    expect(days).toEqual([...days].sort().reverse());
    expect(list.items.some((e) => e.articleId === ids['copy'])).toBe(false);
    const consult = list.items.find((e) => e.articleId === ids['king'] && e.type === 'CONSULT');
    expect(consult?.actor).toEqual([{ entity: 'marsad:per/king-salman', text: 'خادم الحرمين الشريفين', name: 'سلمان بن عبد العزيز' }]);
    expect(consult?.location).toMatchObject({ entity: 'geonames:108410', name: 'الرياض', country: 'SA' });
    const article = await getOk(`/api/articles/${consult?.articleId}`, S.ArticleResponse);
    expect(consult?.evidence.text).toContain('استقبل خادم الحرمين الشريفين');
    expect(article.analysis.article.text.slice(consult!.evidence.start, consult!.evidence.end)).toBe(consult!.evidence.text);
    const page = await getOk('/api/events?limit=3&offset=3', S.listOf(S.EventRow));
    expect(page.items.map((e) => `${e.articleId}/${e.idx}`)).toEqual(list.items.slice(3, 6).map((e) => `${e.articleId}/${e.idx}`));
  });

  it('filters events by type, place name, actor and the event day', async () => {
    const protests = await getOk('/api/events?type=PROTEST', S.listOf(S.EventRow));
    expect(protests.total).toBeGreaterThan(0);
    expect(protests.items.every((e) => e.type === 'PROTEST')).toBe(true);
    const both = await getOk('/api/events?type=PROTEST,CONSULT', S.listOf(S.EventRow));
    expect(new Set(both.items.map((e) => e.type))).toEqual(new Set(['PROTEST', 'CONSULT']));
    const jeddah = await getOk(`/api/events?place=${q('جدة')}`, S.listOf(S.EventRow));
    expect(jeddah.total).toBeGreaterThan(0);
    expect(jeddah.items.every((e) => e.location?.entity === 'geonames:105343')).toBe(true);
    const king = await getOk(`/api/events?actor=${q('marsad:per/king-salman')}`, S.listOf(S.EventRow));
    expect(king.items.map((e) => e.type)).toEqual(['CONSULT']);
    const day = await getOk('/api/events?from=2024-03-05&to=2024-03-05', S.listOf(S.EventRow));
    expect(day.total).toBeGreaterThan(0);
    expect(day.items.every((e) => e.day === '2024-03-05')).toBe(true);
    const nobody = await getOk(`/api/events?actor=${q('شخص لا وجود له')}`, S.listOf(S.EventRow));
    expect(nobody.total).toBe(0);
  });

  it('maps events per geolocated place as GeoJSON points [lon, lat], counts matching the event list', async () => {
    const map = await getOk('/api/events/geojson', S.GeoJsonResponse);
    const jeddah = map.features.find((f) => f.properties.place === 'geonames:105343');
    expect(jeddah?.geometry.coordinates[0]).toBeCloseTo(39.19, 1);
    expect(jeddah?.geometry.coordinates[1]).toBeCloseTo(21.49, 1);
    const events = await getOk(`/api/events?place=${q('geonames:105343')}&limit=200`, S.listOf(S.EventRow));
    expect(jeddah?.properties.count).toBe(events.total);
    expect(Object.values(jeddah!.properties.types).reduce((a, b) => a + b, 0)).toBe(events.total);
    expect(jeddah?.properties.dominantType).toBe('PROTEST');
    const onlyConsult = await getOk('/api/events/geojson?type=CONSULT', S.GeoJsonResponse);
    expect(onlyConsult.features.every((f) => f.properties.dominantType === 'CONSULT')).toBe(true);
    expect(onlyConsult.features.some((f) => f.properties.place === 'geonames:105343')).toBe(false);
  });

  it('counts events per day by type over every day of the range, empty days included', async () => {
    const all = await getOk('/api/timeline', S.TimelineResponse);
    const events = await getOk('/api/events?limit=200', S.listOf(S.EventRow));
    expect(all.days.reduce((n, d) => n + d.total, 0)).toBe(events.total);
    expect(all.from).toBe(all.days[0]?.day);
    expect(all.to).toBe(all.days.at(-1)?.day);
    for (let i = 1; i < all.days.length; i++) {
      expect(Date.parse(all.days[i]!.day) - Date.parse(all.days[i - 1]!.day)).toBe(86_400_000);
    }
    for (const d of all.days) expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(d.total);
    const ranged = await getOk('/api/timeline?type=PROTEST&from=2024-02-28&to=2024-03-10', S.TimelineResponse);
    expect([ranged.from, ranged.to, ranged.days.length]).toEqual(['2024-02-28', '2024-03-10', 12]);
    expect(ranged.types).toEqual(['PROTEST']);
    expect(ranged.days.find((d) => d.day === '2024-02-28')).toEqual({ day: '2024-02-28', total: 0, counts: {} });
  });
});

describe('window=auto on /api/events/geojson and /api/timeline', () => {
  // The test articles of March 2024 plus the king's audience published half a year earlier: a far-off day that the
  // default window leaves out (the busiest 90 days hold the March news).
  let windowDir: string;
  let windowStore: Store;
  let windowApp: FastifyInstance;
  const early = { ...(API_RECORDS.find((r) => r.id === 'king') as (typeof API_RECORDS)[number]), date: '2023-09-10' };
  const getFrom = async <T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> => {
    const res = await windowApp.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return schema.parse(JSON.parse(res.body));
  };
  const eventsIn = (timeline: { days: Array<{ total: number }> }) => timeline.days.reduce((n, d) => n + d.total, 0);
  const placeEvents = (map: { features: Array<{ properties: { count: number } }> }) => map.features.reduce((n, f) => n + f.properties.count, 0);

  beforeAll(async () => {
    windowDir = mkdtempSync(join(tmpdir(), 'marsad-api-window-'));
    windowStore = openStore(join(windowDir, 'window.sqlite'), { resourcesDir });
    writeFileSync(join(windowDir, 'news.jsonl'), testJsonl([...TEST_RECORDS, early]));
    await ingestPaths(windowStore, [join(windowDir, 'news.jsonl')], { resourcesDir, pool });
    windowApp = await buildServer({ store: windowStore, resourcesDir, webRoot: null });
  });

  afterAll(async () => {
    await windowApp?.close();
    windowStore?.close();
    rmSync(windowDir, { recursive: true, force: true });
  });

  it('cuts the timeline to the busiest stretch and says which window it used', async () => {
    const whole = await getFrom('/api/timeline', S.WindowedTimelineResponse);
    expect(whole).not.toHaveProperty('window');
    expect(whole.from).toBe('2023-09-10');
    const far = whole.days.find((d) => d.day === '2023-09-10')?.total ?? 0;
    expect(far).toBeGreaterThan(0);
    const cut = await getFrom('/api/timeline?window=auto', S.WindowedTimelineResponse);
    expect(cut.window).toEqual({ rule: 'busiest', from: cut.from, to: cut.to, events: eventsIn(cut), total: eventsIn(whole), first: '2023-09-10', last: whole.to });
    expect(cut.from! >= '2024-03-01' && cut.to! <= '2024-03-31').toBe(true);
    expect(eventsIn(whole) - eventsIn(cut)).toBe(far);
    expect(cut.days).toEqual(whole.days.filter((d) => d.day >= cut.from! && d.day <= cut.to!));
    // The window is what an explicit range of the same days answers.
    const ranged = await getFrom(`/api/timeline?from=${cut.from}&to=${cut.to}`, S.WindowedTimelineResponse);
    expect(ranged.days).toEqual(cut.days);
  });

  it('answers the map for the same window in one request, as an explicit range would', async () => {
    const timeline = await getFrom('/api/timeline?window=auto', S.WindowedTimelineResponse);
    const window = timeline.window!;
    const map = await getFrom('/api/events/geojson?window=auto', S.GeoJsonResponse);
    expect(map.window).toEqual(window);
    const ranged = await getFrom(`/api/events/geojson?from=${window.from}&to=${window.to}`, S.GeoJsonResponse);
    expect(ranged).not.toHaveProperty('window');
    expect(map.features).toEqual(ranged.features);
    for (const f of map.features) expect(f.properties.firstDay! >= window.from && f.properties.lastDay! <= window.to).toBe(true);
    // The audience of September is in Riyadh: on the whole map, Riyadh's events start then; in the window, they do not.
    const all = await getFrom('/api/events/geojson', S.GeoJsonResponse);
    const riyadh = (m: typeof all) => m.features.find((f) => f.properties.place === 'geonames:108410')?.properties;
    expect(riyadh(all)?.firstDay).toBe('2023-09-10');
    expect(riyadh(map)?.count ?? 0).toBeLessThan(riyadh(all)!.count);
    expect(placeEvents(all)).toBeGreaterThan(placeEvents(map));
  });

  it('applies no window when from or to is given, and keeps the other filters', async () => {
    for (const range of ['from=2023-09-01', 'to=2024-03-06', 'from=2023-09-01&to=2024-03-31']) {
      const map = await getFrom(`/api/events/geojson?window=auto&${range}`, S.GeoJsonResponse);
      expect(map.window).toBeNull();
      expect(map.features).toEqual((await getFrom(`/api/events/geojson?${range}`, S.GeoJsonResponse)).features);
      const timeline = await getFrom(`/api/timeline?window=auto&${range}`, S.WindowedTimelineResponse);
      expect(timeline.window).toBeNull();
      expect(timeline.days).toEqual((await getFrom(`/api/timeline?${range}`, S.WindowedTimelineResponse)).days);
    }
    const consult = await getFrom('/api/events/geojson?window=auto&type=CONSULT', S.GeoJsonResponse);
    expect(consult.features.every((f) => f.properties.dominantType === 'CONSULT')).toBe(true);
  });

  it('applies no window when the events fit in it whole, or there are none', async () => {
    const map = await getOk('/api/events/geojson?window=auto', S.GeoJsonResponse);
    expect(map.window).toBeNull();
    expect(map.features).toEqual((await getOk('/api/events/geojson', S.GeoJsonResponse)).features);
    const timeline = await getOk('/api/timeline?window=auto', S.WindowedTimelineResponse);
    expect(timeline).toEqual({ ...(await getOk('/api/timeline', S.WindowedTimelineResponse)), window: null });
    const none = await getOk(`/api/events/geojson?window=auto&outlet=${q('لا أحد')}`, S.GeoJsonResponse);
    expect([none.window, none.features]).toEqual([null, []]);
  });
});

describe('GET /api/stories', () => {
  it('lists stories most recent first and finds them by an article query', async () => {
    const list = await getOk('/api/stories', S.listOf(S.StoryItem));
    expect(list.total).toBeGreaterThan(2);
    const last = list.items.map((s) => s.lastSeen as string);
    expect(last).toEqual([...last].sort().reverse());
    const oil = await getOk(`/api/stories?q=${q('النفط')}`, S.listOf(S.StoryItem));
    expect(oil.items.map((s) => s.title)).toEqual(['أسعار النفط ترتفع في الأسواق العالمية']);
  });

  it('gives a story with its articles oldest first (the folded copy included), entities, places and timeline', async () => {
    const article = await getOk(`/api/articles/${ids['t3']}`, S.ArticleResponse);
    const story = await getOk(`/api/stories/${q(article.story!.id)}`, S.StoryResponse);
    const articleIds = story.articles.map((a) => a.id);
    expect(articleIds).toEqual(expect.arrayContaining([ids['t3'], ids['copy']]));
    expect(story.story.articleCount).toBe(story.articles.length);
    const dates = story.articles.map((a) => a.published as string);
    expect(dates).toEqual([...dates].sort());
    expect(story.story.places[0]).toMatchObject({ id: 'geonames:105343', type: 'GPE' });
    expect(story.timeline.days.reduce((n, d) => n + d.total, 0)).toBe(
      (await getOk(`/api/events?story=${q(article.story!.id)}&limit=200`, S.listOf(S.EventRow))).total,
    );
  });

  it('answers 404 for an unknown story and 400 for a malformed id', async () => {
    expectError(await get(`/api/stories/${q('story:ffffffffffffffff')}`), 404, 'E_NOT_FOUND');
    expectError(await get(`/api/stories/${q('../story')}`), 400, 'E_BAD_REQUEST');
  });
});

describe('POST /api/analyze and POST /api/articles', () => {
  const article = { title: 'وقفة احتجاجية في عمّان', outlet: 'صحيفة الغد', published: '2024-04-02', text: 'نظم عشرات المعلمين وقفة احتجاجية أمام وزارة التربية في عمّان للمطالبة بزيادة الرواتب.\nوقال متحدث باسم المعلمين إن الوقفة ستتكرر الأسبوع المقبل.' };
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}, target = app) =>
    target.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });

  it('analyses a pasted article on a read-only server and stores nothing', async () => {
    const res = await post('/api/analyze', article, {}, readOnlyApp);
    expect(res.statusCode).toBe(200);
    const analysis = S.Analysis.parse(res.json());
    expect(analysis.article.title).toBe(article.title);
    expect(analysis.article.published).toBe('2024-04-02');
    expect(analysis.events.some((e) => e.type === 'PROTEST')).toBe(true);
    expect(store.hasArticle(analysis.article.id)).toBe(false);
  });

  it('reads an HTML page when format is html, keeping its text as text', async () => {
    const res = await post('/api/analyze', { format: 'html', text: '<html><head><title>خبر</title></head><body><article><p>زار وزير الصحة مستشفى في جدة صباح اليوم.</p><script>alert(1)</script></article></body></html>' });
    expect(res.statusCode).toBe(200);
    const analysis = S.Analysis.parse(res.json());
    expect(analysis.article.text).toContain('زار وزير الصحة مستشفى في جدة');
    expect(analysis.article.text).not.toContain('alert');
  });

  it('refuses a missing text, a bad date, broken JSON, another media type and a body over the limit', async () => {
    expectError(await post('/api/analyze', { title: 'بلا نص' }), 400, 'E_BAD_REQUEST');
    expectError(await post('/api/analyze', { text: '   ' }), 400, 'E_BAD_REQUEST');
    expectError(await post('/api/analyze', { ...article, published: 'يوم ما' }), 400, 'E_BAD_REQUEST');
    expectError(await post('/api/analyze', '{"text": "نص'), 400, 'E_BAD_REQUEST');
    expectError(await post('/api/analyze', 'text=abc', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'E_UNSUPPORTED');
    expectError(await post('/api/analyze', { text: 'ا'.repeat(1_100_000) }), 413, 'E_TOO_LARGE'); // 2.2 MB of UTF-8
    expect((await get('/api/health')).status).toBe(200);
  });

  it('stores an article only with the token: 403 read-only, 401 without or with a wrong token, 201 then 200', async () => {
    expectError(await post('/api/articles', article, {}, readOnlyApp), 403, 'E_READ_ONLY');
    expectError(await post('/api/articles', article), 401, 'E_UNAUTHORIZED');
    expectError(await post('/api/articles', article, { authorization: 'Bearer wrong' }), 401, 'E_UNAUTHORIZED');
    expectError(await post('/api/articles', article, { authorization: TOKEN }), 401, 'E_UNAUTHORIZED');
    const created = await post('/api/articles', article, { authorization: `Bearer ${TOKEN}` });
    expect(created.statusCode).toBe(201);
    const outcome = S.StoredResponse.parse(created.json());
    expect(outcome.status).toBe('ingested');
    const again = await post('/api/articles', article, { authorization: `Bearer ${TOKEN}` });
    expect(again.statusCode).toBe(200);
    expect(S.StoredResponse.parse(again.json()).status).toBe('present');
    const stored = await getOk(`/api/articles/${outcome.id}`, S.ArticleResponse);
    expect(stored.analysis.article.title).toBe(article.title);
    const found = await getOk(`/api/search?q=${q('المعلمين')}`, S.SearchResponse);
    expect(found.hits.map((h) => h.id)).toContain(outcome.id);
  });
});

describe('GET /api/export', () => {
  it('streams the events table as CSV with its header, one row per event', async () => {
    const res = await get('/api/export?format=csv&table=events&type=PROTEST&duplicates=false');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="marsad-events.csv"');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^article_id,event_index,/u);
    const protests = await getOk('/api/search?type=PROTEST&limit=200', S.SearchResponse);
    const articles = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect(articles).toEqual(new Set(protests.hits.map((h) => h.id)));
  });

  it('streams analyses as JSONL, folded duplicates included by default, and a BOM on request', async () => {
    const res = await get(`/api/export?q=${q('جدة')}`);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { article: { id: string }; duplicateOf?: string | null });
    expect(lines.map((l) => l.article.id).sort()).toEqual([ids['t3'], ids['t6'], ids['copy'], ids['hostile']].sort());
    expect((await get('/api/export?format=acled&bom=true')).body.startsWith('\uFEFF')).toBe(true);
  });

  it('refuses a bad query before the download starts', async () => {
    expectError(await get(`/api/export?q=${q('"مفتوح')}`), 400, 'E_BAD_REQUEST');
    expectError(await get('/api/export?format=jsonl&table=events'), 400, 'E_BAD_REQUEST');
    expectError(await get('/api/export?format=xlsx'), 400, 'E_BAD_REQUEST');
  });
});

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 and documents every registered API route, and nothing else', async () => {
    const doc = (await get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { responses: object; parameters?: Array<{ name: string }> }>> };
    expect(doc.openapi).toBe('3.1.0');
    const registered = registeredRoutes(app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(registered.length).toBeGreaterThanOrEqual(15);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(new Set(documented)).toEqual(new Set(registered.map((r) => `${r.method} ${openApiPath(r.url)}`)));
    expect(doc.paths['/api/events']?.['get']?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'type', 'place', 'actor', 'from', 'to', 'limit', 'offset']));
    expect(doc.paths['/api/articles']?.['post']?.responses).toHaveProperty('401');
    for (const path of ['/api/events/geojson', '/api/timeline']) expect(doc.paths[path]?.['get']?.parameters?.map((p) => p.name)).toContain('window');
    expect(doc.paths['/api/events']?.['get']?.parameters?.map((p) => p.name)).not.toContain('window');
  });
});

describe('hostile input', () => {
  it('returns HTML and script in article text as an inert JSON string, with nosniff and a CSP', async () => {
    const res = await get(`/api/articles/${ids['hostile']}`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const detail = S.ArticleResponse.parse(res.json());
    // Paragraphs are joined with a blank line; each is the text as written, markup and all.
    expect(detail.analysis.article.text.split(/\n+/u)).toEqual(HOSTILE_TEXT.split('\n'));
    expect(detail.analysis.article.title).toBe('بيان <i>عاجل</i> من شرطة جدة');
  });

  const malformed: Array<[string, string]> = [
    ['bad date', '/api/search?from=2024-13-01'],
    ['impossible date', '/api/events?to=2024-02-30'],
    ['reversed range', '/api/timeline?from=2024-03-10&to=2024-03-01'],
    ['unknown window', '/api/events/geojson?window=all'],
    ['repeated window', '/api/timeline?window=auto&window=auto'],
    ['negative limit', '/api/search?limit=-1'],
    ['zero limit', '/api/articles?limit=0'],
    ['limit too large', '/api/events?limit=201'],
    ['non-numeric limit', '/api/search?limit=abc'],
    ['huge offset', '/api/search?offset=100001'],
    ['unbalanced quote', `/api/search?q=${q('"جدة')}`],
    ['unbalanced paren', `/api/search?q=${q('(جدة OR الرياض')}`],
    ['stray paren', `/api/events?q=${q('جدة)')}`],
    ['only an exclusion', `/api/search?q=${q('-جدة')}`],
    ['NUL byte', '/api/search?q=%00'],
    ['NUL in a filter', '/api/events?outlet=a%00b'],
    ['10k-char q', `/api/search?q=${'ب'.repeat(10_000)}`],
    ['repeated scalar', '/api/search?limit=5&limit=6'],
    ['repeated q', '/api/search?q=a&q=b'],
    ['bad boolean', '/api/search?facets=yes'],
    ['bad story id', '/api/search?story=..%2F..'],
    ['too many values', `/api/search?${Array.from({ length: 25 }, () => 'outlet=x').join('&')}`],
    ['traversal in an article id', '/api/articles/..%2F..%2Fetc%2Fpasswd'],
    ['traversal in an entity id', '/api/entities/..%2F..%2Fetc%2Fpasswd'],
    ['traversal in a story id', '/api/stories/..%2F..%2Fetc%2Fpasswd'],
  ];
  it.each(malformed)('refuses %s with a 400 JSON error', async (_name, url) => {
    expectError(await get(url), 400, 'E_BAD_REQUEST');
  });

  it('handles odd but harmless input: broken percent-encoding, unknown parameters, a __proto__ key', async () => {
    expect((await get('/api/search?q=%E0%A4%A')).status).toBe(200);
    expect((await get('/api/search?q=x&unknown=1&__proto__=y')).status).toBe(200);
    expect((await get(`/api/search?q=${q('<script>alert(1)</script>')}`)).status).toBe(200);
  });

  it('answers unknown API paths with a JSON 404, and still serves after all of the above', async () => {
    expectError(await get('/api/nothing-here'), 404, 'E_NOT_FOUND');
    expectError(await get('/api'), 404, 'E_NOT_FOUND');
    expect((await get('/api/health')).status).toBe(200);
  });
});

describe('the web UI', () => {
  let web: FastifyInstance;
  let base: { host: string; port: number };
  /** A raw HTTP GET that sends the path exactly as written (no client-side «..» normalising). */
  const raw = (path: string) =>
    new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      // A fresh connection each time (agent: false), so one request's fate never falls on the next.
      const req = httpRequest({ host: base.host, port: base.port, path, method: 'GET', agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('error', reject);
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    const root = join(dir, 'site', 'dist');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><body><div id="root"></div><script src="/assets/app.js"></script></body></html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("marsad");');
    writeFileSync(join(root, '.env'), 'SECRET=dotfile');
    writeFileSync(join(dir, 'site', 'secret.txt'), 'SECRET=outside-root');
    web = await buildServer({ store, resourcesDir, webRoot: root });
    await web.listen({ host: '127.0.0.1', port: 0 });
    const address = web.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = { host: '127.0.0.1', port: address.port };
  });
  afterAll(async () => {
    await web?.close();
  });

  it('serves the app, its assets, and index.html for client routes, with the security headers', async () => {
    const home = await raw('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<div id="root">');
    expect(home.headers['content-security-policy']).toBe("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'");
    expect((await raw('/assets/app.js')).body).toContain('marsad');
    const route = await raw(`/article/${ids['t3']}`);
    expect([route.status, route.body.includes('<div id="root">')]).toEqual([200, true]);
    expect((await raw('/assets/missing.js')).status).toBe(404);
    expect((await raw('/api/health')).status).toBe(200);
  });

  it('refuses a 10k-character query over the wire (Node drops a request line over its header limit) and keeps serving', async () => {
    // 10,000 Arabic letters are 60 kB URL-encoded, over Node's 16 kB header limit: it answers 431 or hangs up.
    const res = await raw(`/api/search?q=${q('ب'.repeat(10_000))}`).catch((error: Error) => ({ status: 0, body: error.message, headers: {} }));
    expect([0, 400, 414, 431]).toContain(res.status);
    expect(res.body).not.toContain('"hits"');
    expect((await raw('/api/health')).status).toBe(200);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2fsecret.txt',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/.env',
    '/%2eenv',
  ])('never serves a file outside the UI folder or a dotfile: %s', async (path) => {
    const res = await raw(path);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('SECRET=');
    if (res.status === 200) expect(res.body).toContain('<div id="root">'); // a client route, answered by the app
    else expect([400, 403, 404]).toContain(res.status);
    expect((await raw('/api/health')).status).toBe(200);
  });
});

// Search over the SQLite store: FTS5 on our analysed terms, filters, facets, bm25 with title/lead weights and recency, snippets.
import type Database from 'better-sqlite3';
import { MarsadError } from '../../model/errors.js';
import { foldWord } from '../../arabic/normalize.js';
import { parseQuery, positiveTerms, toFtsMatch } from '../search/query.js';
import { buildSnippet, findHighlights } from '../search/snippet.js';
import { trigramsOf, trigramSimilarity } from '../search/trigrams.js';
import type { TextAnalyzer } from '../search/text-analyzer.js';
import type { EntityMatch, Facets, FacetCount, SearchFilters, SearchHit, SearchOptions, SearchResult } from '../types.js';

export interface Searcher {
  search(options: SearchOptions): SearchResult;
  findEntities(name: string, options?: { limit?: number; types?: readonly string[] }): EntityMatch[];
  /** Row ids of all matching articles in ingest order (for export). */
  matchingRowids(options: { query?: string; filters?: SearchFilters }): number[];
  /** The query and filters as conditions on `articles a` (the query as a rowid subquery), for queries joining other tables. */
  articleConditions(query: string | undefined, filters: SearchFilters): Where;
  /** Ids an entity filter value stands for (see SearchFilters.entity). */
  resolveEntity(value: string, types?: readonly string[]): string[];
}

/** bm25 column weights: a title match counts four times a body match, a lead match twice. */
const WEIGHT_TITLE = 4;
const WEIGHT_LEAD = 2;
const WEIGHT_BODY = 1;
/** Up to this much extra score for an article on the newest day, halving over RECENCY_DAYS. */
const RECENCY_BOOST = 0.3;
const RECENCY_DAYS = 30;
const FACET_SIZE = 10;
const PLACE_TYPES: readonly string[] = ['GPE', 'LOC', 'FAC'];
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** An entity id (`iso:KZ`, `geonames:123`, `nil:ab12`, `marsad:x`), as opposed to a name. */
const ENTITY_ID = /^[a-z][a-z0-9_-]*:\S+$/u;

export interface Where {
  sql: string[];
  params: unknown[];
  resolved: Record<string, string[]>;
}

export function createSearcher(db: Database.Database, analyzer: TextAnalyzer): Searcher {
  const exactVariants = db.prepare<[string], { id: string; variant: string; type: string; name: string; count: number }>(
    'SELECT e.id AS id, v.variant AS variant, e.type AS type, e.name_ar AS name, e.article_count AS count FROM entity_variants v JOIN entities e ON e.id = v.entity_id WHERE v.folded IN (SELECT value FROM json_each(?))',
  );
  const trigramCandidates = db.prepare<[string], { id: string; name: string }>('SELECT entity_id AS id, name FROM entity_names WHERE entity_names MATCH ? ORDER BY rank LIMIT 300');
  const entityInfo = db.prepare<[string], { type: string; name: string; count: number }>('SELECT type, name_ar AS name, article_count AS count FROM entities WHERE id = ?');
  const newestDay = db.prepare<[], string | null>('SELECT max(day) FROM articles').pluck();

  const findEntities = (name: string, options: { limit?: number; types?: readonly string[] } = {}): EntityMatch[] => {
    const limit = options.limit ?? 20;
    const typeOk = (type: string) => options.types === undefined || options.types.includes(type);
    const folded = foldWord(name.trim()).replace(/\s+/gu, ' ');
    if (folded === '') return [];
    // «الرياض» and «رياض» name the same place: try the folded name with and without the article.
    const forms = folded.startsWith('ال') ? [folded, folded.slice(2)] : [folded, 'ال' + folded];
    const out = new Map<string, EntityMatch>();
    for (const row of exactVariants.all(JSON.stringify(forms))) {
      if (!typeOk(row.type) || out.has(row.id)) continue;
      out.set(row.id, { id: row.id, type: row.type, name: row.name, variant: row.variant, similarity: 1, articleCount: row.count });
    }
    const grams = trigramsOf(folded);
    if (grams.size > 0) {
      const match = [...grams].map((g) => `"${g.replace(/"/gu, '""')}"`).join(' OR ');
      const best = new Map<string, { name: string; similarity: number }>();
      for (const row of trigramCandidates.all(match)) {
        const similarity = trigramSimilarity(grams, trigramsOf(row.name));
        const known = best.get(row.id);
        if (!known || similarity > known.similarity) best.set(row.id, { name: row.name, similarity });
      }
      for (const [id, { name: variant, similarity }] of best) {
        if (out.has(id) || similarity < 0.35) continue;
        const info = entityInfo.get(id);
        if (!info || !typeOk(info.type)) continue;
        out.set(id, { id, type: info.type, name: info.name, variant, similarity: Math.round(similarity * 1000) / 1000, articleCount: info.count });
      }
    }
    return [...out.values()].sort((a, b) => b.similarity - a.similarity || b.articleCount - a.articleCount || (a.id < b.id ? -1 : 1)).slice(0, limit);
  };

  /** Ids a filter value stands for: an id as given, else the exact spellings, else the closest trigram matches. */
  const resolveEntity = (value: string, types?: readonly string[]): string[] => {
    if (ENTITY_ID.test(value)) return [value];
    const matches = findEntities(value, { limit: 50, ...(types ? { types } : {}) });
    const exact = matches.filter((m) => m.similarity === 1);
    if (exact.length > 0) return exact.map((m) => m.id);
    const top = matches[0]?.similarity ?? 0;
    return matches.filter((m) => m.similarity >= Math.max(0.5, top - 0.05)).map((m) => m.id);
  };

  const buildWhere = (filters: SearchFilters = {}): Where => {
    const where: Where = { sql: [], params: [], resolved: {} };
    const list = (values: string[] | undefined) => (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
    const outlets = list(filters.outlet);
    if (outlets.length > 0) {
      where.sql.push(`a.outlet COLLATE NOCASE IN (${outlets.map(() => '?').join(', ')})`);
      where.params.push(...outlets);
    }
    for (const [key, bound] of [
      ['from', filters.from],
      ['to', filters.to],
    ] as const) {
      if (bound === undefined || bound === '') continue;
      if (!DAY.test(bound)) throw new MarsadError('E_QUERY', `Expected --${key} as a date YYYY-MM-DD, found «${bound}»`);
      where.sql.push(key === 'from' ? 'a.day >= ?' : 'a.day <= ?');
      where.params.push(bound);
    }
    const entityClause = (values: string[], types: readonly string[] | undefined, label: string) => {
      for (const value of values) {
        const ids = resolveEntity(value, types);
        where.resolved[`${label}:${value}`] = ids;
        if (ids.length === 0) {
          where.sql.push('0');
          continue;
        }
        where.sql.push(`a.rowid IN (SELECT article_rowid FROM article_entities WHERE entity_id IN (${ids.map(() => '?').join(', ')}))`);
        where.params.push(...ids);
      }
    };
    entityClause(list(filters.entity), undefined, 'entity');
    entityClause(list(filters.place), PLACE_TYPES, 'place');
    const types = list(filters.type).map((t) => t.toUpperCase());
    if (types.length > 0) {
      where.sql.push(`a.rowid IN (SELECT article_rowid FROM events WHERE type IN (${types.map(() => '?').join(', ')}))`);
      where.params.push(...types);
    }
    if (filters.story) {
      where.sql.push('a.story_id = ?');
      where.params.push(filters.story);
    }
    if (!filters.duplicates) where.sql.push('a.duplicate_of IS NULL');
    return where;
  };

  const compile = (query: string | undefined) => {
    const text = query?.trim() ?? '';
    if (text === '') return null;
    const node = parseQuery(text, analyzer);
    return { match: toFtsMatch(node), terms: positiveTerms(node) };
  };

  /** FROM and WHERE of the matching set, with or without a text query. */
  const fromWhere = (compiled: ReturnType<typeof compile>, where: Where): { sql: string; params: unknown[] } => {
    const conditions = [...where.sql];
    const params = [...where.params];
    if (compiled) {
      conditions.unshift('article_fts MATCH ?');
      params.unshift(compiled.match);
      return { sql: `FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid WHERE ${conditions.join(' AND ')}`, params };
    }
    return { sql: `FROM articles a${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`, params };
  };

  const run = <T>(sql: string, params: unknown[], how: 'all' | 'get' | 'run' = 'all'): T => {
    try {
      const stmt = db.prepare(sql);
      return (how === 'all' ? stmt.all(...params) : how === 'get' ? stmt.get(...params) : stmt.run(...params)) as T;
    } catch (error) {
      // Terms are quoted, so this is a bug rather than user syntax; still never show raw SQL to a user.
      throw new MarsadError('E_QUERY', `The search could not run: ${(error as Error).message}`, { cause: error });
    }
  };

  const facetsOf = (from: { sql: string; params: unknown[] }): Facets => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (r INTEGER PRIMARY KEY)');
    db.exec('DELETE FROM temp.search_hits');
    run(`INSERT INTO temp.search_hits (r) SELECT a.rowid ${from.sql}`, from.params, 'run');
    const counts = (sql: string): FacetCount[] => run<Array<{ value: string | null; count: number; label?: string | null }>>(sql, []).filter((r) => r.value !== null).map((r) => (r.label ? { value: r.value as string, count: r.count, label: r.label } : { value: r.value as string, count: r.count }));
    // CROSS JOIN keeps the hits as the outer loop: the temp table has no statistics, and the planner would
    // otherwise scan a whole table; entity names are joined after grouping, for the ten rows shown.
    const facets: Facets = {
      outlet: counts(`SELECT a.outlet AS value, count(*) AS count FROM temp.search_hits h CROSS JOIN articles a ON a.rowid = h.r GROUP BY a.outlet ORDER BY count DESC, value LIMIT ${FACET_SIZE}`),
      entity: counts(
        `SELECT t.value AS value, t.count AS count, e.name_ar AS label FROM (SELECT ae.entity_id AS value, count(*) AS count FROM temp.search_hits h CROSS JOIN article_entities ae ON ae.article_rowid = h.r GROUP BY ae.entity_id ORDER BY count DESC, value LIMIT ${FACET_SIZE}) t JOIN entities e ON e.id = t.value ORDER BY t.count DESC, t.value`,
      ),
      type: counts(`SELECT ev.type AS value, count(DISTINCT ev.article_rowid) AS count FROM temp.search_hits h CROSS JOIN events ev ON ev.article_rowid = h.r GROUP BY ev.type ORDER BY count DESC, value LIMIT ${FACET_SIZE}`),
      day: counts(`SELECT a.day AS value, count(*) AS count FROM temp.search_hits h CROSS JOIN articles a ON a.rowid = h.r GROUP BY a.day ORDER BY a.day DESC LIMIT 31`),
    };
    db.exec('DELETE FROM temp.search_hits');
    return facets;
  };

  const search = (options: SearchOptions): SearchResult => {
    const limit = Math.max(0, Math.min(options.limit ?? 10, 1000));
    const offset = Math.max(0, options.offset ?? 0);
    const compiled = compile(options.query);
    const where = buildWhere(options.filters);
    const from = fromWhere(compiled, where);
    const newest = newestDay.get() ?? '1970-01-01';
    type Row = { rowid: number; id: string; title: string | null; outlet: string | null; published: string | null; url: string | null; story_id: string | null; story_title: string | null; duplicate_of: string | null; score: number };
    const columns = 'a.rowid AS rowid, a.id AS id, a.title AS title, a.outlet AS outlet, a.published AS published, a.url AS url, a.story_id AS story_id, s.title AS story_title, a.duplicate_of AS duplicate_of';
    const storyJoin = from.sql.replace(/^FROM (article_fts JOIN articles a ON a\.rowid = article_fts\.rowid|articles a)/u, (m) => `${m} LEFT JOIN stories s ON s.id = a.story_id`);
    const order = options.order ?? 'relevance';
    const byDate = order === 'oldest' ? 'ORDER BY a.published, a.rowid' : 'ORDER BY a.published DESC, a.rowid DESC';
    const rows = compiled && order === 'relevance'
      ? run<Row[]>(
          `SELECT ${columns}, bm25(article_fts, ${WEIGHT_TITLE}, ${WEIGHT_LEAD}, ${WEIGHT_BODY}) * (1.0 + ${RECENCY_BOOST} / (1.0 + abs(julianday(?) - julianday(coalesce(a.day, ?))) / ${RECENCY_DAYS}.0)) AS score ${storyJoin} ORDER BY score LIMIT ? OFFSET ?`,
          [newest, newest, ...from.params, limit, offset],
        )
      : run<Row[]>(`SELECT ${columns}, 0 AS score ${storyJoin} ${byDate} LIMIT ? OFFSET ?`, [...from.params, limit, offset]);
    const total = (run<{ n: number }>(`SELECT count(*) AS n ${from.sql}`, from.params, 'get')).n;
    const textOf = db.prepare<[number], string>('SELECT text FROM analyses WHERE article_rowid = ?').pluck();
    const hits: SearchHit[] = rows.map((row) => {
      const snippet = options.snippets === false || !compiled ? null : buildSnippet(textOf.get(row.rowid) ?? '', compiled.terms, analyzer);
      return {
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        published: row.published,
        url: row.url,
        score: Math.round(-row.score * 1000) / 1000,
        story: row.story_id ? { id: row.story_id, title: row.story_title } : null,
        duplicateOf: row.duplicate_of,
        titleHighlights: compiled && row.title ? findHighlights(row.title, compiled.terms, analyzer) : [],
        snippet,
      };
    });
    return { query: options.query ?? '', total, hits, facets: options.facets === false ? null : facetsOf(from), resolved: where.resolved };
  };

  const matchingRowids = (options: { query?: string; filters?: SearchFilters }): number[] => {
    const from = fromWhere(compile(options.query), buildWhere(options.filters));
    return run<Array<{ r: number }>>(`SELECT a.rowid AS r ${from.sql} ORDER BY a.rowid`, from.params).map((row) => row.r);
  };

  const articleConditions = (query: string | undefined, filters: SearchFilters): Where => {
    const where = buildWhere(filters);
    const compiled = compile(query);
    if (compiled) {
      where.sql.unshift('a.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)');
      where.params.unshift(compiled.match);
    }
    return where;
  };

  return { search, findEntities, matchingRowids, articleConditions, resolveEntity };
}

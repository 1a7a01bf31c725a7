// Read queries behind the HTTP API: one article with its copies, entity pages, event lists, event maps, timelines, stories.
import type Database from 'better-sqlite3';
import type { Analysis, Event, Quote } from '../../model/analysis.js';
import { MarsadError } from '../../model/errors.js';
import type { StorySummary } from '../../stories/index.js';
import type { Searcher, Where } from './sqlite-search.js';
import type {
  ArticleDetail,
  EntityDetail,
  EntityName,
  EntitySummary,
  EventPlace,
  EventQuery,
  EventRef,
  EventRow,
  Page,
  QuoteRow,
  Store,
  StoryDetail,
  StoryListItem,
  Timeline,
} from '../types.js';

/** The longest timeline returned, in days (ten years); a longer range keeps its last MAX_TIMELINE_DAYS days. */
export const MAX_TIMELINE_DAYS = 3660;
const PLACE_TYPES: readonly string[] = ['GPE', 'LOC', 'FAC'];
const DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_MS = 86_400_000;
/** Name matches considered by an entity name query (its `total` counts at most this many). */
const MAX_ENTITY_MATCHES = 500;

/**
 * The day an event is counted on: its resolved date when that names a day, else the article's day.
 * «تظاهر المئات أمس» in an article of 2024-03-05 is an event of 2024-03-04; a month («في مارس») falls back.
 */
export function eventDayOf(date: string | null, articleDay: string | null): string | null {
  return date !== null && DAY_PREFIX.test(date) ? date.slice(0, 10) : articleDay;
}

/** An event as stored for lists: the Analysis event less its evidence text, which the article text holds. */
export function storedEventJson(event: Event): string {
  const { start, end, field } = event.evidence;
  return JSON.stringify({ ...event, evidence: field === undefined ? { start, end } : { start, end, field } });
}

/** A quote as stored for entity pages: less its content text (a column of its own) and its evidence. */
export function storedQuoteJson(quote: Quote): string {
  const { evidence: _evidence, ...rest } = quote;
  const { start, end, field } = quote.content;
  return JSON.stringify({ ...rest, content: field === undefined ? { start, end } : { start, end, field } });
}

/** A stored event: its evidence has offsets only. */
type StoredEvent = Omit<Event, 'evidence'> & { evidence: { start: number; end: number; field?: string } };

export type Reader = Pick<Store, 'article' | 'entities' | 'entity' | 'events' | 'eventPlaces' | 'timeline' | 'stories' | 'storyDetail'>;

interface EventSqlRow {
  article_rowid: number;
  article_id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  idx: number;
  type: string;
  mode: string | null;
  cameo: string | null;
  date: string | null;
  day: string | null;
  modality: string;
  confidence: number;
  json: string | null;
  location_entity: string | null;
  location_text: string | null;
  location_name: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

interface StorySqlRow {
  id: string;
  title: string | null;
  first_seen: string | null;
  last_seen: string | null;
  article_count: number;
  json: string;
}

export function createReader(db: Database.Database, searcher: Searcher): Reader {
  const q = {
    article: db.prepare<[string], { id: string; story_id: string | null; story_title: string | null; duplicate_of: string | null; previous_id: string | null; json: string; text: string }>(
      'SELECT a.id AS id, a.story_id AS story_id, s.title AS story_title, a.duplicate_of AS duplicate_of, a.previous_id AS previous_id, n.json AS json, n.text AS text FROM articles a JOIN analyses n ON n.article_rowid = a.rowid LEFT JOIN stories s ON s.id = a.story_id WHERE a.id = ?',
    ),
    duplicates: db.prepare<[string], { id: string; outlet: string | null; title: string | null; published: string | null }>(
      'SELECT id, outlet, title, published FROM articles WHERE duplicate_of = ? ORDER BY published, rowid',
    ),
    entity: db.prepare<[string], { id: string; type: string; name_ar: string; name_en: string | null; kb: string | null; lat: number | null; lon: number | null; country: string | null; level: string | null; article_count: number }>(
      'SELECT id, type, name_ar, name_en, kb, lat, lon, country, level, article_count FROM entities WHERE id = ?',
    ),
    nameEn: db.prepare<[string], string | null>('SELECT name_en FROM entities WHERE id = ?').pluck(),
    names: db.prepare<[string], { id: string; name: string }>('SELECT id, name_ar AS name FROM entities WHERE id IN (SELECT value FROM json_each(?))'),
    variants: db.prepare<[string], { text: string; count: number }>('SELECT variant AS text, count FROM entity_variants WHERE entity_id = ? ORDER BY count DESC, variant LIMIT 100'),
    entityDays: db.prepare<[string], { day: string; count: number }>(
      'SELECT a.day AS day, count(*) AS count FROM article_entities ae JOIN articles a ON a.rowid = ae.article_rowid WHERE ae.entity_id = ? AND a.duplicate_of IS NULL AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day',
    ),
    cooccurring: db.prepare<[string, string], { id: string; count: number; type: string; name_ar: string; name_en: string | null }>(
      `SELECT t.id AS id, t.count AS count, e.type AS type, e.name_ar AS name_ar, e.name_en AS name_en FROM (
         SELECT o.entity_id AS id, count(*) AS count FROM article_entities ae
         JOIN articles a ON a.rowid = ae.article_rowid AND a.duplicate_of IS NULL
         JOIN article_entities o ON o.article_rowid = ae.article_rowid
         WHERE ae.entity_id = ? AND o.entity_id <> ? GROUP BY o.entity_id ORDER BY count DESC, o.entity_id LIMIT 20
       ) t JOIN entities e ON e.id = t.id ORDER BY t.count DESC, t.id`,
    ),
    quotes: db.prepare<[string], { article_id: string; title: string | null; published: string | null; content: string; json: string }>(
      'SELECT a.id AS article_id, a.title AS title, a.published AS published, q.content AS content, q.json AS json FROM quotes q JOIN articles a ON a.rowid = q.article_rowid WHERE q.speaker_entity = ? AND a.duplicate_of IS NULL ORDER BY a.published DESC, a.rowid DESC, q.idx LIMIT 50',
    ),
    texts: db.prepare<[string], { rowid: number; text: string; title: string | null; caption: string | null }>(
      "SELECT n.article_rowid AS rowid, n.text AS text, a.title AS title, json_extract(n.json, '$.article.caption') AS caption FROM analyses n JOIN articles a ON a.rowid = n.article_rowid WHERE n.article_rowid IN (SELECT value FROM json_each(?))",
    ),
    storyRow: db.prepare<[string], StorySqlRow>('SELECT id, title, first_seen, last_seen, article_count, json FROM stories WHERE id = ?'),
    storyEntities: db.prepare<[string], { id: string; name: string; type: string; count: number }>(
      'SELECT ae.entity_id AS id, e.name_ar AS name, e.type AS type, count(*) AS count FROM articles a JOIN article_entities ae ON ae.article_rowid = a.rowid JOIN entities e ON e.id = ae.entity_id WHERE a.story_id = ? GROUP BY ae.entity_id ORDER BY count DESC, ae.entity_id',
    ),
  };

  const run = <T>(sql: string, params: unknown[], how: 'all' | 'get' = 'all'): T => {
    try {
      const stmt = db.prepare(sql);
      return (how === 'all' ? stmt.all(...params) : stmt.get(...params)) as T;
    } catch (error) {
      throw new MarsadError('E_QUERY', `The query could not run: ${(error as Error).message}`, { cause: error });
    }
  };

  const page = (limit: number | undefined, offset: number | undefined) => ({ limit: Math.max(0, Math.min(limit ?? 20, 1000)), offset: Math.max(0, offset ?? 0) });

  /** Conditions on `events e JOIN articles a`: query, outlet, entity, story, duplicates on the article; type, place, actor, from/to on the event. */
  const eventWhere = (options: EventQuery): Where => {
    const { type, place, actor, from, to, ...articleFilters } = options.filters ?? {};
    const where = searcher.articleConditions(options.query, articleFilters);
    const list = (values: string[] | undefined) => (values ?? []).map((v) => v.trim()).filter((v) => v !== '');
    const types = list(type).map((t) => t.toUpperCase());
    if (types.length > 0) {
      where.sql.push(`e.type IN (${types.map(() => '?').join(', ')})`);
      where.params.push(...types);
    }
    const resolveAll = (values: string[], types: readonly string[] | undefined, label: string): string[] => {
      const ids = new Set<string>();
      for (const value of values) {
        const found = searcher.resolveEntity(value, types);
        where.resolved[`${label}:${value}`] = found;
        for (const id of found) ids.add(id);
      }
      return [...ids];
    };
    const places = list(place);
    if (places.length > 0) {
      const ids = resolveAll(places, PLACE_TYPES, 'place');
      where.sql.push(ids.length === 0 ? '0' : `e.location_entity IN (${ids.map(() => '?').join(', ')})`);
      where.params.push(...ids);
    }
    const actors = list(actor);
    if (actors.length > 0) {
      const ids = resolveAll(actors, undefined, 'actor');
      where.sql.push(ids.length === 0 ? '0' : `(e.article_rowid, e.idx) IN (SELECT article_rowid, idx FROM event_entities WHERE role = 'actor' AND entity_id IN (${ids.map(() => '?').join(', ')}))`);
      where.params.push(...ids);
    }
    for (const [key, bound] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (bound === undefined || bound === '') continue;
      if (!DAY.test(bound)) throw new MarsadError('E_QUERY', `Expected ${key} as a date YYYY-MM-DD, found «${bound}»`);
      where.sql.push(key === 'from' ? 'e.day >= ?' : 'e.day <= ?');
      where.params.push(bound);
    }
    return where;
  };
  const whereSql = (where: Where, extra: string[] = []) => {
    const all = [...where.sql, ...extra];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const namesOf = (ids: Iterable<string>): Map<string, string> => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map(q.names.all(JSON.stringify(unique)).map((r) => [r.id, r.name]));
  };

  /** The texts evidence offsets point into (body, title, caption) of the given articles. */
  const fieldsOf = (rowids: number[]): Map<number, { text: string; title: string | null; caption: string | null }> => {
    const unique = [...new Set(rowids)];
    if (unique.length === 0) return new Map();
    const rows = q.texts.all(JSON.stringify(unique));
    return new Map(rows.map((r) => [r.rowid, { text: r.text, title: r.title, caption: r.caption }]));
  };

  const toEventRows = (rows: EventSqlRow[]): EventRow[] => {
    const parsed = rows.map((row) => (row.json === null ? null : (JSON.parse(row.json) as StoredEvent)));
    const texts = fieldsOf(rows.map((row) => row.article_rowid));
    const names = namesOf(parsed.flatMap((event) => [...(event?.actor ?? []), ...(event?.recipient ?? [])].map((ref) => ref.entity).filter((id): id is string => id !== null)));
    const refs = (list: Event['actor'] | undefined): EventRef[] =>
      (list ?? []).map((ref) => {
        const name = ref.entity === null ? undefined : names.get(ref.entity);
        return name === undefined ? { entity: ref.entity, text: ref.text } : { entity: ref.entity, text: ref.text, name };
      });
    return rows.map((row, i) => {
      const event = parsed[i] ?? null;
      return {
        articleId: row.article_id,
        idx: row.idx,
        type: row.type,
        mode: row.mode,
        cameo: row.cameo,
        date: row.date,
        day: row.day,
        modality: row.modality,
        confidence: row.confidence,
        actor: refs(event?.actor),
        recipient: refs(event?.recipient),
        location:
          row.location_text === null && row.location_entity === null
            ? null
            : { entity: row.location_entity, text: row.location_text ?? '', name: row.location_name, lat: row.lat, lon: row.lon, country: row.country },
        size: event?.size ?? {},
        evidence: event ? { start: event.evidence.start, end: event.evidence.end, text: evidenceText(event.evidence, texts.get(row.article_rowid)) } : { start: 0, end: 0, text: '' },
        article: { title: row.title, outlet: row.outlet, published: row.published },
      };
    });
  };

  const timeline = (options: EventQuery = {}): Timeline => {
    const where = eventWhere(options);
    const rows = run<Array<{ day: string; type: string; n: number }>>(
      `SELECT e.day AS day, e.type AS type, count(*) AS n FROM events e JOIN articles a ON a.rowid = e.article_rowid ${whereSql(where, ['e.day IS NOT NULL'])} GROUP BY e.day, e.type`,
      where.params,
    );
    const byType = new Map<string, number>();
    const byDay = new Map<string, Record<string, number>>();
    for (const row of rows) {
      byType.set(row.type, (byType.get(row.type) ?? 0) + row.n);
      const counts = byDay.get(row.day) ?? {};
      counts[row.type] = row.n;
      byDay.set(row.day, counts);
    }
    const types = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([type]) => type);
    const known = [...byDay.keys()].sort();
    const filters = options.filters ?? {};
    let from = filters.from || known[0] || null;
    const to = filters.to || known[known.length - 1] || null;
    if (from === null || to === null) return { from, to, types, days: [] };
    const last = Date.parse(`${to}T00:00:00Z`);
    let first = Date.parse(`${from}T00:00:00Z`);
    if ((last - first) / DAY_MS >= MAX_TIMELINE_DAYS) {
      first = last - (MAX_TIMELINE_DAYS - 1) * DAY_MS;
      from = new Date(first).toISOString().slice(0, 10);
    }
    const days: Timeline['days'] = [];
    for (let t = first; t <= last; t += DAY_MS) {
      const day = new Date(t).toISOString().slice(0, 10);
      const counts = byDay.get(day) ?? {};
      days.push({ day, total: Object.values(counts).reduce((n, c) => n + c, 0), counts });
    }
    return { from, to, types, days };
  };

  /** A story's fields from its row and its summary JSON. */
  const storyFields = (row: StorySqlRow): Omit<StoryListItem, 'topEntities'> => {
    const summary = JSON.parse(row.json) as StorySummary;
    return { id: row.id, title: row.title, firstSeen: row.first_seen, lastSeen: row.last_seen, articleCount: row.article_count, outlets: summary.outlets, eventTypes: summary.eventTypes };
  };

  return {
    article(id): ArticleDetail | null {
      const row = q.article.get(id);
      if (!row) return null;
      const analysis = JSON.parse(row.json) as Analysis;
      analysis.article.text = row.text;
      return {
        analysis,
        story: row.story_id ? { id: row.story_id, title: row.story_title } : null,
        duplicateOf: row.duplicate_of,
        previousId: row.previous_id,
        duplicates: q.duplicates.all(row.id),
      };
    },

    entities(options = {}): Page<EntitySummary> {
      const { limit, offset } = page(options.limit, options.offset);
      const query = options.query?.trim() ?? '';
      if (query !== '') {
        const matches = searcher.findEntities(query, { limit: MAX_ENTITY_MATCHES, ...(options.type ? { types: [options.type] } : {}) });
        const items = matches.slice(offset, offset + limit).map((m) => ({
          id: m.id,
          type: m.type,
          name: { ar: m.name, en: q.nameEn.get(m.id) ?? null },
          articleCount: m.articleCount,
          variant: m.variant,
          similarity: m.similarity,
        }));
        return { total: matches.length, items };
      }
      const filter = options.type ? 'WHERE type = ?' : '';
      const params = options.type ? [options.type] : [];
      const rows = run<Array<{ id: string; type: string; name_ar: string; name_en: string | null; article_count: number }>>(
        `SELECT id, type, name_ar, name_en, article_count FROM entities ${filter} ORDER BY article_count DESC, id LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      const total = run<{ n: number }>(`SELECT count(*) AS n FROM entities ${filter}`, params, 'get').n;
      return { total, items: rows.map((r) => ({ id: r.id, type: r.type, name: { ar: r.name_ar, en: r.name_en }, articleCount: r.article_count })) };
    },

    entity(id): EntityDetail | null {
      const row = q.entity.get(id);
      if (!row) return null;
      const name = (ar: string, en: string | null): EntityName => ({ ar, en });
      const quotes: QuoteRow[] = q.quotes.all(id).map((r) => {
        const quote = JSON.parse(r.json) as Omit<Quote, 'content'> & { content: { start: number; end: number } };
        return {
          articleId: r.article_id,
          title: r.title,
          published: r.published,
          speaker: { entity: quote.speaker.entity, text: quote.speaker.text },
          cue: quote.cue,
          content: { text: r.content, start: quote.content.start, end: quote.content.end },
          direct: quote.direct,
          channel: quote.channel,
          via: quote.via,
        };
      });
      return {
        entity: {
          id: row.id,
          type: row.type,
          name: name(row.name_ar, row.name_en),
          articleCount: row.article_count,
          kb: row.kb,
          geo: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, country: row.country, level: row.level },
        },
        variants: q.variants.all(id),
        timeline: q.entityDays.all(id),
        cooccurring: q.cooccurring.all(id, id).map((r) => ({ id: r.id, type: r.type, name: name(r.name_ar, r.name_en), count: r.count })),
        quotes,
        articles: searcher.search({ filters: { entity: [id] }, limit: 20, facets: false, snippets: false }).hits,
      };
    },

    events(options = {}): Page<EventRow> {
      const { limit, offset } = page(options.limit, options.offset);
      const where = eventWhere(options);
      const from = `FROM events e JOIN articles a ON a.rowid = e.article_rowid ${whereSql(where)}`;
      const rows = run<EventSqlRow[]>(
        `SELECT e.article_rowid AS article_rowid, a.id AS article_id, a.title AS title, a.outlet AS outlet, a.published AS published, e.idx AS idx, e.type AS type, e.mode AS mode, e.cameo AS cameo,
           e.date AS date, e.day AS day, e.modality AS modality, e.confidence AS confidence, e.json AS json, e.location_entity AS location_entity,
           e.location_text AS location_text, l.name_ar AS location_name, l.lat AS lat, l.lon AS lon, l.country AS country
         FROM events e JOIN articles a ON a.rowid = e.article_rowid LEFT JOIN entities l ON l.id = e.location_entity ${whereSql(where)}
         ORDER BY e.day DESC, e.type DESC, e.article_rowid DESC, e.idx DESC LIMIT ? OFFSET ?`,
        [...where.params, limit, offset],
      );
      const total = run<{ n: number }>(`SELECT count(*) AS n ${from}`, where.params, 'get').n;
      return { total, items: toEventRows(rows) };
    },

    eventPlaces(options = {}): EventPlace[] {
      const where = eventWhere(options);
      const rows = run<Array<{ place: string; name: string; lat: number; lon: number; country: string | null; type: string; n: number; first: string | null; last: string | null }>>(
        `SELECT e.location_entity AS place, l.name_ar AS name, l.lat AS lat, l.lon AS lon, l.country AS country, e.type AS type, count(*) AS n, min(e.day) AS first, max(e.day) AS last
         FROM events e JOIN articles a ON a.rowid = e.article_rowid JOIN entities l ON l.id = e.location_entity
         ${whereSql(where, ['l.lat IS NOT NULL', 'l.lon IS NOT NULL'])} GROUP BY e.location_entity, e.type`,
        where.params,
      );
      const places = new Map<string, EventPlace>();
      for (const row of rows) {
        let place = places.get(row.place);
        if (!place) {
          place = { place: row.place, name: row.name, lat: row.lat, lon: row.lon, country: row.country, count: 0, types: {}, dominantType: row.type, firstDay: row.first, lastDay: row.last };
          places.set(row.place, place);
        }
        place.count += row.n;
        place.types[row.type] = row.n;
        if (row.first !== null && (place.firstDay === null || row.first < place.firstDay)) place.firstDay = row.first;
        if (row.last !== null && (place.lastDay === null || row.last > place.lastDay)) place.lastDay = row.last;
      }
      for (const place of places.values()) {
        // Ties go to the alphabetically first type, so the colour of a point does not depend on row order.
        place.dominantType = Object.entries(place.types).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? place.dominantType;
      }
      return [...places.values()].sort((a, b) => b.count - a.count || (a.place < b.place ? -1 : 1));
    },

    timeline,

    stories(options = {}): Page<StoryListItem> {
      const { limit, offset } = page(options.limit, options.offset);
      const query = options.query?.trim() ?? '';
      let filter = '';
      let params: unknown[] = [];
      if (query !== '') {
        const where = searcher.articleConditions(query, { duplicates: true });
        filter = `WHERE s.id IN (SELECT a.story_id FROM articles a ${whereSql(where)})`;
        params = where.params;
      }
      const rows = run<StorySqlRow[]>(
        `SELECT s.id AS id, s.title AS title, s.first_seen AS first_seen, s.last_seen AS last_seen, s.article_count AS article_count, s.json AS json FROM stories s ${filter} ORDER BY s.last_seen DESC, s.id LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
      const total = run<{ n: number }>(`SELECT count(*) AS n FROM stories s ${filter}`, params, 'get').n;
      return {
        total,
        items: rows.map((row): StoryListItem => {
          // Entities by the number of the story's articles naming them.
          const top = q.storyEntities.all(row.id).slice(0, 5);
          return { ...storyFields(row), topEntities: top.map(({ id, name, count }) => ({ id, name, count })) };
        }),
      };
    },

    storyDetail(id): StoryDetail | null {
      const row = q.storyRow.get(id);
      if (!row) return null;
      const counted = q.storyEntities.all(id);
      return {
        story: {
          ...storyFields(row),
          entities: counted.filter((e) => !PLACE_TYPES.includes(e.type)).slice(0, 20),
          places: counted.filter((e) => PLACE_TYPES.includes(e.type)).slice(0, 20),
        },
        articles: searcher.search({ filters: { story: id, duplicates: true }, order: 'oldest', limit: 200, facets: false, snippets: false }).hits,
        timeline: timeline({ filters: { story: id } }),
      };
    },
  };
}

/** The text of an evidence span, cut from the field it indexes. */
function evidenceText(span: { start: number; end: number; field?: string }, fields: { text: string; title: string | null; caption: string | null } | undefined): string {
  if (!fields) return '';
  const source = span.field === 'title' ? fields.title : span.field === 'caption' ? fields.caption : fields.text;
  return (source ?? '').slice(span.start, span.end);
}

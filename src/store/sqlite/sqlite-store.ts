// The embedded default Store on SQLite (better-sqlite3): WAL, foreign keys, numbered migrations, one transaction per batch.
import Database from 'better-sqlite3';
import type { Analysis, Entity } from '../../model/analysis.js';
import { MarsadError } from '../../model/errors.js';
import { foldWord } from '../../arabic/normalize.js';
import { createCorpusIdentity } from '../../engine/stages/link/corpus-identity.js';
import {
  articleFeatures,
  candidateKeys,
  createTermStats,
  documentKeys,
  duplicateText,
  estimateJaccard,
  isActive,
  lshBands,
  minhashSignature,
  placeArticle,
  signatureFromHex,
  signatureToHex,
  storyKeys,
  updateStory,
  DEFAULT_DUPLICATE_THRESHOLD,
  DEFAULT_CLUSTER_OPTIONS,
  type MutableTermStats,
  type StoryFeatures,
  type StorySummary,
} from '../../stories/index.js';
import { indexFields, type TextAnalyzer } from '../search/text-analyzer.js';
import { MIGRATIONS } from './migrations/index.js';
import { createSearcher, type Searcher } from './sqlite-search.js';
import { createReader, eventDayOf, storedEventJson, storedQuoteJson, type Reader } from './sqlite-read.js';
import type { ArticleInput, PutOutcome, RunCounts, SearchFilters, SearchOptions, SearchResult, Store, StoreStats, StoredAnalysis } from '../types.js';

export interface SqliteStoreOptions {
  /** The analyzer that turns text into index terms; the same one must serve queries. */
  analyzer: TextAnalyzer;
  /** Open without writing (search, export); fails when the database does not exist. */
  readonly?: boolean;
  /** Stories considered per article, most shared keys first (default 60). */
  maxStoryCandidates?: number;
}

const PLACE_TYPES: readonly string[] = ['GPE', 'LOC', 'FAC'];
const DAY_MS = 86_400_000;
/** A key shared by more active stories than this («p:iso:SA» in a Saudi corpus) finds no candidates: it tells nothing apart. */
const MAX_KEY_STORIES = 400;

/**
 * The stories an arriving article may join, in memory: summaries within the time window of the current
 * batch and an inverted index from `storyKeys` to them.
 */
interface StoryWindow {
  get(id: string): StorySummary | undefined;
  put(story: StorySummary): void;
  candidates(features: StoryFeatures, max: number): StorySummary[];
  /** Drops dated stories that end before `from` or start after `to` (ISO date-times). */
  keepWithin(from: string, to: string): void;
}

function createStoryWindow(): StoryWindow {
  const stories = new Map<string, StorySummary>();
  const byKey = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  const remove = (id: string) => {
    for (const k of keysOf.get(id) ?? []) {
      const set = byKey.get(k);
      set?.delete(id);
      if (set && set.size === 0) byKey.delete(k);
    }
    keysOf.delete(id);
    stories.delete(id);
  };
  return {
    get: (id) => stories.get(id),
    put(story) {
      remove(story.id);
      const keys = storyKeys(story);
      keysOf.set(story.id, keys);
      for (const k of keys) {
        let set = byKey.get(k);
        if (!set) byKey.set(k, (set = new Set()));
        set.add(story.id);
      }
      stories.set(story.id, story);
    },
    candidates(features, max) {
      const shared = new Map<string, number>();
      for (const k of candidateKeys(features)) {
        const set = byKey.get(k);
        if (!set || set.size > MAX_KEY_STORIES) continue;
        for (const id of set) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      return [...shared]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, max)
        .map(([id]) => stories.get(id) as StorySummary)
        .filter((story) => isActive(features, story));
    },
    keepWithin(from, to) {
      const lo = Date.parse(from);
      const hi = Date.parse(to);
      for (const [id, story] of stories) {
        if (story.lastSeen === null || story.firstSeen === null) continue;
        if (Date.parse(story.lastSeen) < lo || Date.parse(story.firstSeen) > hi) remove(id);
      }
    },
  };
}

/** Opens (creating and migrating when needed) a store at `path`; `:memory:` works for tests. */
export function openSqliteStore(path: string, options: SqliteStoreOptions): Store {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new MarsadError('E_STORE', `Could not open the database ${path}: ${(error as Error).message}. Check the path, or run "marsad ingest" first to create it.`, { cause: error, source: path });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL under WAL: a process crash (kill -9) loses no committed transaction; only a power cut may lose the last ones.
    db.pragma('synchronous = NORMAL');
    migrate(db, path);
  } else {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < MIGRATIONS.length) throw new MarsadError('E_STORE', `The database ${path} is at schema version ${version}, expected ${MIGRATIONS.length}; open it once for writing (marsad ingest) to migrate it.`, { source: path });
  }
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return createSqliteStore(db, path, options);
}

/**
 * Brings the database at `path` to the current schema when it is older (a write, done once), so a corpus
 * ingested by an earlier marsad can then be opened read-only. Returns the versions before and after; null when
 * it was current already.
 */
export function upgradeSqliteStore(path: string): { from: number; to: number } | null {
  let from: number;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    from = probe.pragma('user_version', { simple: true }) as number;
    probe.close();
  } catch (error) {
    throw new MarsadError('E_STORE', `Could not open the database ${path}: ${(error as Error).message}. Check the path, or run "marsad ingest" first to create it.`, { cause: error, source: path });
  }
  if (from >= MIGRATIONS.length) return null;
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, path);
  } finally {
    db.close();
  }
  return { from, to: MIGRATIONS.length };
}

function migrate(db: Database.Database, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new MarsadError('E_STORE', `The database ${path} has schema version ${current}, newer than this marsad knows (${MIGRATIONS.length}); upgrade marsad.`, { source: path });
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function createSqliteStore(db: Database.Database, path: string, options: SqliteStoreOptions): Store {
  const analyzer = options.analyzer;
  const maxStoryCandidates = options.maxStoryCandidates ?? 60;
  const windowDays = DEFAULT_CLUSTER_OPTIONS.windowDays;
  const q = {
    hasArticle: db.prepare<[string], number>('SELECT 1 FROM articles WHERE id = ?').pluck(),
    hasSource: db.prepare<[string, string], number>('SELECT 1 FROM article_sources WHERE source = ? UNION ALL SELECT 1 FROM failures WHERE source = ?').pluck(),
    inputDone: db.prepare<[string, number, number], number>('SELECT 1 FROM input_files WHERE path = ? AND size = ? AND mtime_ms = ?').pluck(),
    markInput: db.prepare('INSERT OR REPLACE INTO input_files (path, size, mtime_ms, records, run_id, done_at) VALUES (?, ?, ?, ?, ?, ?)'),
    beginRun: db.prepare('INSERT INTO runs (started_at, inputs) VALUES (?, ?)'),
    finishRun: db.prepare('UPDATE runs SET finished_at = ?, ingested = ?, skipped = ?, failed = ? WHERE id = ?'),
    latestAtUrl: db.prepare<[string], string>('SELECT id FROM articles WHERE url = ? ORDER BY rowid DESC LIMIT 1').pluck(),
    insertArticle: db.prepare(
      'INSERT INTO articles (id, source_id, url, outlet, published, day, title, source, previous_id, duplicate_of, story_id, run_id, ingested_at) VALUES (@id, @sourceId, @url, @outlet, @published, @day, @title, @source, @previousId, @duplicateOf, @storyId, @runId, @at)',
    ),
    insertAnalysis: db.prepare('INSERT INTO analyses (article_rowid, text, json) VALUES (?, ?, ?)'),
    upsertEntity: db.prepare(
      `INSERT INTO entities (id, type, name_ar, name_en, kb, lat, lon, country, admin1, level, article_count) VALUES (@id, @type, @nameAr, @nameEn, @kb, @lat, @lon, @country, @admin1, @level, 1)
       ON CONFLICT(id) DO UPDATE SET article_count = article_count + 1`,
    ),
    insertVariant: db.prepare('INSERT INTO entity_variants (entity_id, variant, folded, count) VALUES (?, ?, ?, 1) ON CONFLICT(entity_id, variant) DO UPDATE SET count = count + 1'),
    hasFoldedVariant: db.prepare<[string, string], number>('SELECT 1 FROM entity_variants WHERE folded = ? AND entity_id = ? LIMIT 1').pluck(),
    insertEntityName: db.prepare('INSERT INTO entity_names (entity_id, name) VALUES (?, ?)'),
    insertEntityKey: db.prepare('INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)'),
    insertArticleEntity: db.prepare('INSERT INTO article_entities (article_rowid, entity_id, mentions) VALUES (?, ?, ?)'),
    insertMention: db.prepare('INSERT INTO mentions (article_rowid, entity_id, field, start, "end", text, kind) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertQuote: db.prepare('INSERT INTO quotes (article_rowid, idx, speaker_entity, speaker_text, cue, content, direct, channel, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    insertEvent: db.prepare(
      'INSERT INTO events (article_rowid, idx, type, mode, cameo, location_entity, location_text, date, modality, confidence, day, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertEventEntity: db.prepare('INSERT OR IGNORE INTO event_entities (entity_id, role, article_rowid, idx) VALUES (?, ?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO article_fts (rowid, title, lead, body) VALUES (?, ?, ?, ?)'),
    insertSource: db.prepare('INSERT OR IGNORE INTO article_sources (source, article_id, run_id) VALUES (?, ?, ?)'),
    insertFailure: db.prepare('INSERT OR IGNORE INTO failures (source, code, message, run_id, at) VALUES (?, ?, ?, ?, ?)'),
    insertFeatures: db.prepare('INSERT INTO story_features (article_rowid, signature) VALUES (?, ?)'),
    insertBand: db.prepare('INSERT OR IGNORE INTO lsh_bands (band, article_rowid) VALUES (?, ?)'),
    bandCandidates: db.prepare<[string], { rowid: number; id: string; signature: string; duplicate_of: string | null; story_id: string | null }>(
      'SELECT a.rowid AS rowid, a.id AS id, f.signature AS signature, a.duplicate_of AS duplicate_of, a.story_id AS story_id FROM lsh_bands b JOIN articles a ON a.rowid = b.article_rowid JOIN story_features f ON f.article_rowid = a.rowid WHERE b.band IN (SELECT value FROM json_each(?)) GROUP BY a.rowid ORDER BY a.rowid',
    ),
    storiesWithin: db.prepare<[string, string], string>('SELECT id FROM stories WHERE last_seen >= ? AND first_seen <= ?').pluck(),
    storyOf: db.prepare<[string], string | null>('SELECT story_id FROM articles WHERE id = ?').pluck(),
    getStory: db.prepare<[string], string>('SELECT json FROM stories WHERE id = ?').pluck(),
    upsertStory: db.prepare(
      'INSERT INTO stories (id, title, first_seen, last_seen, article_count, json) VALUES (@id, @title, @firstSeen, @lastSeen, @articleCount, @json) ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen, article_count = excluded.article_count, json = excluded.json',
    ),
    upsertTerm: db.prepare('INSERT INTO term_stats (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + ?'),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    getMeta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
  };

  // Writer state, loaded lazily on the first write so that search and export never pay for it.
  let writer: {
    identity: ReturnType<typeof createCorpusIdentity>;
    identitySize: number;
    stats: MutableTermStats;
    pendingTerms: Map<string, number>;
    stories: StoryWindow;
    /** The time range whose dated stories are all in `stories`. */
    covered: { from: string; to: string } | null;
  } | null = null;
  const writerState = () => {
    if (writer) return writer;
    const keys = db.prepare<[], [string, string]>('SELECT key, entity_id FROM entity_keys').raw().all();
    const identity = createCorpusIdentity(keys);
    const frequencies: Record<string, number> = {};
    for (const [term, df] of db.prepare<[], [string, number]>('SELECT term, df FROM term_stats').raw().iterate()) frequencies[term] = df;
    const documentCount = Number(q.getMeta.get('documentCount') ?? 0);
    const stories = createStoryWindow();
    // Undated stories stay candidates whatever the time; dated ones are loaded per batch (moveStoryWindow).
    for (const json of db.prepare<[], string>('SELECT json FROM stories WHERE last_seen IS NULL').pluck().iterate()) stories.put(JSON.parse(json) as StorySummary);
    writer = { identity, identitySize: identity.entries().length, stats: createTermStats({ documentCount, frequencies }), pendingTerms: new Map(), stories, covered: null };
    return writer;
  };

  /** A story by id: from the in-memory window, else from the table (a duplicate of an old article). */
  const loadStory = (id: string): StorySummary | null => {
    const known = writer?.stories.get(id);
    if (known) return known;
    const json = q.getStory.get(id);
    return json === undefined ? null : (JSON.parse(json) as StorySummary);
  };
  const saveStory = (story: StorySummary) => {
    q.upsertStory.run({ id: story.id, title: story.title, firstSeen: story.firstSeen, lastSeen: story.lastSeen, articleCount: story.articleCount, json: JSON.stringify(story) });
    writer?.stories.put(story);
  };

  const findDuplicate = (signature: Uint32Array, bands: string[]): { id: string; storyId: string | null } | null => {
    if (bands.length === 0) return null;
    let best: { id: string; storyId: string | null; jaccard: number } | null = null;
    for (const row of q.bandCandidates.all(JSON.stringify(bands))) {
      const j = estimateJaccard(signature, signatureFromHex(row.signature));
      if (j >= DEFAULT_DUPLICATE_THRESHOLD && (best === null || j > best.jaccard)) {
        // A reprint of a reprint points at the first text, so duplicateOf chains have length one.
        best = { id: row.duplicate_of ?? row.id, storyId: row.story_id, jaccard: j };
      }
    }
    return best;
  };

  const putOne = (input: ArticleInput, runId: number, at: string): PutOutcome => {
    const analysis = input.analysis;
    const article = analysis.article;
    if (q.hasArticle.get(article.id) !== undefined) {
      q.insertSource.run(input.source, article.id, runId);
      return { status: 'present', id: article.id };
    }
    const state = writerState();
    rewriteIds(analysis, state.identity);
    const previousId = article.url ? (q.latestAtUrl.get(article.url) ?? null) : null;
    const signature = input.signature ?? minhashSignature(duplicateText(article.title, article.text));
    const bands = lshBands(signature);
    // A new version of an article is not a duplicate of its earlier text: it joins that version's story instead.
    const duplicate = previousId === null ? findDuplicate(signature, bands) : null;
    const previousStory = previousId === null ? null : (q.storyOf.get(previousId) ?? null);
    const day = article.published ? article.published.slice(0, 10) : null;
    // Stories: a folded duplicate (or a new version) joins its original's story and adds nothing to the corpus
    // statistics; any other article counts in them before its own vector is weighed, as in the stories eval
    // (weighed first, its new terms had no document frequency and its vector matched no story).
    if (!duplicate) {
      const keys = documentKeys(analysis);
      state.stats.addDocument(keys);
      for (const key of new Set(keys)) state.pendingTerms.set(key, (state.pendingTerms.get(key) ?? 0) + 1);
    }
    const features: StoryFeatures = articleFeatures(analysis, { stats: state.stats });
    let story: StorySummary;
    const originalStoryId = duplicate?.storyId ?? previousStory;
    const original = originalStoryId ? loadStory(originalStoryId) : null;
    if (original) story = updateStory(original, features);
    else {
      const source = { candidates: (f: StoryFeatures) => storyCandidates(f) };
      story = placeArticle(features, source, () => `story:${article.id.slice(0, 16)}`).story;
    }
    saveStory(story);
    const info = q.insertArticle.run({
      id: article.id,
      sourceId: article.sourceId ?? null,
      url: article.url,
      outlet: article.outlet,
      published: article.published,
      day,
      title: article.title,
      source: input.source,
      previousId,
      duplicateOf: duplicate?.id ?? null,
      storyId: story.id,
      runId,
      at,
    });
    const rowid = Number(info.lastInsertRowid);
    q.insertAnalysis.run(rowid, article.text, JSON.stringify({ ...analysis, article: { ...article, text: '' } }));
    writeEntities(rowid, analysis);
    analysis.quotes.forEach((quote, i) =>
      q.insertQuote.run(rowid, i, quote.speaker.entity, quote.speaker.text, quote.cue, quote.content.text, quote.direct ? 1 : 0, quote.channel, storedQuoteJson(quote)),
    );
    analysis.events.forEach((event, i) => {
      const eventDay = eventDayOf(event.date, day);
      q.insertEvent.run(rowid, i, event.type, event.mode, event.cameo, event.location?.entity ?? null, event.location?.text ?? null, event.date, event.modality, event.confidence, eventDay, storedEventJson(event));
      for (const role of ['actor', 'recipient'] as const) {
        for (const ref of event[role]) if (ref.entity) q.insertEventEntity.run(ref.entity, role, rowid, i);
      }
    });
    const index = input.index ?? indexFields(analyzer, article);
    q.insertFts.run(rowid, index.title, index.lead, index.body);
    q.insertFeatures.run(rowid, signatureToHex(signature));
    for (const band of bands) q.insertBand.run(band, rowid);
    q.insertSource.run(input.source, article.id, runId);
    return { status: 'ingested', id: article.id, previousId, duplicateOf: duplicate?.id ?? null, storyId: story.id };
  };

  const storyCandidates = (features: StoryFeatures): StorySummary[] => writerState().stories.candidates(features, maxStoryCandidates);

  const saveIdentity = (state: NonNullable<typeof writer>) => {
    const entries = state.identity.entries();
    for (let i = state.identitySize; i < entries.length; i++) {
      const [key, id] = entries[i] as [string, string];
      q.insertEntityKey.run(key, id);
    }
    state.identitySize = entries.length;
  };

  const writeEntities = (rowid: number, analysis: Analysis) => {
    // Two NIL entities of one article may fold to the same corpus id (كاسباروف / كسباروف): merge their rows.
    const byId = new Map<string, Entity[]>();
    for (const e of analysis.entities) {
      const list = byId.get(e.id);
      if (list) list.push(e);
      else byId.set(e.id, [e]);
    }
    for (const [id, list] of byId) {
      const e = list[0] as Entity;
      q.upsertEntity.run({
        id,
        type: e.type,
        nameAr: e.name.ar,
        nameEn: e.name.en ?? null,
        kb: e.kb ?? null,
        lat: e.geo?.lat ?? null,
        lon: e.geo?.lon ?? null,
        country: e.geo?.country ?? null,
        admin1: e.geo?.admin1 ?? null,
        level: e.geo?.level ?? null,
      });
      const variants = new Set<string>([e.name.ar]);
      let mentions = 0;
      for (const entity of list) {
        for (const m of entity.mentions) {
          q.insertMention.run(rowid, id, m.field ?? null, m.start, m.end, m.text, m.kind);
          mentions++;
          if (m.kind === 'name') variants.add(m.text);
        }
      }
      for (const variant of variants) {
        const folded = foldWord(variant);
        if (folded === '') continue;
        // A new folded spelling goes into the trigram index once.
        const known = q.hasFoldedVariant.get(folded, id) !== undefined;
        q.insertVariant.run(id, variant, folded);
        if (!known) q.insertEntityName.run(id, folded);
      }
      q.insertArticleEntity.run(rowid, id, Math.max(1, mentions));
    }
  };

  /**
   * Holds in memory exactly the stories a batch can join: those within the time window of its articles.
   * Articles mostly arrive in time order, so this loads a few stories per batch; a jump (another file,
   * another year) reloads that period's stories from the table, so nothing is missed and memory stays flat.
   */
  const moveStoryWindow = (inputs: readonly ArticleInput[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const input of inputs) {
      const t = input.analysis.article.published ? Date.parse(input.analysis.article.published) : NaN;
      if (Number.isNaN(t)) continue;
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    if (lo === Infinity) return;
    const margin = (windowDays + 1) * DAY_MS;
    const from = new Date(lo - margin).toISOString();
    const to = new Date(hi + margin).toISOString();
    const state = writerState();
    state.stories.keepWithin(from, to);
    const covered = state.covered;
    state.covered = { from, to };
    // Inside the window already held: every story there is in memory (loaded before, or made since).
    if (covered && covered.from <= from && to <= covered.to) return;
    for (const id of q.storiesWithin.all(from, to)) {
      if (state.stories.get(id)) continue;
      const json = q.getStory.get(id);
      if (json !== undefined) state.stories.put(JSON.parse(json) as StorySummary);
    }
  };

  const putBatch = db.transaction((inputs: readonly ArticleInput[], runId: number): PutOutcome[] => {
    const at = new Date().toISOString();
    moveStoryWindow(inputs);
    const outcomes = inputs.map((input) => putOne(input, runId, at));
    // Per batch, not per article: the identity map and the term counts grow with the corpus.
    if (writer) {
      saveIdentity(writer);
      for (const [term, n] of writer.pendingTerms) q.upsertTerm.run(term, n, n);
      writer.pendingTerms.clear();
      q.setMeta.run('documentCount', String(writer.stats.documentCount));
    }
    return outcomes;
  });

  let searcher: Searcher | null = null;
  const search = (): Searcher => (searcher ??= createSearcher(db, analyzer));
  let reader: Reader | null = null;
  const read = (): Reader => (reader ??= createReader(db, search()));

  return {
    path,
    hasArticle: (id) => q.hasArticle.get(id) !== undefined,
    hasSource: (source) => q.hasSource.get(source, source) !== undefined,
    isInputDone: (p, size, mtimeMs) => q.inputDone.get(p, size, Math.round(mtimeMs)) !== undefined,
    markInputDone: (p, size, mtimeMs, records, runId) => {
      q.markInput.run(p, size, Math.round(mtimeMs), records, runId, new Date().toISOString());
    },
    beginRun: (inputs) => Number(q.beginRun.run(new Date().toISOString(), JSON.stringify(inputs)).lastInsertRowid),
    finishRun: (runId, counts: RunCounts) => {
      q.finishRun.run(new Date().toISOString(), counts.ingested, counts.skipped, counts.failed, runId);
    },
    putArticles: (inputs, runId) => {
      try {
        return putBatch(inputs, runId);
      } catch (error) {
        // The transaction rolled back; cached story summaries may hold its changes, so drop them.
        if (writer) writer = null;
        if (error instanceof MarsadError) throw error;
        throw new MarsadError('E_STORE', `Could not write ${inputs.length} article(s) to ${path}: ${(error as Error).message}`, { cause: error, source: inputs[0]?.source ?? path });
      }
    },
    recordSource: (source, articleId, runId) => {
      q.insertSource.run(source, articleId, runId);
    },
    recordFailure: (source, error, runId) => q.insertFailure.run(source, error.code, error.message, runId, new Date().toISOString()).changes > 0,
    search: (options: SearchOptions): SearchResult => search().search(options),
    findEntities: (name, opts) => search().findEntities(name, opts),
    analyses: (opts = {}) => readAnalyses(db, search(), opts.query, opts.filters),
    story: (id) => {
      const json = q.getStory.get(id);
      return json === undefined ? null : (JSON.parse(json) as StorySummary);
    },
    article: (id) => read().article(id),
    entities: (opts) => read().entities(opts),
    entity: (id) => read().entity(id),
    events: (opts) => read().events(opts),
    eventPlaces: (opts) => read().eventPlaces(opts),
    timeline: (opts) => read().timeline(opts),
    stories: (opts) => read().stories(opts),
    storyDetail: (id) => read().storyDetail(id),
    failures: () => db.prepare<[], { source: string; code: string; message: string }>('SELECT source, code, message FROM failures ORDER BY at, source').all(),
    forgetFailures: (paths) => {
      const all = db.prepare<[], string>('SELECT source FROM failures ORDER BY source').pluck().all();
      // A record's source is its file («news.jsonl#L12»), or the file itself for one-article files.
      const chosen = paths === undefined ? all : all.filter((source) => paths.some((p) => source === p || source.startsWith(`${p}#`)));
      const remove = db.prepare('DELETE FROM failures WHERE source = ?');
      db.transaction(() => {
        for (const source of chosen) remove.run(source);
      })();
      return chosen;
    },
    stats: (): StoreStats => {
      const count = (sql: string) => Number(db.prepare(sql).pluck().get());
      return {
        articles: count('SELECT count(*) FROM articles'),
        duplicates: count('SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL'),
        stories: count('SELECT count(*) FROM stories'),
        entities: count('SELECT count(*) FROM entities'),
        failures: count('SELECT count(*) FROM failures'),
        sources: count('SELECT count(*) FROM article_sources'),
      };
    },
    close: () => {
      if (db.open) {
        if (!db.readonly) db.pragma('optimize');
        db.close();
      }
    },
  };
}

/** Gives NIL entities their corpus-level id and follows the renaming into quotes and events. */
function rewriteIds(analysis: Analysis, identity: ReturnType<typeof createCorpusIdentity>): void {
  const renamed = new Map<string, string>();
  for (const e of analysis.entities) {
    const id = identity.idOf(e);
    if (id !== e.id) {
      renamed.set(e.id, id);
      e.id = id;
    }
  }
  if (renamed.size === 0) return;
  const fix = (ref: { entity: string | null } | null) => {
    if (ref?.entity && renamed.has(ref.entity)) ref.entity = renamed.get(ref.entity) as string;
  };
  for (const quote of analysis.quotes) fix(quote.speaker);
  for (const event of analysis.events) {
    event.actor.forEach(fix);
    event.recipient.forEach(fix);
    fix(event.location);
  }
}

function* readAnalyses(db: Database.Database, searcher: Searcher, query: string | undefined, filters: SearchFilters | undefined): Iterable<StoredAnalysis> {
  const rowids = searcher.matchingRowids({ ...(query === undefined ? {} : { query }), filters: { duplicates: true, ...filters } });
  const get = db.prepare<[number], { json: string; text: string; story_id: string | null; story_title: string | null; duplicate_of: string | null; previous_id: string | null }>(
    'SELECT n.json AS json, n.text AS text, a.story_id AS story_id, s.title AS story_title, a.duplicate_of AS duplicate_of, a.previous_id AS previous_id FROM articles a JOIN analyses n ON n.article_rowid = a.rowid LEFT JOIN stories s ON s.id = a.story_id WHERE a.rowid = ?',
  );
  for (const rowid of rowids) {
    const row = get.get(rowid);
    if (!row) continue;
    const analysis = JSON.parse(row.json) as Analysis;
    analysis.article.text = row.text;
    yield { analysis, story: row.story_id ? { id: row.story_id, title: row.story_title } : null, duplicateOf: row.duplicate_of, previousId: row.previous_id };
  }
}

export { PLACE_TYPES };

// Migration 1: articles with versions, analyses, corpus entities, mentions, quotes, events, stories, search indexes, ingest bookkeeping.
export const sql = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  inputs TEXT NOT NULL,
  ingested INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);

-- rowid is the FTS5 document id; id is the content hash of the cleaned text.
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source_id TEXT,
  url TEXT,
  outlet TEXT,
  published TEXT,
  day TEXT,
  title TEXT,
  source TEXT,
  -- the earlier version of this article at the same URL (a changed article is a new version, not a duplicate)
  previous_id TEXT REFERENCES articles(id),
  -- the article this one repeats (a reprint or agency copy folded by near-duplicate detection)
  duplicate_of TEXT REFERENCES articles(id),
  story_id TEXT REFERENCES stories(id),
  run_id INTEGER REFERENCES runs(id),
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_outlet_day ON articles(outlet, day);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_story ON articles(story_id);

-- Kept apart from articles so that scans of matches (recency, facets) read small rows.
CREATE TABLE analyses (
  article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  -- the cleaned body text; the analysis JSON is stored without it
  text TEXT NOT NULL,
  json TEXT NOT NULL
);

-- Corpus-level entities: one row per person, place or organisation across all articles.
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  name_en TEXT,
  kb TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  admin1 TEXT,
  level TEXT,
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE entity_variants (
  entity_id TEXT NOT NULL REFERENCES entities(id),
  variant TEXT NOT NULL,
  folded TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, variant)
) WITHOUT ROWID;
CREATE INDEX entity_variants_folded ON entity_variants(folded);
-- The name skeletons createCorpusIdentity folds NIL spelling variants with, so identity survives restarts.
CREATE TABLE entity_keys (key TEXT PRIMARY KEY, entity_id TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE article_entities (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_rowid, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_rowid);

CREATE TABLE mentions (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  field TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_rowid);

CREATE TABLE quotes (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  speaker_entity TEXT,
  speaker_text TEXT NOT NULL,
  cue TEXT NOT NULL,
  content TEXT NOT NULL,
  direct INTEGER NOT NULL,
  channel TEXT,
  PRIMARY KEY (article_rowid, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  cameo TEXT,
  location_entity TEXT,
  location_text TEXT,
  date TEXT,
  modality TEXT NOT NULL,
  confidence REAL NOT NULL,
  PRIMARY KEY (article_rowid, idx)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(type, article_rowid);
CREATE INDEX events_location ON events(location_entity);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  first_seen TEXT,
  last_seen TEXT,
  article_count INTEGER NOT NULL DEFAULT 0,
  json TEXT NOT NULL
);

-- What story clustering and duplicate folding keep per article, and their candidate indexes.
CREATE INDEX stories_seen ON stories(last_seen, first_seen);
CREATE TABLE story_features (
  article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  -- the MinHash signature (hex) checked against LSH candidates
  signature TEXT NOT NULL
);
CREATE TABLE lsh_bands (
  band TEXT NOT NULL,
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  PRIMARY KEY (band, article_rowid)
) WITHOUT ROWID;
CREATE TABLE term_stats (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Every input record seen and the article it became (several records may hold the same text).
CREATE TABLE article_sources (
  source TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  run_id INTEGER REFERENCES runs(id)
) WITHOUT ROWID;

-- Records that failed, with their code and message: never lost silently.
CREATE TABLE failures (
  source TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  at TEXT NOT NULL
) WITHOUT ROWID;

-- Input files finished whole: a rerun skips them without reading when size and mtime are unchanged.
CREATE TABLE input_files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  records INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id),
  done_at TEXT NOT NULL
) WITHOUT ROWID;

-- Body, title and lead hold our analysed terms (one folded stem per token), never raw text.
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, lead, body,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0'
);

-- Folded entity names and variants, for names typed in a variant spelling.
CREATE VIRTUAL TABLE entity_names USING fts5(entity_id UNINDEXED, name, tokenize='trigram');
`;

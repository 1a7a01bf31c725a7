// The Store interface: what ingest, search and export need from a corpus database, independent of the engine behind it.
import type { Analysis } from '../model/analysis.js';
import type { StorySummary } from '../stories/index.js';

/** One analysed article to write, with the input record it came from. */
export interface ArticleInput {
  analysis: Analysis;
  /** The input record (`path#L12`, a file path, `stdin`). */
  source: string;
  /** The MinHash signature of title + text, when a worker computed it already. */
  signature?: Uint32Array | null;
  /** The FTS5 columns as index terms, when a worker computed them already (see `indexFields`). */
  index?: { title: string; lead: string; body: string } | null;
}

/** What a write did with one article. */
export type PutOutcome =
  | {
      status: 'ingested';
      id: string;
      /** The earlier version at the same URL, when the text changed. */
      previousId: string | null;
      /** The article this one repeats (near-duplicate), folded into its story. */
      duplicateOf: string | null;
      storyId: string;
    }
  /** The same text (content hash) is stored already: a no-op apart from remembering the record. */
  | { status: 'present'; id: string };

export interface RunCounts {
  ingested: number;
  skipped: number;
  failed: number;
}

/** Search and export filters; every list is OR within itself and AND with the other filters. */
export interface SearchFilters {
  outlet?: string[];
  /** Entity ids (`iso:KZ`, `nil:…`) or names in any spelling (resolved through the variant and trigram indexes). */
  entity?: string[];
  /** PLOVER event types (PROTEST, ASSAULT, …). */
  type?: string[];
  /** Place ids or names (entities of type GPE, LOC or FAC). */
  place?: string[];
  /** Inclusive day bounds, YYYY-MM-DD. */
  from?: string;
  to?: string;
  story?: string;
  /** Include folded near-duplicates (default false for search, true for export). */
  duplicates?: boolean;
}

export interface SearchOptions {
  /** The query (words, "phrases", OR, -exclusion, (groups)); empty or absent lists by filters, newest first. */
  query?: string;
  filters?: SearchFilters;
  limit?: number;
  offset?: number;
  /** Compute facets over all matches (default true). */
  facets?: boolean;
  /** Build snippets for the returned hits (default true). */
  snippets?: boolean;
  /** Hit order: by score when there is a query, else newest first (default); or always newest or oldest first. */
  order?: 'relevance' | 'newest' | 'oldest';
}

/** A highlighted span, end-exclusive, in the text it belongs to. */
export interface Highlight {
  start: number;
  end: number;
}

/** A window of the ORIGINAL article text around the best matches; `start`/`end` are offsets into article.text. */
export interface Snippet {
  text: string;
  start: number;
  end: number;
  /** Offsets into `text` (the snippet), for rendering. */
  highlights: Highlight[];
}

export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  score: number;
  story: { id: string; title: string | null } | null;
  duplicateOf: string | null;
  /** Highlights in the title (offsets into `title`). */
  titleHighlights: Highlight[];
  snippet: Snippet | null;
}

export interface FacetCount {
  value: string;
  count: number;
  /** A readable label (the entity's Arabic name). */
  label?: string;
}

export interface Facets {
  outlet: FacetCount[];
  entity: FacetCount[];
  type: FacetCount[];
  day: FacetCount[];
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  facets: Facets | null;
  /** Entity ids the entity and place filters resolved to, by the text given. */
  resolved: Record<string, string[]>;
}

export interface EntityMatch {
  id: string;
  type: string;
  name: string;
  /** The variant that matched and how closely (1 = same folded spelling; trigram Jaccard otherwise). */
  variant: string;
  similarity: number;
  articleCount: number;
}

/** An article as export sees it: the full Analysis plus its story and duplicate link. */
export interface StoredAnalysis {
  analysis: Analysis;
  story: { id: string; title: string | null } | null;
  duplicateOf: string | null;
  previousId: string | null;
}

/** One article with everything its reader page shows: the full Analysis, its story, versions and folded copies. */
export interface ArticleDetail extends StoredAnalysis {
  /** Near-duplicates folded into this article, oldest first. */
  duplicates: Array<{ id: string; outlet: string | null; title: string | null; published: string | null }>;
}

/** One page of a list, and how many items there are in all. */
export interface Page<T> {
  total: number;
  items: T[];
}

export interface EntityName {
  ar: string;
  en: string | null;
}

export interface EntitySummary {
  id: string;
  type: string;
  name: EntityName;
  articleCount: number;
  /** With a name query: the spelling that matched and how closely (see EntityMatch). */
  variant?: string;
  similarity?: number;
}

export interface EntityDetail {
  entity: EntitySummary & {
    kb: string | null;
    geo: { lat: number; lon: number; country: string | null; level: string | null } | null;
  };
  /** Spellings in the corpus and how many articles used each, most used first. */
  variants: Array<{ text: string; count: number }>;
  /** Articles mentioning the entity per day, oldest first (folded duplicates not counted). */
  timeline: Array<{ day: string; count: number }>;
  /** Entities mentioned in the same articles, most shared first (top 20). */
  cooccurring: Array<{ id: string; type: string; name: EntityName; count: number }>;
  /** Quotes the entity is the speaker of, newest first (at most 50). */
  quotes: QuoteRow[];
  /** The newest articles mentioning it (at most 20). */
  articles: SearchHit[];
}

export interface QuoteRow {
  articleId: string;
  title: string | null;
  published: string | null;
  speaker: { entity: string | null; text: string };
  cue: string;
  content: { text: string; start: number; end: number };
  direct: boolean;
  channel: string | null;
  via: string[];
}

/** Filters of event lists, maps and timelines: the search filters, where type, place and from/to apply to each event. */
export interface EventFilters extends SearchFilters {
  /** Entity ids or names of an event's actors. */
  actor?: string[];
}

export interface EventQuery {
  query?: string;
  filters?: EventFilters;
}

export interface EventRef {
  entity: string | null;
  text: string;
  /** The linked entity's Arabic name. */
  name?: string;
}

export interface EventRow {
  articleId: string;
  idx: number;
  type: string;
  mode: string | null;
  cameo: string | null;
  date: string | null;
  /** The event's day (its resolved date, else the article's day), YYYY-MM-DD. */
  day: string | null;
  modality: string;
  confidence: number;
  actor: EventRef[];
  recipient: EventRef[];
  location: { entity: string | null; text: string; name: string | null; lat: number | null; lon: number | null; country: string | null } | null;
  size: Record<string, number | string>;
  evidence: { start: number; end: number; text: string };
  article: { title: string | null; outlet: string | null; published: string | null };
}

/** Events at one geolocated place. */
export interface EventPlace {
  place: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  count: number;
  types: Record<string, number>;
  dominantType: string;
  firstDay: string | null;
  lastDay: string | null;
}

export interface Timeline {
  /** The first and last day shown (the from/to filters when given, else the first and last event day). */
  from: string | null;
  to: string | null;
  /** Event types present, most frequent first. */
  types: string[];
  /** Every day from `from` to `to` (at most MAX_TIMELINE_DAYS), with its events by type. */
  days: Array<{ day: string; total: number; counts: Record<string, number> }>;
}

export interface StoryListItem {
  id: string;
  title: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  outlets: Record<string, number>;
  topEntities: Array<{ id: string; name: string; count: number }>;
  eventTypes: Record<string, number>;
}

export interface StoryDetail {
  story: Omit<StoryListItem, 'topEntities'> & {
    entities: Array<{ id: string; name: string; type: string; count: number }>;
    places: Array<{ id: string; name: string; type: string; count: number }>;
  };
  /** The story's articles, oldest first (folded duplicates included, at most 200). */
  articles: SearchHit[];
  timeline: Timeline;
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  stories: number;
  entities: number;
  failures: number;
  sources: number;
}

export interface Store {
  readonly path: string;
  /** True when an article with this content hash is stored. */
  hasArticle(id: string): boolean;
  /** True when this input record was already handled (stored, recognised as present, or failed). */
  hasSource(source: string): boolean;
  /** True when this input file was finished whole with the same size and modification time. */
  isInputDone(path: string, size: number, mtimeMs: number): boolean;
  markInputDone(path: string, size: number, mtimeMs: number, records: number, runId: number): void;
  beginRun(inputs: string[]): number;
  finishRun(runId: number, counts: RunCounts): void;
  /** Writes articles in one transaction, in order: versions, duplicates and stories are decided here. */
  putArticles(inputs: readonly ArticleInput[], runId: number): PutOutcome[];
  /** Remembers that an input record holds an article already stored (same text), so a rerun skips it. */
  recordSource(source: string, articleId: string, runId: number): void;
  /** Records a failed record with its code and message; returns false when it was recorded before. */
  recordFailure(source: string, error: { code: string; message: string }, runId: number): boolean;
  search(options: SearchOptions): SearchResult;
  /** Entities whose name or a variant matches `name`, exact folded spellings first, then by trigram similarity. */
  findEntities(name: string, options?: { limit?: number; types?: readonly string[] }): EntityMatch[];
  /** Stored analyses matching the filters (and query, when given), oldest first. */
  analyses(options?: { query?: string; filters?: SearchFilters }): Iterable<StoredAnalysis>;
  story(id: string): StorySummary | null;
  /** One article by id with its analysis, story, versions and folded duplicates; null when not stored. */
  article(id: string): ArticleDetail | null;
  /** Entities by name (`query`, any spelling) or, without one, most mentioned first. */
  entities(options?: { query?: string; type?: string; limit?: number; offset?: number }): Page<EntitySummary>;
  entity(id: string): EntityDetail | null;
  /** Events matching the filters, newest day first. */
  events(options?: EventQuery & { limit?: number; offset?: number }): Page<EventRow>;
  /** Events per geolocated place (the event's location), most events first. */
  eventPlaces(options?: EventQuery): EventPlace[];
  /** Events per day by type. */
  timeline(options?: EventQuery): Timeline;
  /** Stories, most recent first; with a query, those holding a matching article. */
  stories(options?: { query?: string; limit?: number; offset?: number }): Page<StoryListItem>;
  storyDetail(id: string): StoryDetail | null;
  failures(): Array<{ source: string; code: string; message: string }>;
  /** Forgets the recorded failures whose source is in one of `paths` (all of them without paths), so a run tries those records again; returns their sources. */
  forgetFailures(paths?: readonly string[]): string[];
  stats(): StoreStats;
  close(): void;
}

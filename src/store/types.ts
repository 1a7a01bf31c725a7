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
  failures(): Array<{ source: string; code: string; message: string }>;
  stats(): StoreStats;
  close(): void;
}

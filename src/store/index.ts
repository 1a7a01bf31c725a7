// The store layer's public entry: the Store interface, its SQLite default, the search analyzer and corpus ingest.
import { loadSearchAnalyzer } from './ingest-workers.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export type * from './types.js';
export { openSqliteStore, upgradeSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { createTextAnalyzer, type TextAnalyzer, type Term } from './search/text-analyzer.js';
export { parseQuery, toFtsMatch, positiveTerms, type QueryNode } from './search/query.js';
export { buildSnippet, findHighlights, markHighlights } from './search/snippet.js';
export { trigramsOf, trigramSimilarity } from './search/trigrams.js';
export { ingestPaths, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest.js';
export { loadSearchAnalyzer, createAnalysisPool, threadMemory, type AnalysisPool, type AnalysisResult, type ThreadMemory } from './ingest-workers.js';
export { indexFields } from './search/text-analyzer.js';
export { MIGRATIONS } from './sqlite/migrations/index.js';
export { MAX_TIMELINE_DAYS, eventDayOf } from './sqlite/sqlite-read.js';


/** Opens the SQLite store at `path` with the shipped analyzer; `readonly` for search and export. */
export function openStore(path: string, options: { resourcesDir: string; readonly?: boolean }): Store {
  return openSqliteStore(path, { analyzer: loadSearchAnalyzer(options.resourcesDir), readonly: options.readonly ?? false });
}

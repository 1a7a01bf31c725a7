// Typed paths and fetch helpers for the marsad HTTP API (/api/…), mirroring the API contract.
// The model and store types are the server's own (one schema for both); only the envelopes are declared here.
import type { Analysis } from '../../src/model/analysis.js';
import type {
  ArticleDetail,
  EntityDetail,
  EntitySummary,
  EventPlace,
  SearchResult,
  StoreStats,
  StoryDetail,
  StoryListItem,
  Timeline,
} from '../../src/store/types.js';
import type { DateWindow } from '../../src/model/date-window.js';
import { filterParams, withFilters, type Filters } from './lib/filters.js';

export type { Analysis, Entity, Event, Quote } from '../../src/model/analysis.js';
export type {
  EntityName as Name,
  EventRow,
  FacetCount,
  Facets,
  Highlight,
  QuoteRow,
  SearchHit,
  Snippet,
  StoreStats,
} from '../../src/store/types.js';

/** A list response: one page of items, the total, and the paging asked for. */
export interface Page<T> {
  total: number;
  items: T[];
  limit: number;
  offset: number;
}

export interface Health {
  ok: boolean;
  version: string;
  readOnly: boolean;
  stats: StoreStats;
}

export type SearchResponse = SearchResult & { limit: number; offset: number };

/** GET /api/articles/:id: the stored article (its Analysis with the full text) and its links. */
export type ArticleResponse = Omit<ArticleDetail, 'analysis'> & { analysis: Analysis };
export type EntityResponse = EntityDetail;
export type EntityListResponse = Page<EntitySummary>;
export type TimelineResponse = Timeline;
/** GET /api/timeline?window=auto: without from/to, the timeline cut to the default window, and that window (null: none). */
export type WindowedTimelineResponse = Timeline & { window?: DateWindow | null };
export type StoryRow = StoryListItem;
export type StoryResponse = StoryDetail;

/** GET /api/events/geojson: one Point feature per place ([lon, lat]). */
export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Omit<EventPlace, 'lat' | 'lon'>;
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  /** With window=auto: the default date window the places are of, or null when none applies. */
  window?: DateWindow | null;
  features: PlaceFeature[];
}

/** `auto`: without from/to in the filters, the server answers for the default date window (src/model/date-window.ts). */
export type WindowParam = 'auto' | undefined;

export type ExportFormat = 'jsonl' | 'csv' | 'acled' | 'plover';

/** API paths; list endpoints take the shared filters plus paging. */
export const api = {
  health: () => '/api/health',
  search: (filters: Filters, page: { limit: number; offset: number }) => withFilters('/api/search', filters, { ...page, facets: true, snippets: true }),
  articles: (filters: Filters, page: { limit: number; offset: number }) => withFilters('/api/articles', filters, page),
  article: (id: string) => `/api/articles/${encodeURIComponent(id)}`,
  entity: (id: string) => `/api/entities/${encodeURIComponent(id)}`,
  events: (filters: Filters, page: { limit: number; offset: number }) => withFilters('/api/events', filters, page),
  geojson: (filters: Filters, window?: WindowParam) => withFilters('/api/events/geojson', filters, { window }),
  timeline: (filters: Filters, window?: WindowParam) => withFilters('/api/timeline', filters, { window }),
  stories: (page: { limit: number; offset: number }, q?: string) => `/api/stories?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(page.limit), offset: String(page.offset) }).toString()}`,
  story: (id: string) => `/api/stories/${encodeURIComponent(id)}`,
  /** A download of what matches the filters: analyses (jsonl), PLOVER records, a CSV table, or ACLED rows. */
  export: (format: ExportFormat, filters: Filters, table: 'events' | 'entities' | 'quotes' = 'events') =>
    `/api/export?${filterParams(filters, { format, ...(format === 'csv' ? { table } : {}) }).toString()}`,
} as const;

/** An API error, from the `{error:{code,message}}` body or the transport. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function errorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

/** Answers asked for before the page that needs them rendered, by path, with when they were asked for. */
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();
/** A prefetched answer older than this is not used (the page asked for something else, or much later). */
const PREFETCH_TTL_MS = 10_000;

/**
 * Starts GET `path` now, for a page that will ask for it once its code has loaded (the first page of a visit: its
 * data and its chunk then load at the same time). The page's fetchJson of the same path takes the answer, once.
 */
export function prefetchJson(path: string): void {
  if (prefetched.has(path)) return;
  const answer = requestJson(path);
  answer.catch(() => undefined); // the page that takes it sees the failure
  prefetched.set(path, { at: performance.now(), answer });
}

/** GETs an API path as JSON; throws ApiError with the server's code and message on a 4xx/5xx. */
export function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const early = prefetched.get(path);
  if (early !== undefined) {
    prefetched.delete(path);
    if (performance.now() - early.at <= PREFETCH_TTL_MS) return early.answer as Promise<T>;
  }
  return requestJson<T>(path, signal);
}

async function requestJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal: signal ?? null, headers: { Accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('E_NETWORK', `The server did not answer (${String(cause)}).`, 0);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = errorBody(body);
    throw new ApiError(error?.code ?? 'E_HTTP', error?.message ?? `HTTP ${response.status} ${response.statusText}`, response.status);
  }
  if (body === null) throw new ApiError('E_BAD_RESPONSE', `Expected JSON from ${path}.`, response.status);
  return body as T;
}

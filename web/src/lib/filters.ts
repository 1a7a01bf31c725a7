// The shared filters (q, outlet, entity, type, place, from, to, story, duplicates) to and from URL query strings.
import type { SearchFilters } from '../../../src/store/types.js';

/** The store's search filters plus the query text. */
export interface Filters extends SearchFilters {
  q?: string;
}

export type ListFilter = 'outlet' | 'entity' | 'type' | 'place';
export const LIST_FILTERS: readonly ListFilter[] = ['outlet', 'entity', 'type', 'place'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads filters from a query string; repeated list params are kept in order, blanks and malformed days dropped. */
export function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  for (const key of LIST_FILTERS) {
    const values = params
      .getAll(key)
      .flatMap((v) => (key === 'type' ? v.split(',') : [v]))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (values.length > 0) filters[key] = [...new Set(values)];
  }
  for (const key of ['from', 'to'] as const) {
    const day = params.get(key);
    if (day && DAY.test(day)) filters[key] = day;
  }
  const story = params.get('story')?.trim();
  if (story) filters.story = story;
  const duplicates = params.get('duplicates');
  if (duplicates === 'true' || duplicates === 'false') filters.duplicates = duplicates === 'true';
  return filters;
}

/** Writes filters as query params (list filters repeated), in a stable order; `extra` params are appended. */
export function filterParams(filters: Filters, extra: Record<string, string | number | boolean | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const key of LIST_FILTERS) for (const value of filters[key] ?? []) params.append(key, value);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.story) params.set('story', filters.story);
  if (filters.duplicates !== undefined) params.set('duplicates', String(filters.duplicates));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  return params;
}

/** `path?query` with the filters, or the bare path when there are none. */
export function withFilters(path: string, filters: Filters, extra?: Record<string, string | number | boolean | undefined>): string {
  const query = filterParams(filters, extra).toString();
  return query ? `${path}?${query}` : path;
}

/** The filters with `value` added to or removed from a list filter (facet clicks), dropping the page offset. */
export function toggleFilter(filters: Filters, key: ListFilter, value: string): Filters {
  const current = filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const result: Filters = { ...filters };
  if (next.length > 0) result[key] = next;
  else delete result[key];
  return result;
}

/** True when no filter is set. */
export function isEmpty(filters: Filters): boolean {
  return filterParams(filters).toString() === '';
}

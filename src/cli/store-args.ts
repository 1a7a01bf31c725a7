// Shared options of the store commands (ingest, search, export): the database path and the search filters.
import type { SearchFilters } from '../store/index.js';

export const DEFAULT_DB = 'marsad.sqlite';

/** parseArgs options for the filters, shared by `marsad search` and `marsad export`. */
export const FILTER_OPTIONS = {
  outlet: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  place: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  story: { type: 'string' },
} as const;

export function filtersOf(values: { outlet?: string[]; entity?: string[]; type?: string[]; place?: string[]; from?: string; to?: string; story?: string }): SearchFilters {
  const filters: SearchFilters = {};
  if (values.outlet) filters.outlet = values.outlet;
  if (values.entity) filters.entity = values.entity;
  if (values.type) filters.type = values.type.flatMap((t) => t.split(','));
  if (values.place) filters.place = values.place;
  if (values.from) filters.from = values.from;
  if (values.to) filters.to = values.to;
  if (values.story) filters.story = values.story;
  return filters;
}

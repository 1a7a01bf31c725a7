// Events: filtered lists, a GeoJSON map of events per place, and events per day by type.
import { z } from 'zod';
import { findDefaultWindow, hasDateRange, windowTimeline, type DateWindow } from '../../model/date-window.js';
import type { EventQuery as StoreEventQuery, Store } from '../../store/index.js';
import { defineRoute } from '../route.js';
import { FILTER_PARAMS, List, PAGE_PARAMS, filtersOf } from '../params.js';
import { EventRow, GeoJsonResponse, WindowedTimelineResponse, listOf } from '../schemas.js';

const EVENT_NOTE = 'type, place, actor and from/to apply to each event (its PLOVER type, location, actors and day); q, outlet, entity and story to its article.';
const WINDOW_NOTE =
  'With window=auto and no from/to, the answer covers the default date window (the days holding the events, so that a few events dated years away do not stretch the range) and says which in `window`.';
const EventQuery = z.object({ ...FILTER_PARAMS, actor: List('Actor entity id or name (repeatable; any of them).') });
const EventListQuery = EventQuery.extend(PAGE_PARAMS);
const WindowedQuery = EventQuery.extend({
  window: z.enum(['auto']).optional().describe('auto: without from/to, answer for the default date window of the event days (the UI\'s map and timeline); ignored when from or to is given.'),
});

/** The default window of the events `options` selects, or null when a range is asked for or no window applies. */
function defaultWindow(store: Store, options: StoreEventQuery): DateWindow | null {
  return hasDateRange(options.filters ?? {}) ? null : findDefaultWindow(store.timeline(options).days);
}

export const eventRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/events',
    tag: 'events',
    summary: 'Events matching the filters, newest day first',
    description: EVENT_NOTE,
    query: EventListQuery,
    response: listOf(EventRow),
    handler: ({ query, deps }) => {
      const limit = query.limit ?? 20;
      const offset = query.offset ?? 0;
      const page = deps.store.events({ ...(query.q ? { query: query.q } : {}), filters: filtersOf(query), limit, offset });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/events/geojson',
    tag: 'events',
    summary: 'Events per geolocated place as a GeoJSON FeatureCollection (one Point per place)',
    description: `${EVENT_NOTE} ${WINDOW_NOTE}`,
    query: WindowedQuery,
    response: GeoJsonResponse,
    handler: ({ query, deps }) => {
      const options = { ...(query.q ? { query: query.q } : {}), filters: filtersOf(query) };
      // One request for the map: the window's days are found here, not by a timeline request before this one.
      const window = query.window === 'auto' ? defaultWindow(deps.store, options) : undefined;
      const places = deps.store.eventPlaces(window ? { ...options, filters: { ...options.filters, from: window.from, to: window.to } } : options);
      return {
        type: 'FeatureCollection' as const,
        ...(window === undefined ? {} : { window }),
        features: places.map((p) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] as [number, number] },
          properties: { place: p.place, name: p.name, country: p.country, count: p.count, types: p.types, dominantType: p.dominantType, firstDay: p.firstDay, lastDay: p.lastDay },
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/timeline',
    tag: 'events',
    summary: 'Events per day by type; every day from the first to the last (at most 3660) is listed',
    description: `${EVENT_NOTE} ${WINDOW_NOTE} The window's days are cut from the whole timeline; \`types\` stays that of every day.`,
    query: WindowedQuery,
    response: WindowedTimelineResponse,
    handler: ({ query, deps }) => {
      const options = { ...(query.q ? { query: query.q } : {}), filters: filtersOf(query) };
      const timeline = deps.store.timeline(options);
      if (query.window !== 'auto') return timeline;
      const window = hasDateRange(options.filters) ? null : findDefaultWindow(timeline.days);
      return { ...windowTimeline(timeline, window), window };
    },
  }),
];

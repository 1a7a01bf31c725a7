// Events: filtered lists, a GeoJSON map of events per place, and events per day by type.
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { FILTER_PARAMS, List, PAGE_PARAMS, filtersOf } from '../params.js';
import { EventRow, GeoJsonResponse, TimelineResponse, listOf } from '../schemas.js';

const EVENT_NOTE = 'type, place, actor and from/to apply to each event (its PLOVER type, location, actors and day); q, outlet, entity and story to its article.';
const EventQuery = z.object({ ...FILTER_PARAMS, actor: List('Actor entity id or name (repeatable; any of them).') });
const EventListQuery = EventQuery.extend(PAGE_PARAMS);

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
    description: EVENT_NOTE,
    query: EventQuery,
    response: GeoJsonResponse,
    handler: ({ query, deps }) => ({
      type: 'FeatureCollection' as const,
      features: deps.store.eventPlaces({ ...(query.q ? { query: query.q } : {}), filters: filtersOf(query) }).map((p) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] as [number, number] },
        properties: { place: p.place, name: p.name, country: p.country, count: p.count, types: p.types, dominantType: p.dominantType, firstDay: p.firstDay, lastDay: p.lastDay },
      })),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/timeline',
    tag: 'events',
    summary: 'Events per day by type; every day from the first to the last (at most 3660) is listed',
    description: EVENT_NOTE,
    query: EventQuery,
    response: TimelineResponse,
    handler: ({ query, deps }) => deps.store.timeline({ ...(query.q ? { query: query.q } : {}), filters: filtersOf(query) }),
  }),
];

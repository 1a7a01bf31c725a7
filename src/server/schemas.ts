// Response shapes as zod schemas: the OpenAPI document is generated from them and the API tests check every answer against them.
import { z } from 'zod';
import { Analysis } from '../model/analysis.js';

const Highlight = z.strictObject({ start: z.number().int(), end: z.number().int() });
const Snippet = z.strictObject({ text: z.string(), start: z.number().int(), end: z.number().int(), highlights: z.array(Highlight) });
const StoryRef = z.strictObject({ id: z.string(), title: z.string().nullable() });

export const SearchHit = z.strictObject({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  score: z.number(),
  story: StoryRef.nullable(),
  duplicateOf: z.string().nullable(),
  titleHighlights: z.array(Highlight).describe('Offsets into title.'),
  snippet: Snippet.nullable().describe('A window of the article text; highlights are offsets into snippet.text. Render as text.'),
});

const FacetCount = z.strictObject({ value: z.string(), count: z.number().int(), label: z.string().optional() });
const PageFields = { limit: z.number().int(), offset: z.number().int() };

export const SearchResponse = z.strictObject({
  query: z.string(),
  total: z.number().int(),
  hits: z.array(SearchHit),
  facets: z.strictObject({ outlet: z.array(FacetCount), entity: z.array(FacetCount), type: z.array(FacetCount), day: z.array(FacetCount) }).nullable(),
  resolved: z.record(z.string(), z.array(z.string())).describe('Entity ids each entity/place filter value resolved to.'),
  ...PageFields,
});

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ total: z.number().int(), items: z.array(item), ...PageFields });

const EntityName = z.strictObject({ ar: z.string(), en: z.string().nullable() });

export const ArticleResponse = z.strictObject({
  analysis: Analysis,
  story: StoryRef.nullable(),
  duplicateOf: z.string().nullable(),
  previousId: z.string().nullable(),
  duplicates: z.array(z.strictObject({ id: z.string(), outlet: z.string().nullable(), title: z.string().nullable(), published: z.string().nullable() })),
});

export const EntityItem = z.strictObject({
  id: z.string(),
  type: z.string(),
  name: EntityName,
  articleCount: z.number().int(),
  variant: z.string().optional(),
  similarity: z.number().optional(),
});

export const EntityResponse = z.strictObject({
  entity: EntityItem.omit({ variant: true, similarity: true }).extend({
    kb: z.string().nullable(),
    geo: z.strictObject({ lat: z.number(), lon: z.number(), country: z.string().nullable(), level: z.string().nullable() }).nullable(),
  }),
  variants: z.array(z.strictObject({ text: z.string(), count: z.number().int() })),
  timeline: z.array(z.strictObject({ day: z.string(), count: z.number().int() })),
  cooccurring: z.array(z.strictObject({ id: z.string(), type: z.string(), name: EntityName, count: z.number().int() })),
  quotes: z.array(
    z.strictObject({
      articleId: z.string(),
      title: z.string().nullable(),
      published: z.string().nullable(),
      speaker: z.strictObject({ entity: z.string().nullable(), text: z.string() }),
      cue: z.string(),
      content: z.strictObject({ text: z.string(), start: z.number().int(), end: z.number().int() }),
      direct: z.boolean(),
      channel: z.string().nullable(),
      via: z.array(z.string()),
    }),
  ),
  articles: z.array(SearchHit),
});

const EventRef = z.strictObject({ entity: z.string().nullable(), text: z.string(), name: z.string().optional() });

export const EventRow = z.strictObject({
  articleId: z.string(),
  idx: z.number().int(),
  type: z.string(),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  date: z.string().nullable(),
  day: z.string().nullable(),
  modality: z.string(),
  confidence: z.number(),
  actor: z.array(EventRef),
  recipient: z.array(EventRef),
  location: z
    .strictObject({ entity: z.string().nullable(), text: z.string(), name: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable(), country: z.string().nullable() })
    .nullable(),
  size: z.record(z.string(), z.union([z.number(), z.string()])),
  evidence: z.strictObject({ start: z.number().int(), end: z.number().int(), text: z.string() }),
  article: z.strictObject({ title: z.string().nullable(), outlet: z.string().nullable(), published: z.string().nullable() }),
});

/** The default date window the server applied (`window=auto`); src/model/date-window.ts. */
export const DateWindow = z
  .strictObject({
    rule: z.enum(['central', 'busiest']).describe('central: the days holding the central 98 % of events; busiest: the busiest stretch of at most 90 days (its own central 98 %).'),
    from: z.string().describe('First day of the window, YYYY-MM-DD (a day with events).'),
    to: z.string().describe('Last day of the window, YYYY-MM-DD (a day with events).'),
    events: z.number().int().describe('Events inside the window.'),
    total: z.number().int().describe('Events on all days.'),
    first: z.string().describe('First day with events: `from` to show all dates.'),
    last: z.string().describe('Last day with events: `to` to show all dates.'),
  })
  .nullable()
  .optional()
  .describe(
    'Only with window=auto: the default date window applied when no from/to is given (the answer covers its days only), or null when none applies: a from/to was given, no day has events, or the window would hold every event (they span at most 120 days, or no stretch of 90 days holds half of them).',
  );

export const GeoJsonResponse = z.strictObject({
  type: z.literal('FeatureCollection'),
  window: DateWindow,
  features: z.array(
    z.strictObject({
      type: z.literal('Feature'),
      geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[lon, lat]') }),
      properties: z.strictObject({
        place: z.string(),
        name: z.string(),
        country: z.string().nullable(),
        count: z.number().int(),
        types: z.record(z.string(), z.number().int()),
        dominantType: z.string(),
        firstDay: z.string().nullable(),
        lastDay: z.string().nullable(),
      }),
    }),
  ),
});

export const TimelineResponse = z.strictObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  types: z.array(z.string()),
  days: z.array(z.strictObject({ day: z.string(), total: z.number().int(), counts: z.record(z.string(), z.number().int()) })),
});

/** /api/timeline: a timeline, with the window it was cut to when `window=auto` was asked for. */
export const WindowedTimelineResponse = TimelineResponse.extend({ window: DateWindow });

const StoryFields = {
  id: z.string(),
  title: z.string().nullable(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  articleCount: z.number().int(),
  outlets: z.record(z.string(), z.number()),
  eventTypes: z.record(z.string(), z.number()),
};
export const StoryItem = z.strictObject({ ...StoryFields, topEntities: z.array(z.strictObject({ id: z.string(), name: z.string(), count: z.number().int() })) });
const CountedEntity = z.strictObject({ id: z.string(), name: z.string(), type: z.string(), count: z.number().int() });

export const StoryResponse = z.strictObject({
  story: z.strictObject({ ...StoryFields, entities: z.array(CountedEntity), places: z.array(CountedEntity) }),
  articles: z.array(SearchHit),
  timeline: TimelineResponse,
});

export const HealthResponse = z.strictObject({
  ok: z.literal(true),
  version: z.string(),
  readOnly: z.boolean(),
  stats: z.strictObject({
    articles: z.number().int(),
    duplicates: z.number().int(),
    stories: z.number().int(),
    entities: z.number().int(),
    failures: z.number().int(),
    sources: z.number().int(),
  }),
});

export const StoredResponse = z.union([
  z.strictObject({
    status: z.literal('ingested'),
    id: z.string(),
    previousId: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    storyId: z.string(),
    analysis: Analysis,
  }),
  z.strictObject({ status: z.literal('present'), id: z.string(), analysis: Analysis }),
]);

export const ErrorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(['E_BAD_REQUEST', 'E_UNAUTHORIZED', 'E_READ_ONLY', 'E_NOT_FOUND', 'E_TOO_LARGE', 'E_UNSUPPORTED', 'E_INTERNAL']),
    message: z.string(),
  }),
});

export { Analysis };

// The public contract: the Analysis JSON marsad emits for one article (schema "marsad.analysis/1").
// zod is the single source of truth; the JSON Schema in schema/ is generated from it (scripts/export-schema.ts).
import { z } from 'zod';

export const SCHEMA_ID = 'marsad.analysis/1';

/** Which text a span indexes: the article body by default, or its title or caption. */
export const Field = z.enum(['text', 'title', 'caption']);
export type Field = z.infer<typeof Field>;

/** An end-exclusive span of JavaScript string indices; `field` is omitted for the body text. */
export const Span = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  field: Field.optional(),
});
export type Span = z.infer<typeof Span>;

export const TextSpan = Span.extend({ text: z.string() });
export type TextSpan = z.infer<typeof TextSpan>;

export const RemovedKind = z.enum(['read-also', 'pull-quote', 'boilerplate', 'share', 'caption', 'byline', 'dateline', 'navigation', 'empty']);
export type RemovedKind = z.infer<typeof RemovedKind>;

export const Removed = z.strictObject({ kind: RemovedKind, text: z.string() });
export type Removed = z.infer<typeof Removed>;

export const Article = z.strictObject({
  id: z.string(),
  /** The id the input record carried (JSONL `id`, feed guid), kept so output lines match input lines. */
  sourceId: z.string().nullable().optional(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  /** ISO 8601: a date (2022-01-06) or a date-time with offset. */
  published: z.string().nullable(),
  title: z.string().nullable(),
  caption: z.string().nullable(),
  photoCredit: z.string().nullable(),
  language: z.string(),
  text: z.string(),
  paragraphs: z.array(Span),
  removed: z.array(Removed),
  /** Where the article came from: a file path, "stdin", or path#line for JSONL, path#item for feeds. */
  source: z.string().optional(),
});
export type Article = z.infer<typeof Article>;

export const EntityType = z.enum(['PER', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'MEDIA', 'MISC']);
export type EntityType = z.infer<typeof EntityType>;

export const MentionKind = z.enum(['name', 'nominal', 'pronoun']);

export const Mention = TextSpan.extend({ kind: MentionKind, score: z.number().optional() });
export type Mention = z.infer<typeof Mention>;

export const Geo = z.strictObject({
  lat: z.number(),
  lon: z.number(),
  country: z.string().nullable(),
  admin1: z.string().nullable().optional(),
  level: z.enum(['country', 'region', 'city', 'facility']).optional(),
});

export const Entity = z.strictObject({
  id: z.string(),
  type: EntityType,
  name: z.strictObject({ ar: z.string(), en: z.string().nullable().optional() }),
  kb: z.string().nullable().optional(),
  geo: Geo.nullable().optional(),
  mentions: z.array(Mention),
});
export type Entity = z.infer<typeof Entity>;

/** A reference to an entity (by id, when linked) with the words that named it. */
export const EntityRef = z.strictObject({ entity: z.string().nullable(), text: z.string() });

export const Quote = z.strictObject({
  speaker: EntityRef,
  cue: z.string(),
  content: TextSpan,
  direct: z.boolean(),
  channel: z.string().nullable(),
  via: z.array(z.string()),
  evidence: TextSpan.optional(),
});
export type Quote = z.infer<typeof Quote>;

export const Granularity = z.enum(['instant', 'hour', 'part-of-day', 'day', 'week', 'month', 'year', 'interval']);
export type Granularity = z.infer<typeof Granularity>;

export const TimeExpr = TextSpan.extend({
  /** ISO 8601 date, date-time, or interval "start/end"; null when it cannot be resolved. */
  value: z.string().nullable(),
  granularity: Granularity,
});
export type TimeExpr = z.infer<typeof TimeExpr>;

export const Size = z.union([z.number(), z.string()]);

export const Event = z.strictObject({
  type: z.string(),
  mode: z.string().nullable(),
  context: z.array(z.string()).optional(),
  cameo: z.string().nullable(),
  actor: z.array(EntityRef),
  recipient: z.array(EntityRef),
  location: EntityRef.nullable(),
  date: z.string().nullable(),
  size: z.record(z.string(), Size),
  modality: z.enum(['asserted', 'reported', 'future', 'hypothetical', 'negated']),
  evidence: TextSpan,
  confidence: z.number().min(0).max(1),
});
export type Event = z.infer<typeof Event>;

export const Analysis = z.strictObject({
  schema: z.literal(SCHEMA_ID),
  article: Article,
  sentences: z.array(Span),
  entities: z.array(Entity),
  quotes: z.array(Quote),
  times: z.array(TimeExpr),
  events: z.array(Event),
  /** Per-stage timings in milliseconds, when asked for. */
  timings: z.record(z.string(), z.number()).optional(),
});
export type Analysis = z.infer<typeof Analysis>;

/** The JSON Schema (draft 2020-12) of the Analysis contract. */
export function analysisJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Analysis, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

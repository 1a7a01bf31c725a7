// Request parameters as zod schemas: the one definition validates requests and writes the OpenAPI parameters.
import { z } from 'zod';
import { ApiError } from './errors.js';
import type { EventFilters, SearchFilters } from '../store/index.js';

/** Longest accepted query text; a longer `q` is refused rather than turned into thousands of index lookups. */
export const MAX_QUERY_LENGTH = 1000;
/** Longest accepted value of any other parameter. */
export const MAX_VALUE_LENGTH = 300;
export const MAX_LIMIT = 200;
export const MAX_OFFSET = 100_000;
/** Values a repeated parameter may have. */
export const MAX_REPEATS = 20;

/** Article ids are hex content hashes. */
export const ARTICLE_ID = /^[0-9a-f]{8,64}$/u;
/**
 * Entity ids: a scheme, a colon and letters (Arabic included), digits and `:_.-/` — `iso:KZ`, `nil:12cb8ef39d32`,
 * `marsad:org/un` (the slash is why ids are URL-encoded in paths). Never read as a file path.
 */
export const ENTITY_ID = /^[a-z][a-z0-9_-]{0,30}:[\p{L}\p{M}\p{N}_.:/-]{1,190}$/u;
export const STORY_ID = /^[a-z]{1,20}:[0-9A-Za-z_-]{1,100}$/u;

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/u, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

export const Limit = wholeNumber('limit', 1, MAX_LIMIT).optional().describe(`Items per page, 1–${MAX_LIMIT} (default 20).`);
export const Offset = wholeNumber('offset', 0, MAX_OFFSET).optional().describe(`Items to skip, 0–${MAX_OFFSET} (default 0).`);
export const Bool = (description: string) => z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe(description);

/** A calendar day YYYY-MM-DD that exists (2024-02-30 does not). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'expected a real calendar date YYYY-MM-DD');

const Value = z.string().min(1).max(MAX_VALUE_LENGTH);
/** A repeatable parameter: `?outlet=a&outlet=b` means a or b. */
export const List = (description: string) => z.array(Value).max(MAX_REPEATS).optional().describe(description);
export const Query = z.string().max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`).optional();

/** The filters shared by search, articles, events, timeline, geojson and export. */
export const FILTER_PARAMS = {
  q: Query.describe('Search query in the store language: words, "phrases", OR, -exclusion, (groups).'),
  outlet: List('Outlet (repeatable; any of them).'),
  entity: List('Entity id (iso:SA) or a name in any spelling (repeatable; articles mentioning each).'),
  type: List('PLOVER event type (PROTEST, ASSAULT, …); repeatable or comma-separated.'),
  place: List('Place id or name (GPE, LOC, FAC); repeatable.'),
  from: Day.optional().describe('First day, YYYY-MM-DD (inclusive).'),
  to: Day.optional().describe('Last day, YYYY-MM-DD (inclusive).'),
  story: z.string().regex(STORY_ID, 'story must be a story id like story:5e9c9ab7b0c24414').optional().describe('Story id.'),
  duplicates: Bool('Include folded near-duplicates (default false; export: true).'),
} as const;

export const PAGE_PARAMS = { limit: Limit, offset: Offset } as const;

/** True for a repeatable parameter (an optional array); every other parameter given twice is refused. */
export function isListParam(field: z.ZodType): boolean {
  const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
  return inner instanceof z.ZodArray;
}

type FilterValues = { [K in keyof typeof FILTER_PARAMS]?: z.output<(typeof FILTER_PARAMS)[K]> } & { actor?: string[] };

export function filtersOf(values: FilterValues, defaults: { duplicates: boolean } = { duplicates: false }): EventFilters & SearchFilters {
  const filters: EventFilters = { duplicates: values.duplicates ?? defaults.duplicates };
  if (values.outlet) filters.outlet = values.outlet;
  if (values.entity) filters.entity = values.entity;
  if (values.type) filters.type = values.type.flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  if (values.place) filters.place = values.place;
  if (values.actor) filters.actor = values.actor;
  if (values.from) filters.from = values.from;
  if (values.to) filters.to = values.to;
  if (values.story) filters.story = values.story;
  if (filters.from && filters.to && filters.from > filters.to) throw new ApiError('E_BAD_REQUEST', `from (${filters.from}) is after to (${filters.to})`);
  return filters;
}

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/**
 * Shapes a parsed query string for a route's schema: list parameters become arrays, a scalar given twice or any
 * value holding a control character (NUL) is refused with a message naming the parameter.
 */
export function normalizeQuery(raw: Record<string, string | string[]>, fields: ReadonlyMap<string, { list: boolean }>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = fields.get(key);
    if (field === undefined) continue; // unknown parameters are ignored
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (CONTROL.test(v)) throw new ApiError('E_BAD_REQUEST', `parameter ${key} holds a control character`);
    }
    if (field.list) out[key] = values.filter((v) => v.trim() !== '');
    else if (values.length > 1) throw new ApiError('E_BAD_REQUEST', `parameter ${key} is given ${values.length} times; give it once`);
    else out[key] = values[0] as string;
  }
  return out;
}

/** Parses `value` with `schema`, or throws a 400 naming each bad field (`where`: query, path, body). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : where}: ${issue.message}`);
  throw new ApiError('E_BAD_REQUEST', `Invalid ${where}: ${problems.join('; ')}`);
}

/** A query string as an object; a repeated key gives an array (`?type=A&type=B`). */
export function parseQueryString(text: string): Record<string, string | string[]> {
  // No prototype: a key «__proto__» is just a key.
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of new URLSearchParams(text)) {
    const known = out[key];
    if (known === undefined) out[key] = value;
    else if (Array.isArray(known)) known.push(value);
    else out[key] = [known, value];
  }
  return out;
}

// Incremental story clustering: each arriving article joins the best-scoring active story or starts a new one.
import type { StoryFeatures } from './features.js';

export const STORY_SUMMARY_VERSION = 1;

/** One day of a story's timeline. */
export interface StoryDay {
  /** YYYY-MM-DD (UTC). */
  date: string;
  articles: number;
  /** Event types reported that day, with the number of articles reporting each. */
  eventTypes: Record<string, number>;
}

/** A story as the store persists it: plain JSON, bounded in size however many articles join. */
export interface StorySummary {
  version: number;
  id: string;
  /** The representative title: the joined article whose title best matched the story when it joined. */
  title: string | null;
  representative: { articleId: string; score: number } | null;
  /** ISO 8601 date-times of the earliest and latest article, null while no article had a date. */
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  /** Articles per outlet. */
  outlets: Record<string, number>;
  /** Sums of the articles' normalised vectors (trimmed to the heaviest keys). */
  centroid: Record<string, number>;
  entities: Record<string, number>;
  places: Record<string, number>;
  /** Articles reporting each event type. */
  eventTypes: Record<string, number>;
  timeline: StoryDay[];
}

/** Where `assignStory` gets its candidates: the store returns active stories sharing keys with the article. */
export interface StoryCandidateSource {
  candidates(features: StoryFeatures): StorySummary[];
}

export interface ClusterOptions {
  /** Minimum score to join a story (default 0.3). */
  threshold?: number;
  /** Days apart that cost nothing (default 1): reports of one happening spread over the next day's papers. */
  graceDays?: number;
  /** Days beyond the grace over which the time factor halves (default 3): a follow-up four days on still joins on strong text. */
  halfLifeDays?: number;
  /**
   * Days a story may run before it starts to age (default 2), and the days over which its pull then halves
   * (default 4): without this a story that gets one article a day never ends, and a fortnight of «دوما»,
   * «الضربة الأميركية» and «مجلس الأمن» articles becomes one story.
   */
  ageGraceDays?: number;
  ageHalfLifeDays?: number;
  /** Minimum text similarity to join (default 0.12): shared places and entities alone never make one story. */
  minText?: number;
  /** Stories whose last article is more than this many days away are not candidates (default 10). */
  windowDays?: number;
  /**
   * How much the threshold rises per e-fold of story size (default 0): a large story's centroid is broad
   * («الهلال», «مباراة» for a whole football week), so a big story should ask more of a newcomer.
   */
  growth?: number;
  /**
   * Factor applied when both the article and the story name people or organisations and none are shared
   * (default 1, no penalty): «النصر» news is not the «الهلال» story, however alike football reports read.
   */
  entityMismatch?: number;
  /** How many candidate stories to score per article (default 30), the best-connected by shared index keys. */
  maxCandidates?: number;
  /** Weights of text, entity, place and event-type similarity (default 0.6, 0.2, 0.15, 0.05). */
  weights?: { text: number; entities: number; places: number; events: number };
}

export const DEFAULT_CLUSTER_OPTIONS: Readonly<Required<ClusterOptions>> = Object.freeze({
  threshold: 0.22,
  graceDays: 1,
  halfLifeDays: 4,
  minText: 0.15,
  ageGraceDays: 2,
  ageHalfLifeDays: 4,
  maxCandidates: 30,
  entityMismatch: 1,
  growth: 0,
  windowDays: 10,
  weights: Object.freeze({ text: 0.6, entities: 0.2, places: 0.15, events: 0.05 }),
});

const DAY_MS = 86_400_000;
const MAX_CENTROID_TERMS = 200;
const MAX_CENTROID_ENTITIES = 60;
const MAX_KEY_STORIES = 500;

// Norms of story vectors, computed once per vector object: summaries are never mutated (updateStory copies),
// and one story is scored against many articles.
const normCache = new WeakMap<Record<string, number>, number>();

function normOf(v: Record<string, number>): number {
  let n = normCache.get(v);
  if (n === undefined) {
    n = 0;
    for (const k in v) n += (v[k] as number) ** 2;
    n = Math.sqrt(n);
    normCache.set(v, n);
  }
  return n;
}

/** Cosine of an article vector (small: iterated) with a story vector (large: looked up, norm cached). */
function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  for (const k in a) {
    const x = a[k] as number;
    na += x * x;
    const y = b[k];
    if (y !== undefined) dot += x * y;
  }
  if (dot === 0) return 0;
  const nb = normOf(b);
  return na > 0 && nb > 0 ? dot / (Math.sqrt(na) * nb) : 0;
}

function isEmpty(r: Record<string, number>): boolean {
  for (const _ in r) return false;
  return true;
}

/** Days between the article and the story's [firstSeen, lastSeen] interval; 0 inside it or when either is undated. */
export function daysApart(features: StoryFeatures, story: StorySummary): number {
  if (features.time === null || story.firstSeen === null || story.lastSeen === null) return 0;
  const first = Date.parse(story.firstSeen);
  const last = Date.parse(story.lastSeen);
  if (features.time < first) return (first - features.time) / DAY_MS;
  if (features.time > last) return (features.time - last) / DAY_MS;
  return 0;
}

/** Days from the story's first article to the article (0 when undated or earlier). */
export function storyAge(features: StoryFeatures, story: StorySummary): number {
  if (features.time === null || story.firstSeen === null) return 0;
  return Math.max(0, (features.time - Date.parse(story.firstSeen)) / DAY_MS);
}

export interface StoryScore {
  score: number;
  text: number;
  entities: number;
  places: number;
  events: number;
  days: number;
}

/**
 * How well an article fits a story, in [0, 1]: a weighted mix of text, entity, place and event-type
 * similarity to the story's centroid, times a time decay. Signals the article lacks (no linked entities,
 * no events) are left out of the mix rather than counted as mismatches.
 */
export function scoreStory(features: StoryFeatures, story: StorySummary, options: ClusterOptions = {}): StoryScore {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const w = o.weights;
  const text = cosine(features.terms, story.centroid);
  const entities = cosine(features.entities, story.entities);
  const places = cosine(features.places, story.places);
  let events = 0;
  if (features.eventTypes.length > 0 && story.articleCount > 0) {
    for (const t of features.eventTypes) events += Math.min(1, (story.eventTypes[t] ?? 0) / story.articleCount);
    events /= features.eventTypes.length;
  }
  let sum = w.text * text;
  let total = w.text;
  if (!isEmpty(features.entities)) {
    sum += w.entities * entities;
    total += w.entities;
  }
  if (!isEmpty(features.places)) {
    sum += w.places * places;
    total += w.places;
  }
  if (features.eventTypes.length > 0) {
    sum += w.events * events;
    total += w.events;
  }
  const days = daysApart(features, story);
  const age = storyAge(features, story);
  // The smaller of the two: a late follow-up pays for its gap, a story fed daily pays for its age; not both.
  const decay = Math.min(
    Math.pow(0.5, Math.max(0, days - o.graceDays) / o.halfLifeDays),
    Math.pow(0.5, Math.max(0, age - o.ageGraceDays) / o.ageHalfLifeDays),
  );
  const mismatch = entities === 0 && !isEmpty(features.entities) && !isEmpty(story.entities) ? o.entityMismatch : 1;
  const score = total > 0 && text >= o.minText ? (sum / total) * decay * mismatch : 0;
  return { score, text, entities, places, events, days };
}

/** True when the story is close enough in time to be a candidate at all. */
export function isActive(features: StoryFeatures, story: StorySummary, options: ClusterOptions = {}): boolean {
  return daysApart(features, story) <= (options.windowDays ?? DEFAULT_CLUSTER_OPTIONS.windowDays);
}

/**
 * Picks the story an article joins: the best-scoring candidate at or above the threshold, or
 * `storyId: null` to start a new one. Ties go to the story seen first in `candidates`.
 */
export function assignStory(
  features: StoryFeatures,
  candidates: readonly StorySummary[],
  options: ClusterOptions = {},
): { storyId: string | null; score: number } {
  const threshold = options.threshold ?? DEFAULT_CLUSTER_OPTIONS.threshold;
  const growth = options.growth ?? DEFAULT_CLUSTER_OPTIONS.growth;
  let bestId: string | null = null;
  let best = 0;
  let bestMargin = 0;
  for (const story of candidates) {
    if (!isActive(features, story, options)) continue;
    const { score } = scoreStory(features, story, options);
    // Compare by the margin over each story's own threshold, so a small close story beats a big loose one.
    const margin = score - (threshold + growth * Math.log(Math.max(1, story.articleCount)));
    if (bestId === null || margin > bestMargin) {
      bestMargin = margin;
      best = score;
      bestId = story.id;
    }
  }
  return bestId !== null && bestMargin >= 0 ? { storyId: bestId, score: best } : { storyId: null, score: best };
}

function addInto(target: Record<string, number>, source: Record<string, number>, max: number): Record<string, number> {
  const out: Record<string, number> = { ...target };
  for (const k in source) out[k] = (out[k] ?? 0) + (source[k] as number);
  const keys = Object.keys(out);
  if (keys.length <= max) return roundAll(out);
  keys.sort((a, b) => (out[b] as number) - (out[a] as number) || (a < b ? -1 : 1));
  const trimmed: Record<string, number> = {};
  for (const k of keys.slice(0, max)) trimmed[k] = out[k] as number;
  return roundAll(trimmed);
}

function roundAll(r: Record<string, number>): Record<string, number> {
  for (const k in r) r[k] = Math.round((r[k] as number) * 1e6) / 1e6;
  return r;
}

function isoOf(time: number): string {
  return new Date(time).toISOString();
}

/** A story with no articles yet; `updateStory` adds the first one. */
function emptyStory(id: string): StorySummary {
  return {
    version: STORY_SUMMARY_VERSION,
    id,
    title: null,
    representative: null,
    firstSeen: null,
    lastSeen: null,
    articleCount: 0,
    outlets: {},
    centroid: {},
    entities: {},
    places: {},
    eventTypes: {},
    timeline: [],
  };
}

/** A new story started by this article. */
export function newStory(features: StoryFeatures, id: string): StorySummary {
  return updateStory(emptyStory(id), features);
}

/** The story with one more article; returns a new object and leaves `summary` unchanged. */
export function updateStory(summary: StorySummary, features: StoryFeatures): StorySummary {
  const s: StorySummary = { ...summary };
  // The representative title is the one closest to the story as it stands; the first article's title
  // counts fully, so a story keeps its opening headline unless a later one fits clearly better.
  const fit = summary.articleCount === 0 ? 1 : cosine(features.terms, summary.centroid);
  if (features.title && (s.representative === null || fit > s.representative.score + 0.1 || s.title === null)) {
    s.title = features.title;
    s.representative = { articleId: features.articleId, score: Math.round(fit * 1e6) / 1e6 };
  }
  if (features.time !== null) {
    const iso = isoOf(features.time);
    if (s.firstSeen === null || features.time < Date.parse(s.firstSeen)) s.firstSeen = iso;
    if (s.lastSeen === null || features.time > Date.parse(s.lastSeen)) s.lastSeen = iso;
  }
  s.articleCount = summary.articleCount + 1;
  s.outlets = { ...summary.outlets };
  const outlet = features.outlet ?? 'unknown';
  s.outlets[outlet] = (s.outlets[outlet] ?? 0) + 1;
  s.centroid = addInto(summary.centroid, features.terms, MAX_CENTROID_TERMS);
  s.entities = addInto(summary.entities, features.entities, MAX_CENTROID_ENTITIES);
  s.places = addInto(summary.places, features.places, MAX_CENTROID_ENTITIES);
  s.eventTypes = { ...summary.eventTypes };
  for (const t of features.eventTypes) s.eventTypes[t] = (s.eventTypes[t] ?? 0) + 1;
  if (features.time !== null) {
    const date = isoOf(features.time).slice(0, 10);
    const timeline = summary.timeline.map((d) => ({ ...d, eventTypes: { ...d.eventTypes } }));
    let day = timeline.find((d) => d.date === date);
    if (!day) {
      day = { date, articles: 0, eventTypes: {} };
      timeline.push(day);
      timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    day.articles++;
    for (const t of features.eventTypes) day.eventTypes[t] = (day.eventTypes[t] ?? 0) + 1;
    s.timeline = timeline;
  }
  return s;
}

/** The story's top entities (people, organisations, places), heaviest first. */
export function topEntities(summary: StorySummary, n = 10): { key: string; weight: number }[] {
  return [...Object.entries(summary.entities), ...Object.entries(summary.places)]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([key, weight]) => ({ key, weight }));
}

function topKeys(r: Record<string, number>, n: number): string[] {
  return Object.entries(r)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k]) => k);
}

/**
 * Index keys for candidate retrieval: `t:` top stems, `e:` entities, `p:` places. The store indexes each story
 * under `storyKeys(story)` and fetches stories sharing any of `candidateKeys(features)` within the time window.
 */
export function storyKeys(summary: StorySummary, n = 15): string[] {
  return [
    ...topKeys(summary.centroid, n).map((k) => 't:' + k),
    ...topKeys(summary.entities, 8).map((k) => 'e:' + k),
    ...topKeys(summary.places, 5).map((k) => 'p:' + k),
  ];
}

export function candidateKeys(features: StoryFeatures, n = 15): string[] {
  return [
    ...topKeys(features.terms, n).map((k) => 't:' + k),
    ...topKeys(features.entities, 8).map((k) => 'e:' + k),
    ...topKeys(features.places, 5).map((k) => 'p:' + k),
  ];
}

/** An in-memory story store for callers without a database (tests, the eval). */
export interface MemoryStoryIndex extends StoryCandidateSource {
  put(summary: StorySummary): void;
  get(id: string): StorySummary | undefined;
  all(): StorySummary[];
}

export function createMemoryStoryIndex(options: ClusterOptions = {}): MemoryStoryIndex {
  const stories = new Map<string, StorySummary>();
  const byKey = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  return {
    put(summary) {
      for (const k of keysOf.get(summary.id) ?? []) byKey.get(k)?.delete(summary.id);
      const keys = storyKeys(summary);
      keysOf.set(summary.id, keys);
      for (const k of keys) {
        let set = byKey.get(k);
        if (!set) byKey.set(k, (set = new Set()));
        set.add(summary.id);
      }
      stories.set(summary.id, summary);
    },
    get: (id) => stories.get(id),
    all: () => [...stories.values()],
    candidates(features) {
      // Rank by shared keys and keep the best few, as the store's query does (ORDER BY shared DESC LIMIT n):
      // a common stem («الامير») would otherwise make every story a candidate.
      const shared = new Map<string, number>();
      for (const k of candidateKeys(features)) {
        const ids = byKey.get(k);
        // A key half the corpus shares («t:مملكه») says nothing about which story; skipping it keeps this fast.
        if (!ids || ids.size > MAX_KEY_STORIES) continue;
        for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
      const out: StorySummary[] = [];
      for (const [id] of [...shared].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
        const s = stories.get(id) as StorySummary;
        if (!isActive(features, s, options)) continue;
        out.push(s);
        if (out.length >= (options.maxCandidates ?? DEFAULT_CLUSTER_OPTIONS.maxCandidates)) break;
      }
      return out;
    },
  };
}

/**
 * One incremental step: finds the candidates, picks a story or starts one (`newId()` names it), and returns
 * the updated summary for the caller to persist. A folded duplicate should instead join its original's story
 * via `updateStory`.
 */
export function placeArticle(
  features: StoryFeatures,
  source: StoryCandidateSource,
  newId: () => string,
  options: ClusterOptions = {},
): { story: StorySummary; created: boolean; score: number } {
  const candidates = source.candidates(features);
  const { storyId, score } = assignStory(features, candidates, options);
  const existing = storyId === null ? undefined : candidates.find((c) => c.id === storyId);
  if (existing) return { story: updateStory(existing, features), created: false, score };
  return { story: newStory(features, newId()), created: true, score };
}

// Story features of one analysed article: a sparse TF-IDF term vector, linked entities, places, event types, time.
import type { Analysis, Entity } from '../model/analysis.js';
import { foldWord } from '../arabic/normalize.js';
import { tokenize } from '../arabic/tokenize.js';

/** Everything story clustering looks at; plain JSON, so a store can persist it with the article. */
export interface StoryFeatures {
  articleId: string;
  outlet: string | null;
  title: string | null;
  /** Milliseconds since the epoch, or null when the article has no date. */
  time: number | null;
  /** L2-normalised TF-IDF weights of the article's top stems. */
  terms: Record<string, number>;
  /**
   * Entities (people, organisations, groups) by `entityKey`, weighted by mentions × IDF and L2-normalised, so
   * «السعودية» in every Saudi article counts less than «قوات الطوارئ الخاصة».
   */
  entities: Record<string, number>;
  /** Places (GPE, LOC, FAC), including event locations, weighted like `entities`. */
  places: Record<string, number>;
  /** PLOVER event types asserted or reported in the article (negated and hypothetical ones left out). */
  eventTypes: string[];
}

/**
 * Document frequencies of stems, maintained incrementally by whoever owns the corpus (the store keeps
 * them in a table; the eval keeps them in memory). IDF is computed from them at feature time.
 */
export interface TermStats {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}

export interface MutableTermStats extends TermStats {
  /** Counts one more document holding these (distinct) terms. */
  addDocument(terms: Iterable<string>): void;
  toJSON(): { documentCount: number; frequencies: Record<string, number> };
}

export function createTermStats(initial?: { documentCount: number; frequencies: Record<string, number> }): MutableTermStats {
  let documentCount = initial?.documentCount ?? 0;
  const df = new Map<string, number>(Object.entries(initial?.frequencies ?? {}));
  return {
    get documentCount() {
      return documentCount;
    },
    documentFrequency: (term) => df.get(term) ?? 0,
    addDocument(terms) {
      documentCount++;
      for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
    },
    toJSON: () => ({ documentCount, frequencies: Object.fromEntries(df) }),
  };
}

export interface FeatureOptions {
  /** Corpus document frequencies; without them every stem gets the same IDF. */
  stats?: TermStats;
  /** How many body words count (default 250): the lead carries the who/what/where; the tail drifts to background. */
  bodyWords?: number;
  /** Weight of a title stem relative to a body stem (default 3). */
  titleWeight?: number;
  /** Weight of a stem in the first 40 body words (default 2). */
  leadWeight?: number;
  /** How many stems to keep (default 60). */
  maxTerms?: number;
  /** A stemmer for folded words; the default strips common clitics (see `lightStem`). */
  stem?: (folded: string) => string;
}

// Function words every article has; IDF would drown them too, but without corpus stats (a first article,
// a unit test) they would otherwise dominate the vector. Match-folded forms (ى → ي, أ → ا, ة → ه).
const STOP_STEMS: ReadonlySet<string> = new Set([
  'في', 'من', 'علي', 'الي', 'عن', 'ان', 'الذي', 'التي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك',
  'مع', 'بعد', 'قبل', 'كان', 'قال', 'او', 'ما', 'لا', 'لم', 'لن', 'قد', 'كما', 'حيث', 'بين', 'عند', 'كل', 'اي',
  'وقال', 'واضاف', 'اضاف', 'اكد', 'ذكر', 'خلال', 'حتي', 'منذ', 'امس', 'اليوم', 'هو', 'هي', 'هم', 'غير',
]);

// Proclitic strings ending in the article ال, tried longest first: «وبالمسجد» → «مسجد», «للطوارئ» → «طوار»
// (لل = ل + ال with the alef dropped). A bare و/ب/ل is left alone: «وزير» and «بيان» start with those letters.
const PREFIXES: readonly string[] = ['وبال', 'وكال', 'فبال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
// Suffixes stripped when at least three letters remain: plural and dual endings, feminine ه (from ة), and
// possessive pronouns. «المصلين» → «مصل», «قوات» → «قو» is avoided by the length floor.
const SUFFIXES: readonly string[] = ['يين', 'ات', 'ون', 'ين', 'ان', 'هم', 'ها', 'يه', 'ه', 'ي'];

/** A light, deterministic stemmer over match-folded words: enough for grouping, not for display. */
export function lightStem(folded: string): string {
  let w = folded;
  for (const p of PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, w.length - s.length);
      break;
    }
  }
  return w;
}

/** The stems of a text, in order, with function words and one-letter words dropped. */
export function textStems(text: string, stem: (folded: string) => string = lightStem): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind !== 'word' && token.kind !== 'latin') continue;
    const folded = foldWord(token.kind === 'latin' ? token.text.toLowerCase() : token.text);
    if (folded.length < 2 || STOP_STEMS.has(folded)) continue;
    const s = stem(folded);
    if (s.length >= 2 && !STOP_STEMS.has(s)) out.push(s);
  }
  return out;
}

/** Weighted stem counts of an article: title, lead and the first `bodyWords` words of the body. */
export function articleTermCounts(analysis: Analysis, options: FeatureOptions = {}): Map<string, number> {
  const stem = options.stem ?? lightStem;
  const counts = new Map<string, number>();
  const add = (t: string, w: number) => counts.set(t, (counts.get(t) ?? 0) + w);
  for (const t of textStems(analysis.article.title ?? '', stem)) add(t, options.titleWeight ?? 3);
  const body = textStems(analysis.article.text, stem).slice(0, options.bodyWords ?? 250);
  body.forEach((t, i) => add(t, i < 40 ? (options.leadWeight ?? 2) : 1));
  return counts;
}

const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);

/**
 * The key an entity is compared by across articles: its linked id, or for an unlinked (`nil:`) entity its
 * match-folded Arabic name, since nil ids are per-document but «أبها» is «ابها» in every article.
 */
export function entityKey(entity: Pick<Entity, 'id' | 'name'>): string {
  if (!entity.id.startsWith('nil:')) return entity.id;
  return 'name:' + foldWord(entity.name.ar).replace(/^ال/, '');
}

function publishedTime(published: string | null): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : t;
}

/**
 * The story features of an analysed article. Pure: document frequencies come in through `options.stats`;
 * the caller adds the article to them (`stats.addDocument(articleTermCounts(a).keys())`) when it wants.
 */
export function articleFeatures(analysis: Analysis, options: FeatureOptions = {}): StoryFeatures {
  const stats = options.stats;
  const idf = (key: string): number =>
    // Smoothed IDF: a key in every document still gets a small weight; an unseen key gets the largest.
    stats ? Math.log((stats.documentCount + 1) / (stats.documentFrequency(key) + 1)) + 1 : 1;
  const counts = articleTermCounts(analysis, options);
  const weighted = new Map<string, number>();
  for (const [term, tf] of counts) weighted.set(term, (1 + Math.log(tf)) * idf(term));
  const { entities, places } = entityCounts(analysis);
  const weigh = (m: Map<string, number>) => {
    const out = new Map<string, number>();
    for (const [k, c] of m) out.set(k, (1 + Math.log(c)) * idf(k));
    return out;
  };
  const eventTypes = new Set<string>();
  for (const ev of analysis.events) {
    if (ev.modality === 'negated' || ev.modality === 'hypothetical') continue;
    eventTypes.add(ev.type);
  }
  return {
    articleId: analysis.article.id,
    outlet: analysis.article.outlet,
    title: analysis.article.title,
    time: publishedTime(analysis.article.published),
    terms: normalizeTop(weighted, options.maxTerms ?? 60),
    entities: normalizeTop(weigh(entities), 30),
    places: normalizeTop(weigh(places), 15),
    eventTypes: [...eventTypes].sort(),
  };
}

/** Entity and place keys with mention counts; an event's location counts as one more mention of its place. */
export function entityCounts(analysis: Analysis): { entities: Map<string, number>; places: Map<string, number> } {
  const entities = new Map<string, number>();
  const places = new Map<string, number>();
  const byId = new Map<string, string>();
  for (const e of analysis.entities) {
    const key = entityKey(e);
    if (key === 'name:') continue;
    byId.set(e.id, key);
    const target = PLACE_TYPES.has(e.type) ? places : entities;
    target.set(key, (target.get(key) ?? 0) + Math.max(1, e.mentions.length));
  }
  for (const ev of analysis.events) {
    if (ev.modality === 'negated' || ev.modality === 'hypothetical') continue;
    const loc = ev.location?.entity ? byId.get(ev.location.entity) : undefined;
    if (loc) places.set(loc, (places.get(loc) ?? 0) + 1);
  }
  return { entities, places };
}

/**
 * The keys an article adds to the corpus document frequencies: its stems and its entity and place keys.
 * Call `stats.addDocument(documentKeys(a))` once per (non-duplicate) article.
 */
export function documentKeys(analysis: Analysis, options: FeatureOptions = {}): string[] {
  const { entities, places } = entityCounts(analysis);
  return [...articleTermCounts(analysis, options).keys(), ...entities.keys(), ...places.keys()];
}

function normalizeTop(weights: Map<string, number>, max: number): Record<string, number> {
  const top = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const out: Record<string, number> = {};
  for (const [k, w] of top) out[k] = round(w / norm);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

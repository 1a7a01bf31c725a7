// The linker: NER mentions and gazetteer names of one article → KB-linked or NIL entities, merged by
// in-document coreference, with nominal mentions (titles, «الوزارة», «المتحدث باسم …»), types and geo.
import { createHash } from 'node:crypto';
import type { Article, Entity, EntityType, Field, Mention } from '../../../model/analysis.js';
import { findNames, fuzzyName, linkTokens, matchAt, type LinkToken, type NameHit, type NameMatch } from './find-names.js';
import type { KbEntry, KnowledgeBase } from './kb.js';
import { nameKey, procliticLength, procliticReadings, skeletonOf, similarity } from './keys.js';
import { findRoleMentions, MINISTRY_ANAPHOR, ON_BEHALF, SPOKESPERSON_HEADS } from './nominals.js';

export interface LinkOptions {
  /** Below this match score a mention stays NIL (its own in-document id). */
  threshold: number;
  /** The gazetteer pass (KB names NER missed) on or off. */
  gazetteer: boolean;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = { threshold: 0.8, gazetteer: true };

/** Words before a name that say it is a place: «العاصمة الحالية نور سلطان» is the city, not the man. */
const PLACE_CUES = new Set(
  ['العاصمة', 'عاصمة', 'مدينة', 'بلدة', 'قرية', 'منطقة', 'محافظة', 'ولاية', 'إقليم', 'مقاطعة', 'جمهورية', 'دولة', 'مطار', 'قاعدة'].map(nameKey),
);
/** Head nouns that make a named place a facility: «مطار ألما آتا الدولي»، «قاعدة بايكونور الفضائية». */
const FACILITY_HEADS = new Set(
  ['مطار', 'قاعدة', 'ميناء', 'مرفأ', 'سجن', 'مستشفى', 'جسر', 'سد', 'محطة', 'قصر', 'ساحة', 'ميدان', 'مسجد', 'كنيسة', 'فندق', 'ملعب', 'معبر'].map(nameKey),
);
/** Words that may precede a person's name inside an NER span without being part of it. */
const TITLE_WORDS = new Set(
  ['الرئيس', 'رئيس', 'السيد', 'السيدة', 'الملك', 'الأمير', 'الشيخ', 'الوزير', 'وزير', 'الخارجية', 'الوزراء', 'وزراء', 'الحكومة', 'السابق', 'الحالي', 'نظيره', 'المعارض', 'السياسي', 'الجنرال', 'العقيد', 'الدكتور'].map(nameKey),
);
/**
 * Nouns of institutions that a nationality adjective turns into a named body: «الرئاسة المصرية»،
 * «القنصلية الروسية»، «السلطات الكازاخستانية». (Ministries, police, army and government are KB entities.)
 */
const INSTITUTION_HEADS = new Set(
  ['الرئاسة', 'القنصلية', 'السفارة', 'المرصد', 'البرلمان', 'الوكالة', 'الهيئة', 'النيابة', 'المحكمة', 'الاستخبارات', 'المخابرات', 'البحرية', 'القوات', 'السلطات', 'الأجهزة', 'الأمانة', 'المفوضية', 'اللجنة', 'المعارضة', 'الديوان', 'الخطوط', 'البنك', 'الجمعية', 'الرابطة', 'النقابة', 'الشركة'].map(nameKey),
);

/** Name parts too common to stand alone as a short name («نور»، «عبد»، «بن»): never searched as a surname. */
const NAME_PARTICLES = new Set(['عبد', 'بن', 'ابن', 'ابو', 'أبو', 'آل', 'ال', 'الله', 'الدين', 'محمد', 'أحمد', 'علي', 'سلطان', 'نور'].map(nameKey));

/** Below this population a city is linked only with the article's country, a place word or another mention behind it. */
const SMALL_TOWN = 100_000;
/** Added when the article already names the same entry unambiguously elsewhere. */
const IN_ARTICLE_BONUS = 0.3;
/** Fuzzy gazetteer matches need this score to stand without NER support. */
const STANDALONE_FUZZY = 0.84;
/** A one-word city found without NER must be this big, or lie in a country the article names («أبا» is a word before it is Aba, Nigeria). */
const STANDALONE_CITY_POPULATION = 1_000_000;

interface FieldText {
  field: Field | undefined;
  text: string;
  tokens: LinkToken[];
  matches: NameMatch[];
}

/** A span to link: from NER, from the gazetteer, or both. */
interface Candidate {
  field: Field | undefined;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  label: EntityType | null;
  hits: NameHit[];
  facility: boolean;
  nerScore: number | undefined;
  /** For a facility: the place it is in (geo). */
  place: KbEntry | null;
}

interface Cluster {
  id: string;
  entry: KbEntry | null;
  type: EntityType;
  mentions: Array<Mention & { order: number }>;
  place: KbEntry | null;
}

const FIELD_RANK: Record<string, number> = { title: 0, caption: 1, text: 2 };

export function linkEntities(kb: KnowledgeBase, article: Article, entities: readonly Entity[], options: LinkOptions = DEFAULT_LINK_OPTIONS): Entity[] {
  const date = articleDate(article.published);
  const fields: FieldText[] = [];
  for (const [field, text] of [['title', article.title], ['caption', article.caption], [undefined, article.text]] as const) {
    if (!text) continue;
    const tokens = linkTokens(text, kb);
    fields.push({ field, text, tokens, matches: findNames(kb, text, tokens) });
  }
  const candidates: Candidate[] = [];
  for (const f of fields) candidates.push(...reconcile(kb, f, nerMentionsOf(entities, f.field), options));
  const doc = contextOf(candidates);
  const clusters = new Map<string, Cluster>();
  let order = 0;
  const add = (c: Cluster) => clusters.get(c.id) ?? (clusters.set(c.id, c), c);
  for (const f of fields) {
    for (const c of candidates) {
      if (c.field !== f.field) continue;
      const text = f.text.slice(c.start, c.end);
      const best = choose(c, f, doc, options);
      const mention: Mention & { order: number } = { start: c.start, end: c.end, text, kind: 'name', order: order++ };
      if (c.nerScore !== undefined) mention.score = c.nerScore;
      if (f.field) mention.field = f.field;
      if (c.facility) {
        // One facility however it is written: «مطار ألما آتا» and «مطار ألما آتا الدولي» share head and place.
        const head = f.tokens[c.tokenStart]!.key;
        const key = c.place ? `${procliticReadings(head).find((r) => FACILITY_HEADS.has(r)) ?? head}@${c.place.id}` : nameKey(text);
        add({ id: nilId('FAC', key), entry: null, type: 'FAC', mentions: [], place: c.place }).mentions.push(mention);
      } else if (best) {
        add({ id: best.id, entry: best, type: best.type, mentions: [], place: null }).mentions.push(mention);
      } else if (c.label !== null) {
        // A gazetteer span that links to nothing is dropped; an NER mention stays, NIL. An unknown LOC
        // after a settlement word is a GPE («بلدة كفرنبل»): towns and villages are political places.
        const type = c.label === 'LOC' && hasSettlementCue(f.tokens, c.tokenStart) ? 'GPE' : c.label;
        add(nilCluster(type, text, null)).mentions.push(mention);
      }
    }
  }
  mergeShortNames(clusters);
  addSurnameMentions(clusters, fields, () => order++);
  addNominals(kb, clusters, fields, date, () => order++);
  return [...clusters.values()].map(toEntity).sort(byFirstMention).map(({ _order: _o, ...entity }) => entity);
}

function articleDate(published: string | null): string | null {
  const m = published ? /^\d{4}-\d{2}-\d{2}/u.exec(published) : null;
  return m ? m[0] : null;
}

function nerMentionsOf(entities: readonly Entity[], field: Field | undefined): Array<{ start: number; end: number; label: EntityType; score: number | undefined }> {
  const out: Array<{ start: number; end: number; label: EntityType; score: number | undefined }> = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      if ((m.field ?? undefined) === field && m.kind === 'name') out.push({ start: m.start, end: m.end, label: e.type, score: m.score });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** NER mentions and gazetteer matches of one field → the spans to link, without double counting. */
function reconcile(kb: KnowledgeBase, f: FieldText, ner: ReturnType<typeof nerMentionsOf>, options: LinkOptions): Candidate[] {
  const out: Candidate[] = [];
  const used = new Set<NameMatch>();
  const blocked = new Set<NameMatch>();
  for (const m of ner) {
    const a = firstTokenEndingAfter(f.tokens, m.start);
    let b = a;
    while (b >= 0 && b < f.tokens.length && f.tokens[b]!.start < m.end) b++;
    if (a < 0 || b <= a) continue;
    const overlapping = f.matches.filter((g) => g.tokenStart < b && g.tokenEnd > a);
    const base: Candidate = { field: f.field, start: m.start, end: m.end, tokenStart: a, tokenEnd: b, label: m.label, hits: [], facility: false, nerScore: m.score, place: null };
    const exact = overlapping.find((g) => g.tokenStart === a && g.tokenEnd === b);
    if (exact) {
      used.add(exact);
      out.push({ ...base, start: Math.max(m.start, exact.start), hits: exact.hits });
      continue;
    }
    const cover = overlapping.find((g) => g.tokenStart <= a && g.tokenEnd >= b);
    if (cover) {
      if (standaloneHits(cover).length > 0) continue; // the longer KB name takes over, below
      blocked.add(cover);
      out.push(base);
      continue;
    }
    const inner = overlapping.filter((g) => g.tokenStart >= a && g.tokenEnd <= b);
    const crossing = overlapping.filter((g) => !inner.includes(g));
    if (crossing.some((g) => standaloneHits(g).length > 0)) continue;
    for (const g of crossing) blocked.add(g);
    const head = f.tokens[a]!;
    const place = inner.flatMap((g) => g.hits.map((h) => h.entry)).find((e) => e.level !== null) ?? null;
    if (place && (m.label === 'LOC' || m.label === 'ORG' || m.label === 'FAC') && head.readings.some((r) => FACILITY_HEADS.has(r))) {
      out.push({ ...base, facility: true, place, label: 'FAC' });
      continue; // the inner place stays a mention of its own (below)
    }
    const person = inner.find((g) => g.hits.some((h) => h.entry.type === 'PER'));
    if (m.label === 'PER' && person && onlyTitleWords(kb, f.tokens, a, b, person)) {
      used.add(person);
      out.push({ ...base, start: person.start, end: person.end, tokenStart: person.tokenStart, tokenEnd: person.tokenEnd, hits: person.hits });
      for (const g of inner) if (g !== person) blocked.add(g);
      continue;
    }
    if (inner.length === 0) {
      // No KB name inside: try the whole mention fuzzily («كازخستان» when the scan's fuzzy pass declined).
      const slice = f.tokens.slice(a, b).map((t, k) => (k === 0 ? { ...t, joined: false } : t));
      const fuzzy = matchAt(kb, f.text, slice, 0, true);
      if (fuzzy && fuzzy.tokenEnd === slice.length) base.hits = fuzzy.hits;
    }
    // …and as a whole multi-word name: «قاسم جومرت توكايف» for «قاسم جومارت توكاييف», even when a word of it
    // («توكايف») is a KB name of its own.
    if (base.hits.length === 0 && b - a > 1) base.hits = fuzzyName(kb, f.tokens.slice(a, b).map((t) => t.key).join(' '));
    out.push(base);
  }
  if (!options.gazetteer) return out;
  for (const g of f.matches) {
    if (used.has(g) || blocked.has(g)) continue;
    if (out.some((c) => !c.facility && c.tokenStart < g.tokenEnd && c.tokenEnd > g.tokenStart)) continue;
    const hits = standaloneHits(g, g.fuzzy && hasPlaceCue(f.tokens, g.tokenStart));
    if (hits.length === 0) continue;
    if (hits.every((h) => h.entry.type === 'NORP')) {
      const before = g.tokenStart > 0 && f.tokens[g.tokenStart]!.joined ? f.tokens[g.tokenStart - 1]! : null;
      // «منصور التركي», «أحمد المصري»: after a first name the adjective is a family name, not a NORP.
      if (before && kb.firstNames.has(before.key)) continue;
      // «الرئاسة المصرية», «القنصلية الروسية»: an institution of that country, an (unlinked) ORG.
      const head = before?.readings.find((r) => INSTITUTION_HEADS.has(r));
      if (before && head !== undefined && !out.some((c) => c.tokenStart <= g.tokenStart - 1 && c.tokenEnd > g.tokenStart - 1)) {
        const start = before.start + procliticLength(before.key, head);
        out.push({ field: f.field, start, end: g.end, tokenStart: g.tokenStart - 1, tokenEnd: g.tokenEnd, label: 'ORG', hits: [], facility: false, nerScore: undefined, place: null });
        continue;
      }
    }
    out.push({ field: f.field, start: g.start, end: g.end, tokenStart: g.tokenStart, tokenEnd: g.tokenEnd, label: null, hits, facility: false, nerScore: undefined, place: null });
    const facility = facilityAround(f, g, hits);
    if (facility) out.push(facility);
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Index of the first token that ends after `offset` (binary search), or -1. */
function firstTokenEndingAfter(tokens: readonly LinkToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < tokens.length ? lo : -1;
}

/** True when the NER span's words outside the person's name are titles or nationality adjectives. */
function onlyTitleWords(kb: KnowledgeBase, tokens: readonly LinkToken[], a: number, b: number, person: NameMatch): boolean {
  for (let k = a; k < b; k++) {
    if (k >= person.tokenStart && k < person.tokenEnd) continue;
    const t = tokens[k]!;
    if (t.readings.some((r) => TITLE_WORDS.has(r) || kb.countryOfAdjective.has(r))) continue;
    // «ويشغل نزارباييف»: NER took the verb before the name; an imperfect verb is no first name
    if (k === a && person.tokenStart === a + 1 && person.tokenEnd === b && IMPERFECT_VERB.test(t.key) && !kb.firstNames.has(t.key)) continue;
    return false;
  }
  return true;
}

/** An imperfect verb with its optional conjunction: «يشغل», «وتواصل», «فيقول». */
const IMPERFECT_VERB = /^[وف]?[يت][^\s]{3,}$/u;

/**
 * The hits of a gazetteer match that may stand without NER support: no common-word names, fuzzy only
 * when close, one-word cities only when long enough (short ones collide with words: «ليل» night / Lille).
 */
function standaloneHits(g: NameMatch, placeCue = false): NameHit[] {
  return g.hits.filter((h) => {
    if (h.nerOnly) return false;
    const place = h.entry.level === 'city' || h.entry.level === 'region';
    // Without NER, a fuzzy match stands only for a country or a curated name, or a place right after a
    // place word («ولاية بنسلفانيا» ~ «بنسيلفانيا»): other fuzzy city matches hit common words («الخارجية» ~ «الخارجة»).
    if (g.fuzzy && (h.score < STANDALONE_FUZZY || (place && !placeCue))) return false;
    // Three-letter one-word places collide with words unless they are big («جدة», «حلب» stay).
    if (place && !g.key.includes(' ') && g.key.length < 4 && (g.key.length < 3 || h.entry.population < 300_000)) return false;
    return true;
  });
}

/** «مطار ألما آتا الدولي» found by the gazetteer: a FAC around the place, with a trailing «الـ…ي/ية» adjective. */
function facilityAround(f: FieldText, g: NameMatch, hits: NameHit[]): Candidate | null {
  const place = hits.find((h) => h.entry.level === 'city' || h.entry.level === 'region')?.entry;
  const headIndex = g.tokenStart - 1;
  const head = f.tokens[headIndex];
  if (!place || !head || !f.tokens[g.tokenStart]!.joined) return null;
  const reading = head.readings.find((r) => FACILITY_HEADS.has(r));
  if (!reading) return null;
  let end = g.tokenEnd;
  const next = f.tokens[end];
  if (next && next.joined && next.key.startsWith('ال') && /(ي|يه)$/u.test(next.key)) end++;
  return {
    field: f.field,
    start: head.start + procliticLength(head.key, reading),
    end: f.tokens[end - 1]!.end,
    tokenStart: headIndex,
    tokenEnd: end,
    label: 'FAC',
    hits: [],
    facility: true,
    nerScore: undefined,
    place,
  };
}

/** What the article is about, for choosing among namesakes. */
interface DocContext {
  /** Country → how many mentions name it outright (a country or its adjective, with no rival reading). */
  countries: Map<string, number>;
  /** The country most mentioned, when it has at least two mentions and 40% of all: what the article is about. */
  focus: string | null;
  /** Countries of the article's unambiguous cities and regions («ألماتا» → KZ). */
  places: Set<string>;
  /** Entries some mention names without rival («أستانا»): a second, ambiguous name of one is read as it. */
  entries: Set<string>;
}

function contextOf(candidates: readonly Candidate[]): DocContext {
  const countries = new Map<string, number>();
  const places = new Set<string>();
  const entries = new Set<string>();
  for (const c of candidates) {
    if (c.hits.length === 1 && c.hits[0]!.score >= 0.95) entries.add(c.hits[0]!.entry.id);
    // A name that is also a place in another country («عمان»: Oman, or Amman in Jordan) says nothing about
    // the article's countries: counting it would make its first reading confirm itself.
    const named = new Set(c.hits.filter((h) => h.entry.level === 'country' || h.entry.type === 'NORP').map((h) => h.entry.country));
    const rival = c.hits.some((h) => h.entry.level !== 'country' && h.entry.type !== 'NORP' && h.entry.country !== null && !named.has(h.entry.country));
    if (named.size === 1 && !rival) {
      const country = [...named][0];
      if (country) countries.set(country, (countries.get(country) ?? 0) + 1);
    }
    const placeCountries = new Set(c.hits.filter((h) => h.entry.level === 'city' || h.entry.level === 'region').map((h) => h.entry.country));
    if (placeCountries.size === 1 && c.hits.every((h) => h.entry.level === 'city' || h.entry.level === 'region')) {
      const country = [...placeCountries][0];
      if (country) places.add(country);
    }
  }
  let focus: string | null = null;
  let total = 0;
  let top = 0;
  for (const [country, n] of countries) {
    total += n;
    if (n > top) {
      top = n;
      focus = country;
    }
  }
  if (top < 2 || top < 0.4 * total) focus = null;
  return { countries, focus, places, entries };
}

/**
 * The best entry for a candidate, or null (NIL). A hit links when its match score plus its type fit
 * reaches the threshold («أندرسون» tagged PER is not the US city); among those, prominence chooses,
 * and the article's countries break it only between places of comparable size: an article about
 * Kazakhstan puts «أكتوبي» there, but a US mention does not move «جنيف» to Geneva, Illinois.
 */
function choose(c: Candidate, f: FieldText, doc: DocContext, options: LinkOptions): KbEntry | null {
  let best: KbEntry | null = null;
  let bestScore = -Infinity;
  const placeCue = hasPlaceCue(f.tokens, c.tokenStart);
  const settlementCue = placeCue && hasSettlementCue(f.tokens, c.tokenStart);
  // An outlet named like a place («الشرق الأوسط», «الخليج»): the outlet only with an outlet word before it or in
  // quotation marks («صحيفة الشرق الأوسط», «لـ"الشرق الأوسط"»); otherwise the place, whatever else the article names.
  // (a known place: a small town named like an agency, «كونا», does not make the agency a homonym)
  const homonym = c.hits.some((h) => h.entry.type === 'MEDIA') && c.hits.some((h) => h.entry.level !== null && (h.entry.level !== 'city' || wellKnown(h.entry)));
  const outletCue = homonym && hasOutletCue(f, c);
  let biggest = 0;
  for (const h of c.hits) if (h.entry.level === 'city') biggest = Math.max(biggest, h.entry.population);
  for (const h of c.hits) {
    const e = h.entry;
    if (homonym && (e.type === 'MEDIA') !== outletCue) continue;
    // One sense per article: «إلى نور سلطان» after «العاصمة أستانا» is the city even when NER says PER.
    const fit = (settlementCue && e.level === 'country' ? 0 : typeFit(c.label, e, placeCue)) + (doc.entries.has(e.id) && c.hits.length > 0 ? IN_ARTICLE_BONUS : 0);
    if (h.score + fit < options.threshold) continue;
    const comparable = e.level !== 'city' || e.population * 5 >= biggest;
    const supported = comparable && e.country !== null && (doc.countries.has(e.country) || doc.places.has(e.country));
    // Long transliterations («منغيستاو») are distinctive enough alone; short ones need the country, and an
    // obscure namesake never stands in for a well-known city that lacked that support.
    if (c.label === null && c.tokenEnd - c.tokenStart === 1 && !supported && keyLength(f, c) < 7) {
      if (e.level === 'region' || (e.level === 'city' && !wellKnown(e))) continue;
    }
    // A small town far from the article's countries is more likely an NER slip or a word («بألا»، «كولمان»)
    // than the place: no silent wrong link, the mention stays NIL.
    if (e.level === 'city' && e.population < SMALL_TOWN && !supported && !placeCue && !doc.entries.has(e.id)) continue;
    let s = h.score + fit + 0.25 * prominence(e);
    if (e.country && comparable) {
      if (e.country === doc.focus) s += 0.15;
      else if (doc.countries.has(e.country)) s += 0.05;
      if (doc.places.has(e.country)) s += 0.1;
    }
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  }
  return best;
}

/** Words before an outlet's name: «صحيفة الشرق الأوسط», «قناة العربية», «موقع الخليج». */
const OUTLET_HEADS = new Set(['صحيفة', 'جريدة', 'مجلة', 'قناة', 'موقع', 'وكالة', 'إذاعة', 'تلفزيون', 'شبكة'].map(nameKey));
const QUOTE_OPEN = /[«"“(]\s*$/u;
const QUOTE_CLOSE = /^\s*[»"”)]/u;

function hasOutletCue(f: FieldText, c: Candidate): boolean {
  const before = c.tokenStart > 0 ? f.tokens[c.tokenStart - 1] : undefined;
  if (before && before.readings.concat(before.key).some((r) => OUTLET_HEADS.has(r))) return true;
  return QUOTE_OPEN.test(f.text.slice(Math.max(0, c.start - 3), c.start)) && QUOTE_CLOSE.test(f.text.slice(c.end, c.end + 3));
}

/** A city that may be found by name alone: a capital, a big city, or a regional seat of some size («جنيف»). */
function wellKnown(e: KbEntry): boolean {
  return e.population >= STANDALONE_CITY_POPULATION || e.feature === 'PPLC' || (e.feature === 'PPLA' && e.population >= 150_000);
}

/** Letters in the candidate's folded name (proclitics already outside its span). */
function keyLength(f: FieldText, c: Candidate): number {
  return nameKey(f.text.slice(c.start, c.end)).length;
}

/** Prior of an entry among namesakes, in [0, 1.2]: countries first, then capitals and big cities, curated names, regions. */
function prominence(e: KbEntry): number {
  if (e.level === 'country') return 1;
  if (e.level === 'city') {
    const size = Math.min(1, Math.max(0, (Math.log10(Math.max(e.population, 1)) - 4) / 3.5));
    return size + (e.feature === 'PPLC' ? 0.2 : e.feature === 'PPLA' ? 0.05 : 0);
  }
  if (e.level === 'region') return e.type === 'LOC' ? 0.5 : 0.3;
  return 0.6; // curated people, organisations, outlets
}

/**
 * How well an NER label agrees with a KB entry's type. A place cue before the name overrides a PER
 * label; a city under an ORG label is usually a club or a government by metonymy (برشلونة، واشنطن), so it
 * is not linked, while a country under ORG is (روسيا تقول …).
 */
function typeFit(label: EntityType | null, e: KbEntry, placeCue: boolean): number {
  const type = e.type;
  const place = type === 'GPE' || type === 'LOC' || type === 'FAC';
  if (placeCue) return place ? 0.2 : -0.2;
  if (label === null) return 0;
  if (label === type) return 0.1;
  if (label === 'LOC' && place) return 0.1;
  // (a world region under ORG is NER's confusion, not metonymy: «الشرق الأوسط»)
  if (label === 'ORG' && place) return e.level === 'country' ? 0.05 : e.type === 'LOC' && e.level === 'region' ? 0 : -0.25;
  if (label === 'ORG' && type === 'MEDIA') return 0.05;
  if (label === 'MISC' && type === 'NORP') return 0.05;
  // A person's name is often also a town somewhere («أندرسون»): a PER label keeps it off places. A curated
  // person, organisation or outlet rarely shares a name with anything else, so NER's label matters less there.
  if (label === 'PER' && place) return -0.25;
  if (label === 'PER' || type === 'PER') return -0.15;
  return -0.05;
}

/** Words before a name that make it a settlement or an administrative unit: a GPE. */
const SETTLEMENT_CUES = new Set(['العاصمة', 'عاصمة', 'مدينة', 'بلدة', 'قرية', 'محافظة', 'ولاية', 'إقليم', 'مقاطعة', 'مخيم', 'ناحية', 'قضاء', 'مديرية'].map(nameKey));

function hasSettlementCue(tokens: readonly LinkToken[], i: number): boolean {
  const t = i > 0 ? tokens[i - 1] : undefined;
  return !!t && !!tokens[i]?.joined && t.readings.some((r) => SETTLEMENT_CUES.has(r));
}

function hasPlaceCue(tokens: readonly LinkToken[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = tokens[k]!;
    if (t.readings.some((r) => PLACE_CUES.has(r))) return true;
    if (!t.joined && k < i - 1) break;
  }
  return false;
}

function nilCluster(type: EntityType, text: string, place: KbEntry | null): Cluster {
  return { id: nilId(type, nameKey(text)), entry: null, type, mentions: [], place };
}

/** In-document NIL ids hash type and folded name, so the same name gets the same id in every article. */
export function nilId(type: EntityType, key: string): string {
  return `nil:${createHash('sha1').update(`${type}:${key}`).digest('hex').slice(0, 12)}`;
}

/**
 * Short names to full names: a PER cluster whose every name is a run of words inside one longer PER
 * name in the article joins it («باشينيان» → «نيكول باشينيان»، «جومارت» → «قاسم جومارت توكاييف»);
 * NIL clusters of one type whose names differ only in transliteration merge («كاسباروف» / «كسباروف»).
 */
function mergeShortNames(clusters: Map<string, Cluster>): void {
  const persons = [...clusters.values()].filter((c) => c.type === 'PER');
  const namesOf = (c: Cluster) => [...new Set([...(c.entry?.names ?? []), ...c.mentions.filter((m) => m.kind === 'name').map((m) => m.text)].map(nameKey))];
  for (const short of persons) {
    if (short.entry) continue;
    const shortNames = namesOf(short);
    const targets = persons.filter((long) => long !== short && clusters.has(long.id) && shortNames.every((s) => namesOf(long).some((l) => l !== s && containsRun(l, s))));
    if (targets.length === 1) moveMentions(clusters, short, targets[0]!);
  }
  const nil = [...clusters.values()].filter((c) => !c.entry && c.type !== 'FAC');
  for (let i = 0; i < nil.length; i++) {
    const a = nil[i]!;
    if (!clusters.has(a.id)) continue;
    for (let j = i + 1; j < nil.length; j++) {
      const b = nil[j]!;
      if (!clusters.has(b.id) || a.type !== b.type) continue;
      const ka = nameKey(a.mentions[0]!.text);
      const kb = nameKey(b.mentions[0]!.text);
      if (ka.length >= 5 && skeletonOf(ka) === skeletonOf(kb) && similarity(ka, kb) >= 0.8) moveMentions(clusters, b, a);
    }
  }
}

function containsRun(long: string, short: string): boolean {
  const l = long.split(' ');
  const s = short.split(' ');
  for (let i = 0; i + s.length <= l.length; i++) if (s.every((w, k) => l[i + k] === w)) return true;
  return false;
}

function moveMentions(clusters: Map<string, Cluster>, from: Cluster, to: Cluster): void {
  to.mentions.push(...from.mentions);
  clusters.delete(from.id);
}

/**
 * Later words of a person's full name found alone elsewhere in the article: «كما أقال جومارت الحكومة»
 * after «قاسم جومارت توكاييف». Only words of ≥ 4 letters that are not name particles, and only where no
 * other mention sits.
 */
function addSurnameMentions(clusters: Map<string, Cluster>, fields: readonly FieldText[], nextOrder: () => number): void {
  const parts = new Map<string, Cluster | null>();
  for (const c of clusters.values()) {
    if (c.type !== 'PER') continue;
    for (const m of c.mentions) {
      const words = nameKey(m.text).split(' ');
      if (words.length < 2) continue;
      for (const w of words.slice(1)) {
        if (w.length < 4 || NAME_PARTICLES.has(w)) continue;
        const prev = parts.get(w);
        parts.set(w, prev === undefined || prev === c ? c : null); // a word shared by two people is ambiguous
      }
    }
  }
  if (parts.size === 0) return;
  const occupied = new Map<string, Array<[number, number]>>();
  for (const c of clusters.values()) {
    for (const m of c.mentions) {
      const k = m.field ?? 'text';
      (occupied.get(k) ?? occupied.set(k, []).get(k)!).push([m.start, m.end]);
    }
  }
  const taken = (field: Field | undefined, start: number, end: number) => (occupied.get(field ?? 'text') ?? []).some(([s, e]) => s < end && e > start);
  for (const f of fields) {
    for (const t of f.tokens) {
      for (const r of t.readings) {
        const cluster = parts.get(r);
        if (!cluster) continue;
        const start = t.start + procliticLength(t.key, r);
        if (taken(f.field, start, t.end)) break;
        const mention: Mention & { order: number } = { start, end: t.end, text: f.text.slice(start, t.end), kind: 'name', order: nextOrder() };
        if (f.field) mention.field = f.field;
        cluster.mentions.push(mention);
        break;
      }
    }
  }
}

/** Titles → office holders at the article's date; «الوزارة» → the last ministry; «المتحدث باسم X» → a spokesperson. */
function addNominals(kb: KnowledgeBase, clusters: Map<string, Cluster>, fields: readonly FieldText[], date: string | null, nextOrder: () => number): void {
  // Name mentions by field and start; nominals added below never need to be found this way.
  const byStart = new Map<string, Cluster>();
  for (const c of clusters.values()) for (const m of c.mentions) if (m.kind === 'name') byStart.set(`${m.field ?? 'text'}:${m.start}`, c);
  const mentionAt = (field: Field | undefined, start: number) => byStart.get(`${field ?? 'text'}:${start}`) ?? null;
  const push = (c: Cluster, f: FieldText, start: number, end: number) => {
    const mention: Mention & { order: number } = { start, end, text: f.text.slice(start, end), kind: 'nominal', order: nextOrder() };
    if (f.field) mention.field = f.field;
    c.mentions.push(mention);
    if (!clusters.has(c.id)) clusters.set(c.id, c);
  };
  const spokespeople = new Set<Cluster>();
  for (const f of fields) {
    let lastRole: string | null = null;
    const roles = findRoleMentions(kb, f.tokens);
    for (const r of roles) {
      const role: string | null = r.counterpart ? lastRole : r.role;
      if (!role || !r.country) continue;
      lastRole = role;
      // Apposition: «الرئيس الكازاخستاني قاسم جومارت توكاييف» names the holder right after the title.
      const next = f.tokens[r.tokenEnd];
      const appositive = next && next.joined ? mentionAt(f.field, next.start) : null;
      const holder = kb.holderOf(role, r.country, date);
      let target: Cluster | null = appositive && appositive.type === 'PER' ? appositive : null;
      if (!target && holder) target = clusters.get(holder.id) ?? { id: holder.id, entry: holder, type: holder.type, mentions: [], place: null };
      if (!target) target = clusters.get(nilId('PER', `${role}@${r.country}`)) ?? { id: nilId('PER', `${role}@${r.country}`), entry: null, type: 'PER', mentions: [], place: null };
      push(target, f, r.start, r.end);
      // The adjective inside the title is not a NORP mention of its own.
      dropInside(clusters, f.field, r.start, r.end, 'NORP');
    }
    // «الوزارة» first, so «المتحدثة باسم الوزارة» below can find the ministry it refers to.
    for (const t of f.tokens) {
      const ministry = t.readings.includes(MINISTRY_ANAPHOR) ? MINISTRY_ANAPHOR : undefined;
      if (ministry === undefined) continue;
      const target = lastBefore(clusters, f.field, t.start, isMinistry);
      if (!target) continue;
      const start = t.start + procliticLength(t.key, ministry);
      push(target, f, start, t.end);
      byStart.set(`${f.field ?? 'text'}:${start}`, target);
    }
    for (let i = 0; i + 2 < f.tokens.length; i++) {
      if (f.tokens[i + 1]!.key !== ON_BEHALF) continue;
      const t = f.tokens[i]!;
      const head = t.readings.find(isSpokespersonHead);
      if (head === undefined) continue;
      const skip = (r: string) => procliticLength(t.key, r);
      const org = f.tokens[i + 2] ? mentionAt(f.field, f.tokens[i + 2]!.start) : null;
      if (!org || org.type === 'PER') continue;
      const orgMention = org.mentions.find((m) => (m.field ?? undefined) === f.field && m.start === f.tokens[i + 2]!.start)!;
      const start = t.start + skip(head);
      if ([...clusters.values()].some((c) => c.mentions.some((m) => m.kind === 'nominal' && (m.field ?? undefined) === f.field && m.start === start))) continue;
      const afterIndex = f.tokens.findIndex((x) => x.start >= orgMention.end);
      const after = afterIndex >= 0 && f.tokens[afterIndex]!.joined ? mentionAt(f.field, f.tokens[afterIndex]!.start) : null;
      // A foreign ministry's spokesperson is an office with holders in the KB («المتحدث باسم الخارجية الأمريكية»).
      const mfa = /^marsad:gov\/([a-z]{2})\/mfa$/u.exec(org.id);
      const holder = mfa ? kb.holderOf('spokesperson-foreign-ministry', mfa[1]!.toUpperCase(), date) : null;
      const target = after && after.type === 'PER'
        ? after
        : holder
          ? (clusters.get(holder.id) ?? { id: holder.id, entry: holder, type: holder.type, mentions: [], place: null })
          : (clusters.get(nilId('PER', `spokesperson@${org.id}`)) ?? { id: nilId('PER', `spokesperson@${org.id}`), entry: null, type: 'PER' as const, mentions: [], place: null });
      push(target, f, start, orgMention.end);
      spokespeople.add(target);
    }
    // «وقال المتحدث إن …» alone: the spokesperson last named in the article.
    for (let i = 0; i < f.tokens.length; i++) {
      const t = f.tokens[i]!;
      const head = t.readings.find(isSpokespersonHead);
      if (head === undefined || f.tokens[i + 1]?.key === ON_BEHALF) continue;
      const start = t.start + procliticLength(t.key, head);
      if (byStart.has(`${f.field ?? 'text'}:${start}`)) continue;
      const target = lastBefore(clusters, f.field, start, (c) => spokespeople.has(c));
      if (target) push(target, f, start, t.end);
    }
    // «الرئيس قاسم جومارت توكاييف»: a bare title right before a person's name is a nominal mention of them.
    for (let i = 0; i + 1 < f.tokens.length; i++) {
      const t = f.tokens[i]!;
      const title = t.readings.find((r) => BARE_TITLES.has(r));
      const next = f.tokens[i + 1]!;
      if (title === undefined || !next.joined) continue;
      const person = mentionAt(f.field, next.start);
      const start = t.start + procliticLength(t.key, title);
      if (!person || person.type !== 'PER' || person.mentions.some((m) => (m.field ?? undefined) === f.field && m.start <= start && m.end > start)) continue;
      push(person, f, start, t.end);
    }
  }
}

/** Titles that, right before a name, are a nominal mention of that person. */
const BARE_TITLES = new Set(['الرئيس', 'الرئيسة', 'الملك', 'الأمير', 'الوزير', 'الوزيرة', 'المستشارة', 'المستشار'].map(nameKey));

function isSpokespersonHead(reading: string): boolean {
  return SPOKESPERSON_HEADS.has(reading);
}

/** A ministry «الوزارة» can refer back to: a generated one, or an unlinked ORG named «وزارة …». */
function isMinistry(c: Cluster): boolean {
  return /\/(mfa|mod|moi|health|finance|justice|education|energy|economy|information|trade)$/u.test(c.id) || (!c.entry && c.type === 'ORG' && nameKey(c.mentions[0]!.text).startsWith('وزاره'));
}

function dropInside(clusters: Map<string, Cluster>, field: Field | undefined, start: number, end: number, type: EntityType): void {
  for (const c of [...clusters.values()]) {
    if (c.type !== type) continue;
    c.mentions = c.mentions.filter((m) => !((m.field ?? undefined) === field && m.start >= start && m.end <= end));
    if (c.mentions.length === 0) clusters.delete(c.id);
  }
}

function lastBefore(clusters: Map<string, Cluster>, field: Field | undefined, offset: number, ok: (c: Cluster) => boolean): Cluster | null {
  let best: Cluster | null = null;
  let bestStart = -1;
  for (const c of clusters.values()) {
    if (!ok(c)) continue;
    for (const m of c.mentions) {
      if ((m.field ?? undefined) === field && m.end <= offset && m.start > bestStart) {
        bestStart = m.start;
        best = c;
      }
    }
  }
  return best;
}

function toEntity(c: Cluster): Entity & { _order: number } {
  const mentions = [...c.mentions].sort((a, b) => (FIELD_RANK[a.field ?? 'text'] ?? 2) - (FIELD_RANK[b.field ?? 'text'] ?? 2) || a.start - b.start || a.end - b.end);
  const unique = mentions.filter((m, i) => i === 0 || m.start !== mentions[i - 1]!.start || m.end !== mentions[i - 1]!.end || m.field !== mentions[i - 1]!.field);
  const names = unique.filter((m) => m.kind === 'name');
  const displayFrom = (names.length > 0 ? names : unique).reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const e = c.entry;
  const place = e && e.level !== null ? e : c.place;
  const entity: Entity & { _order: number } = {
    id: c.id,
    type: c.type,
    name: { ar: e?.nameAr ?? displayFrom.text, en: e?.nameEn ?? null },
    kb: e?.kb ?? (e ? e.id : null),
    geo: place && place.lat !== null && place.lon !== null
      ? { lat: place.lat, lon: place.lon, country: place.country, admin1: place.admin1, level: c.type === 'FAC' ? 'facility' : (place.level ?? 'city') }
      : null,
    mentions: unique.map(({ order: _order, ...m }) => m),
    _order: Math.min(...unique.map((m) => (FIELD_RANK[m.field ?? 'text'] ?? 2) * 1e9 + m.start)),
  };
  return entity;
}

function byFirstMention(a: Entity & { _order: number }, b: Entity & { _order: number }): number {
  return a._order - b._order;
}

// NER features: turns a sentence of surface tokens into, per token, the hashed ids of its feature strings.

/** Word clusters (folded form → cluster ids at three granularities) and a gazetteer, handed in by the caller. */
export interface NerLexicon {
  /** Folded word → [coarse, medium, fine] cluster ids, from distributional vectors trained on news. */
  readonly clusters: ReadonlyMap<string, readonly [number, number, number]>;
  /** Folded name (words joined by one space) → bit set of GAZ_* types. */
  readonly gazetteer: ReadonlyMap<string, number>;
  /** The longest gazetteer entry, in words. */
  readonly gazetteerMaxWords: number;
  /** Folded stem → how news uses it (`NEWS_*` columns; resources/ner/wordstats.tsv, scripts/build-word-stats.ts). */
  readonly stats?: ReadonlyMap<string, Uint32Array>;
  /** How many token views to memoise before the memo is emptied (default 300,000); a long ingest sets it lower. */
  readonly viewCacheSize?: number;
}

/**
 * Columns of a stem's news statistics: occurrences, with the article, with a pronoun or plural suffix, then how
 * often a tagger trained on WikiFANE alone labelled it B-PERS, I-PERS, B-LOC, I-LOC, B-ORG, I-ORG, B-MISC, I-MISC.
 */
export const NEWS_COUNT = 0;
export const NEWS_DEFINITE = 1;
export const NEWS_SUFFIXED = 2;
export const NEWS_TAGGED = 3;
export const NEWS_COLUMNS = 11;

export const GAZ_PER = 1;
export const GAZ_LOC = 2;
export const GAZ_ORG = 4;
/** A given name (first word of a person name list entry): «قاسم» in «قاسم جومارت توكاييف». */
export const GAZ_GIVEN = 8;
/** Names from the knowledge base (resources/kb: curated people, PETRARCH actors, places, organisations). */
export const GAZ_KB_PER = 16;
export const GAZ_KB_LOC = 32;
export const GAZ_KB_ORG = 64;
/** A nationality adjective («الكازاخستاني», «الروس»): ANERcorp tags some as MISC, most as O. */
export const GAZ_NORP = 128;
/** Trigger words before a name: «الرئيس» (person), «مدينة» (place), «وزارة» / «شركة» (organisation). */
export const GAZ_TRIGGER_PER = 256;
export const GAZ_TRIGGER_LOC = 512;
export const GAZ_TRIGGER_ORG = 1024;
/** Names of the labelled WikiFANE entities (training data, mapped to ANERcorp types; scripts/build-ner-gazetteer.ts). */
export const GAZ_WIKI_PER = 2048;
export const GAZ_WIKI_LOC = 4096;
export const GAZ_WIKI_ORG = 8192;
export const GAZ_WIKI_MISC = 16384;
/** Names of the kinds ANERcorp calls MISC that no other list holds: currencies, scriptures, religions, diseases. */
export const GAZ_MISC = 32768;
const GAZ_NAMES = ['PER', 'LOC', 'ORG', 'GIVEN', 'KPER', 'KLOC', 'KORG', 'NORP', 'TPER', 'TLOC', 'TORG', 'WPER', 'WLOC', 'WORG', 'WMISC', 'MISC'] as const;
/** The bits that stand for names (not trigger words), matched longest first. */
const GAZ_NAME_BITS = 0xff | GAZ_WIKI_PER | GAZ_WIKI_LOC | GAZ_WIKI_ORG | GAZ_WIKI_MISC | GAZ_MISC;
/** Bit names by bit index, for the model-io parser. */
export const GAZ_TYPE_BITS: Readonly<Record<string, number>> = Object.fromEntries(GAZ_NAMES.map((n, b) => [n, 1 << b]));

export const EMPTY_LEXICON: NerLexicon = { clusters: new Map(), gazetteer: new Map(), gazetteerMaxWords: 0 };

// Letters folded for matching; named so no variant is dropped (آ and ء included).
const ALEF = 0x0627; // ا
const ALEF_HAMZA_ABOVE = 0x0623; // أ → ا: «أحمد» / «احمد»
const ALEF_HAMZA_BELOW = 0x0625; // إ → ا: «إيران» / «ايران»
const ALEF_MADDA = 0x0622; // آ → ا: «آسيا» / «اسيا»
const ALEF_WASLA = 0x0671; // ٱ → ا
const ALEF_MAKSURA = 0x0649; // ى → ي: «موسى» / «موسي»
const YA = 0x064a; // ي
const TA_MARBUTA = 0x0629; // ة → ه: «الطراونة» / «الطراونه»
const HA = 0x0647; // ه
const WAW_HAMZA = 0x0624; // ؤ → و
const WAW = 0x0648; // و
const YA_HAMZA = 0x0626; // ئ → ي
const TATWEEL = 0x0640; // ـ, dropped
const HARAKAT_FIRST = 0x064b; // fathatan … sukun and the other marks up to U+065F, dropped
const HARAKAT_LAST = 0x065f;
const SUPERSCRIPT_ALEF = 0x0670; // ٰ, dropped
const ARABIC_INDIC_ZERO = 0x0660; // ٠ … ٩ → 0 … 9
const ARABIC_INDIC_NINE = 0x0669;

/**
 * The form the tagger matches on: no diacritics or tatweel, alef/ya/ta-marbuta/hamza-seat variants folded,
 * Arabic-Indic digits to ASCII. Hamza on the line (ء) is kept: «جزء» is not «جز».
 */
export function foldForm(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x0622 || c > 0x0671) {
      out += word[i];
      continue;
    }
    if (c === TATWEEL || c === SUPERSCRIPT_ALEF || (c >= HARAKAT_FIRST && c <= HARAKAT_LAST)) continue;
    let r = c;
    if (c === ALEF_HAMZA_ABOVE || c === ALEF_HAMZA_BELOW || c === ALEF_MADDA || c === ALEF_WASLA) r = ALEF;
    else if (c === ALEF_MAKSURA || c === YA_HAMZA) r = YA;
    else if (c === TA_MARBUTA) r = HA;
    else if (c === WAW_HAMZA) r = WAW;
    else if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_NINE) {
      out += String(c - ARABIC_INDIC_ZERO);
      continue;
    }
    out += String.fromCharCode(r);
  }
  return out;
}

/**
 * Splits a folded word into its likely proclitics and the rest, by surface pattern only:
 * conjunction و/ف, then preposition ب/ل/ك, then the article ال (ل+ال written لل).
 * «والرئيس» → ['وال', 'رئيس']; «للمنظمة» → ['لل', 'منظمه']. A stem under two letters is not split.
 */
export function splitProclitics(folded: string): [string, string] {
  let i = 0;
  const c0 = folded[0];
  if ((c0 === 'و' || c0 === 'ف') && folded.length - 1 >= 3) i = 1;
  const c1 = folded[i];
  if ((c1 === 'ب' || c1 === 'ك') && folded.length - i - 1 >= 3) i += 1;
  else if (c1 === 'ل') {
    if (folded[i + 1] === 'ل' && folded.length - i - 2 >= 2) return [folded.slice(0, i + 2), folded.slice(i + 2)];
    if (folded.length - i - 1 >= 3) i += 1;
  }
  if (folded.startsWith('ال', i) && folded.length - i - 2 >= 2) i += 2;
  return [folded.slice(0, i), folded.slice(i)];
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const LATIN_LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;

/** A coarse shape class: digits, Latin, Arabic, punctuation or mixed. */
function shapeOf(word: string): string {
  const hasDigit = DIGIT.test(word);
  const hasLatin = LATIN_LETTER.test(word);
  const hasArabic = ARABIC_LETTER.test(word);
  if (!hasDigit && !hasLatin && !hasArabic) return word.length === 1 ? word : 'P';
  return (hasArabic ? 'A' : '') + (hasLatin ? 'L' : '') + (hasDigit ? 'D' : '');
}

/** FNV-1a over UTF-16 code units: the key every feature string is stored under. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a continued over more characters: hashing "ab" equals continuing the hash of "a" with "b". */
function fnvContinue(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const FNV_OFFSET = 0x811c9dc5;
const PIPE = '|';

/**
 * Where features go: the string sink builds "name" + parts joined by "|" (for tests and inspection), the
 * hash sink computes `hashFeature` of that same string without building it (the tagger's hot path).
 */
interface FeatureSink {
  add(name: string, a: string): void;
  add2(name: string, a: string, b: string): void;
  add3(name: string, a: string, b: string, c: string): void;
}

class StringSink implements FeatureSink {
  readonly out: string[] = [];
  add(name: string, a: string): void {
    this.out.push(name + a);
  }
  add2(name: string, a: string, b: string): void {
    this.out.push(name + a + PIPE + b);
  }
  add3(name: string, a: string, b: string, c: string): void {
    this.out.push(name + a + PIPE + b + PIPE + c);
  }
}

/** Collects hashes in a reused buffer; `take` copies out those added since the last `take`. */
class HashSink implements FeatureSink {
  private buffer = new Uint32Array(256);
  private count = 0;
  private push(h: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Uint32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.count++] = h;
  }
  take(): Uint32Array {
    const out = this.buffer.slice(0, this.count);
    this.count = 0;
    return out;
  }
  add(name: string, a: string): void {
    this.push(fnvContinue(fnvContinue(FNV_OFFSET, name), a) >>> 0);
  }
  add2(name: string, a: string, b: string): void {
    this.push(fnvContinue(fnvContinue(fnvContinue(fnvContinue(FNV_OFFSET, name), a), PIPE), b) >>> 0);
  }
  add3(name: string, a: string, b: string, c: string): void {
    const h = fnvContinue(fnvContinue(fnvContinue(fnvContinue(FNV_OFFSET, name), a), PIPE), b);
    this.push(fnvContinue(fnvContinue(h, PIPE), c) >>> 0);
  }
}

/** What the templates need of one token; depends on the token and the lexicon only, so it is memoised. */
interface TokenView {
  readonly token: string;
  readonly folded: string;
  readonly pro: string;
  readonly stem: string;
  readonly shape: string;
  readonly cluster: readonly [number, number, number] | undefined;
  readonly stemCluster: readonly [number, number, number] | undefined;
  /** The medium and fine cluster ids as strings (of `cluster`, else `stemCluster`), '' when unknown. */
  readonly c1: string;
  readonly c2: string;
  /** Usage class of the stem in news (see `usageOf`), '' without statistics. */
  readonly usage: string;
  /** Readings of the word for gazetteer lookup as a name's first word (see `firstForms`). */
  readonly firstForms: readonly string[];
  /** The hashes of the features that depend on this token alone. */
  localHashes: Uint32Array | undefined;
}

const BOUNDARY: TokenView = {
  token: '<s>',
  folded: '<s>',
  pro: '',
  stem: '<s>',
  shape: 'S',
  cluster: undefined,
  stemCluster: undefined,
  c1: '',
  c2: '',
  usage: '',
  firstForms: [],
  localHashes: undefined,
};

/** Per-lexicon memo: token views, and for the gazetteer the longest entry starting with each first word. */
interface LexiconIndex {
  views: Map<string, TokenView>;
  firstWordMax: Map<string, number>;
}
const INDEXES = new WeakMap<NerLexicon, LexiconIndex>();
const VIEW_CACHE_SIZE = 300_000;

function indexOf(lexicon: NerLexicon): LexiconIndex {
  let index = INDEXES.get(lexicon);
  if (index === undefined) {
    const firstWordMax = new Map<string, number>();
    for (const [name, bits] of lexicon.gazetteer) {
      if ((bits & GAZ_NAME_BITS) === 0) continue;
      const words = name.split(' ');
      firstWordMax.set(words[0]!, Math.max(firstWordMax.get(words[0]!) ?? 0, words.length));
    }
    index = { views: new Map(), firstWordMax };
    INDEXES.set(lexicon, index);
  }
  return index;
}

/**
 * Readings of a first word for gazetteer lookup: whole, without a conjunction, without every proclitic.
 * The surface split is ambiguous: «وبيروت» is و + بيروت, not و + ب + يروت, so each cut is tried.
 */
function firstFormsOf(folded: string, pro: string): string[] {
  const forms = [folded];
  for (let cut = 1; cut <= pro.length; cut++) forms.push(folded.slice(cut));
  return forms;
}

/** ANERcorp's types in the order of the news statistics' tagger columns (from `NEWS_TAGGED`). */
const USAGE_TYPES = 'PLOM';

/**
 * How a stem is used in news, as "/"-separated parts: a frequency bin, then (from five occurrences on) how often
 * it takes the article and a suffix — names rarely do, and Arabic has no capitals to tell them — then how the
 * news tagger labelled it: the commonest type with its share and whether it mostly begins a name («دونالد»
 * P4B), and each type's share alone. "0" for a stem never seen; '' without statistics.
 */
function usageOf(stem: string, lexicon: NerLexicon): string {
  const stats = lexicon.stats;
  if (stats === undefined || stats.size === 0) return '';
  const s = stats.get(stem);
  if (s === undefined) return '0';
  const n = s[NEWS_COUNT]!;
  const freq = String(Math.min(7, Math.ceil(Math.log2(n + 1) / 2)));
  if (n < 5) return freq;
  const bin = (x: number): string => (x === 0 ? '0' : x < 0.05 ? '1' : x < 0.3 ? '2' : '3');
  let out = freq + '/' + bin(s[NEWS_DEFINITE]! / n) + '/' + bin(s[NEWS_SUFFIXED]! / n);
  if (s.length < NEWS_COLUMNS) return out;
  const byType = [0, 1, 2, 3].map((t) => s[NEWS_TAGGED + 2 * t]! + s[NEWS_TAGGED + 2 * t + 1]!);
  const total = byType[0]! + byType[1]! + byType[2]! + byType[3]!;
  if (total === 0) return out + '/none';
  let best = 0;
  for (let t = 1; t < 4; t++) if (byType[t]! > byType[best]!) best = t;
  const share = (r: number): string => (r < 0.1 ? '1' : r < 0.5 ? '2' : r < 0.9 ? '3' : '4');
  out += '/' + USAGE_TYPES[best]! + share(total / n) + (s[NEWS_TAGGED + 2 * best]! >= s[NEWS_TAGGED + 2 * best + 1]! ? 'B' : 'I');
  for (let t = 0; t < 4; t++) if (byType[t]! > 0) out += '/' + USAGE_TYPES[t]! + '=' + share(byType[t]! / n);
  return out;
}

function viewOf(token: string, lexicon: NerLexicon, index: LexiconIndex): TokenView {
  const hit = index.views.get(token);
  if (hit !== undefined) return hit;
  const folded = foldForm(token);
  const [pro, stem] = splitProclitics(folded);
  const cluster = lexicon.clusters.get(folded);
  const stemCluster = pro === '' ? undefined : (lexicon.clusters.get(stem) ?? lexicon.clusters.get('ال' + stem));
  const c = cluster ?? stemCluster;
  const view: TokenView = {
    token,
    folded,
    pro,
    stem,
    shape: shapeOf(token),
    cluster,
    stemCluster,
    c1: c === undefined ? '' : String(c[1]),
    c2: c === undefined ? '' : String(c[2]),
    usage: usageOf(stem, lexicon),
    firstForms: firstFormsOf(folded, pro).filter((f) => index.firstWordMax.has(f)),
    localHashes: undefined,
  };
  if (index.views.size >= (lexicon.viewCacheSize ?? VIEW_CACHE_SIZE)) index.views.clear();
  index.views.set(token, view);
  return view;
}

/** Gazetteer marks of a sentence, per token. */
interface GazetteerMarks {
  /** "" or the match's tag such as "B-LOC1" (one-word match) or "I-PER|LOC". */
  readonly tags: string[];
  /** Per matched type, position + type: ["B-LOC", "B-KLOC"]; lets each source's evidence count alone. */
  readonly parts: string[][];
  /** Trigger-word bits (GAZ_TRIGGER_*) of the token itself, 0 when none. */
  readonly triggers: number[];
}

const NO_PARTS: string[] = [];

/**
 * Gazetteer matches, longest first; a name's first word may carry proclitics («وكازاخستان» matches
 * «كازاخستان»). Trigger words are looked up on their own, also behind proclitics («وللرئيس» → «رئيس»).
 */
function markGazetteer(views: readonly TokenView[], lexicon: NerLexicon, index: LexiconIndex): GazetteerMarks {
  const n = views.length;
  const tags = new Array<string>(n).fill('');
  const parts = new Array<string[]>(n).fill(NO_PARTS);
  const triggers = new Array<number>(n).fill(0);
  if (lexicon.gazetteerMaxWords === 0) return { tags, parts, triggers };
  for (let i = 0; i < n; i++) {
    const v = views[i]!;
    const t = (lexicon.gazetteer.get(v.folded) ?? 0) | (lexicon.gazetteer.get(v.stem) ?? 0) | (lexicon.gazetteer.get('ال' + v.stem) ?? 0);
    triggers[i] = t & ~GAZ_NAME_BITS;
  }
  let i = 0;
  while (i < n) {
    let matched = 0;
    let types = 0;
    for (const firstForm of views[i]!.firstForms) {
      const max = Math.min(index.firstWordMax.get(firstForm) ?? 0, n - i);
      for (let len = max; len > matched; len--) {
        let key = firstForm;
        for (let k = 1; k < len; k++) key += ' ' + views[i + k]!.folded;
        const t = (lexicon.gazetteer.get(key) ?? 0) & GAZ_NAME_BITS;
        if (t !== 0 && (len > 1 || (t & ~GAZ_GIVEN) !== 0 || firstForm.length > 2)) {
          matched = len;
          types = t;
          break;
        }
      }
    }
    if (matched === 0) {
      i++;
      continue;
    }
    const names: string[] = [];
    for (let b = 0; b < GAZ_NAMES.length; b++) if (types & (1 << b)) names.push(GAZ_NAMES[b]!);
    const tag = names.join('|');
    for (let k = 0; k < matched; k++) {
      const pos = k === 0 ? 'B-' : 'I-';
      tags[i + k] = pos + tag + (matched > 1 ? '' : '1');
      parts[i + k] = names.map((name) => pos + name);
    }
    i += matched;
  }
  return { tags, parts, triggers };
}

/** Features of the token alone (same wherever it occurs). */
function localFeatures(v: TokenView, sink: FeatureSink): void {
  sink.add('b', '');
  sink.add('w=', v.token);
  sink.add('f=', v.folded);
  sink.add('sh=', v.shape);
  sink.add('len=', String(Math.min(v.stem.length, 10)));
  sink.add('pre1=', v.stem.slice(0, 1));
  sink.add('pre2=', v.stem.slice(0, 2));
  sink.add('pre3=', v.stem.slice(0, 3));
  sink.add('suf1=', v.folded.slice(-1));
  sink.add('suf2=', v.folded.slice(-2));
  sink.add('suf3=', v.folded.slice(-3));
  sink.add('suf4=', v.folded.slice(-4));
  // Features whose value is empty (no proclitic, unknown cluster, no gazetteer match) are left out:
  // always-on features act as extra biases and slow the perceptron down.
  // The stem always fires, so «الليكود», «والليكود» and «للليكود» share «ليكود».
  sink.add('s=', v.stem);
  if (v.pro !== '') sink.add('p=', v.pro);
  const c = v.cluster ?? v.stemCluster;
  if (c !== undefined) {
    sink.add('c0=', String(c[0]));
    sink.add('c1=', String(c[1]));
    sink.add('c2=', String(c[2]));
  }
  if (v.stemCluster !== undefined && v.cluster !== undefined) sink.add('sc2=', String(v.stemCluster[2]));
  if (v.usage !== '') {
    sink.add('u=', v.usage);
    const slash = v.usage.indexOf('/');
    if (slash > 0) {
      sink.add('uf=', v.usage.slice(0, slash));
      sink.add('ur=', v.usage.slice(slash));
    }
    for (const part of v.usage.split('/').slice(3)) sink.add('ua=', part);
  }
}

/** The gazetteer tag of token k ('' outside the sentence). */
const gazAt = (marks: GazetteerMarks, k: number): string => (k < 0 || k >= marks.tags.length ? '' : marks.tags[k]!);
/** The trigger bits of token k (0 outside the sentence). */
const trigAt = (marks: GazetteerMarks, k: number): number => (k < 0 || k >= marks.triggers.length ? 0 : marks.triggers[k]!);

/** Features of the token in its sentence: neighbours, their clusters, gazetteer matches, trigger words. */
function contextFeatures(at: (i: number) => TokenView, marks: GazetteerMarks, i: number, sink: FeatureSink): void {
  const n = marks.tags.length;
  const v = at(i);
  const p1 = at(i - 1);
  const p2 = at(i - 2);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  sink.add('f-1=', p1.folded);
  sink.add('f+1=', n1.folded);
  sink.add('f-2=', p2.folded);
  sink.add('f+2=', n2.folded);
  sink.add2('f-1f=', p1.folded, v.folded);
  sink.add2('ff+1=', v.folded, n1.folded);
  sink.add3('sh-1sh+1=', p1.shape, v.shape, n1.shape);
  sink.add('s-1=', p1.stem);
  sink.add('s+1=', n1.stem);
  sink.add2('s-1s=', p1.stem, v.stem);
  sink.add2('ss+1=', v.stem, n1.stem);
  sink.add('suf2-1=', p1.folded.slice(-2));
  sink.add('suf2+1=', n1.folded.slice(-2));
  if (p1.pro !== '') sink.add('p-1=', p1.pro);
  if (n1.pro !== '') sink.add('p+1=', n1.pro);
  if (p1.pro !== '' || p2.pro !== '') sink.add2('s-2s-1=', p2.stem, p1.stem);
  const g = gazAt(marks, i);
  const g1 = gazAt(marks, i - 1);
  const g2 = gazAt(marks, i + 1);
  if (g !== '') sink.add('g=', g);
  if (g1 !== '') sink.add('g-1=', g1);
  if (g2 !== '') sink.add('g+1=', g2);
  if (g !== '' || g1 !== '' || g2 !== '') sink.add3('gg=', g1, g, g2);
  if (i >= 0 && i < n) for (const part of marks.parts[i]!) sink.add('gt=', part);
  if (i + 1 < n) for (const part of marks.parts[i + 1]!) sink.add('gt+1=', part);
  if (i - 1 >= 0) for (const part of marks.parts[i - 1]!) sink.add('gt-1=', part);
  // «الرئيس قاسم …», «مدينة أستانا», «شركة أرامكو»: the trigger one or two words back.
  const t1 = trigAt(marks, i - 1);
  const t2 = trigAt(marks, i - 2);
  const t0 = trigAt(marks, i);
  if (t1 !== 0) sink.add('tr-1=', String(t1));
  if (t2 !== 0) sink.add('tr-2=', String(t2));
  if (t0 !== 0) sink.add('tr=', String(t0));
  if (p1.c1 !== '') {
    sink.add('c1-1=', p1.c1);
    sink.add('c2-1=', p1.c2);
    sink.add2('c2-1s=', p1.c2, v.stem);
  }
  if (n1.c1 !== '') {
    sink.add('c1+1=', n1.c1);
    sink.add('c2+1=', n1.c2);
  }
  if (p2.c1 !== '') sink.add('c1-2=', p2.c1);
  if (n2.c1 !== '') sink.add('c1+2=', n2.c1);
}

function sentenceViews(tokens: readonly string[], lexicon: NerLexicon): { views: TokenView[]; marks: GazetteerMarks; index: LexiconIndex } {
  const index = indexOf(lexicon);
  const views = tokens.map((t) => viewOf(t, lexicon, index));
  return { views, marks: markGazetteer(views, lexicon, index), index };
}

/** The folded stem of a token («وبالليكود» → «ليكود»), from the same memo the features use. */
export function stemOf(token: string, lexicon: NerLexicon): string {
  return viewOf(token, lexicon, indexOf(lexicon)).stem;
}

/**
 * The feature strings of every token of a sentence. Exposed for tests and inspection; the tagger uses
 * `extractFeatureHashes`, which hashes the same strings without building them.
 */
export function extractFeatureStrings(tokens: readonly string[], lexicon: NerLexicon): string[][] {
  const { views, marks } = sentenceViews(tokens, lexicon);
  const at = (i: number): TokenView => (i < 0 || i >= views.length ? BOUNDARY : views[i]!);
  return views.map((v, i) => {
    const sink = new StringSink();
    localFeatures(v, sink);
    contextFeatures(at, marks, i, sink);
    return sink.out;
  });
}

/** One sink for every call: extraction is synchronous and never re-entered, and the buffer is reused. */
const HASH_SINK = new HashSink();

/**
 * Hashed features per token in two parts: those of the token alone (one array object per distinct token,
 * shared between its occurrences, so scorers may memoise on it) and those of its context.
 */
export function extractFeatureParts(tokens: readonly string[], lexicon: NerLexicon): { local: Uint32Array[]; context: Uint32Array[] } {
  const { views, marks } = sentenceViews(tokens, lexicon);
  const at = (i: number): TokenView => (i < 0 || i >= views.length ? BOUNDARY : views[i]!);
  const sink = HASH_SINK;
  const local: Uint32Array[] = [];
  const context: Uint32Array[] = [];
  views.forEach((v, i) => {
    if (v.localHashes === undefined) {
      localFeatures(v, sink);
      v.localHashes = sink.take();
    }
    local.push(v.localHashes);
    contextFeatures(at, marks, i, sink);
    context.push(sink.take());
  });
  return { local, context };
}

/** Hashed feature ids per token: `hashFeature` of each string `extractFeatureStrings` gives. */
export function extractFeatureHashes(tokens: readonly string[], lexicon: NerLexicon): Uint32Array[] {
  const { local, context } = extractFeatureParts(tokens, lexicon);
  return local.map((l, i) => {
    const c = context[i]!;
    const out = new Uint32Array(l.length + c.length);
    out.set(l);
    out.set(c, l.length);
    return out;
  });
}

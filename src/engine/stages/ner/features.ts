// NER features: turns a sentence of surface tokens into, per token, the hashed ids of its feature strings.

/** Word clusters (folded form → cluster ids at three granularities) and a gazetteer, handed in by the caller. */
export interface NerLexicon {
  /** Folded word → [coarse, medium, fine] cluster ids, from distributional vectors trained on news. */
  readonly clusters: ReadonlyMap<string, readonly [number, number, number]>;
  /** Folded name (words joined by one space) → bit set of GAZ_* types. */
  readonly gazetteer: ReadonlyMap<string, number>;
  /** The longest gazetteer entry, in words. */
  readonly gazetteerMaxWords: number;
}

export const GAZ_PER = 1;
export const GAZ_LOC = 2;
export const GAZ_ORG = 4;
/** A given name (first word of a person name list entry): «قاسم» in «قاسم جومارت توكاييف». */
export const GAZ_GIVEN = 8;
const GAZ_NAMES = ['PER', 'LOC', 'ORG', 'GIVEN'] as const;

export const EMPTY_LEXICON: NerLexicon = { clusters: new Map(), gazetteer: new Map(), gazetteerMaxWords: 0 };

// Letters folded for matching; named so no variant is dropped (آ and ء included).
const ALEF_VARIANTS = /[أإآٱ]/g; // أ إ آ ٱ → ا: «إيران» and «ايران» are one name
const ALEF_MAKSURA = /ى/g; // ى → ي: «موسى» / «موسي»
const TA_MARBUTA = /ة/g; // ة → ه: «الطراونة» / «الطراونه»
const HAMZA_ON_WAW = /ؤ/g; // ؤ → و
const HAMZA_ON_YA = /ئ/g; // ئ → ي
const DIACRITICS_AND_TATWEEL = /[\u064B-\u065F\u0670\u0640]/g; // harakat, superscript alef, tatweel ـ
const ARABIC_INDIC_DIGITS = /[٠-٩]/g;

/**
 * The form the tagger matches on: no diacritics or tatweel, alef/ya/ta-marbuta/hamza-seat variants folded,
 * Arabic-Indic digits to ASCII. Hamza on the line (ء) is kept: «جزء» is not «جز».
 */
export function foldForm(word: string): string {
  return word
    .replace(DIACRITICS_AND_TATWEEL, '')
    .replace(ALEF_VARIANTS, 'ا')
    .replace(ALEF_MAKSURA, 'ي')
    .replace(TA_MARBUTA, 'ه')
    .replace(HAMZA_ON_WAW, 'و')
    .replace(HAMZA_ON_YA, 'ي')
    .replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660));
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

/** Per-token precomputed views used by the feature templates. */
interface TokenView {
  folded: string;
  pro: string;
  stem: string;
  shape: string;
  cluster: readonly [number, number, number] | undefined;
  stemCluster: readonly [number, number, number] | undefined;
  gaz: string;
}

const BOUNDARY: TokenView = { folded: '<s>', pro: '', stem: '<s>', shape: 'S', cluster: undefined, stemCluster: undefined, gaz: '' };

/**
 * Marks gazetteer matches, longest first, over the stems (first word may carry proclitics:
 * «وكازاخستان» matches «كازاخستان»). Returns per token a string such as "B-LOC" or "I-PER|LOC".
 */
function markGazetteer(views: TokenView[], lexicon: NerLexicon): void {
  const n = views.length;
  const max = lexicon.gazetteerMaxWords;
  if (max === 0) return;
  let i = 0;
  while (i < n) {
    let matched = 0;
    let types = 0;
    for (let len = Math.min(max, n - i); len >= 1 && matched === 0; len--) {
      for (const firstForm of [views[i]!.folded, views[i]!.stem]) {
        let key = firstForm;
        for (let k = 1; k < len; k++) key += ' ' + views[i + k]!.folded;
        const t = lexicon.gazetteer.get(key);
        if (t !== undefined && (len > 1 || (t & ~GAZ_GIVEN) !== 0 || firstForm.length > 2)) {
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
    for (let k = 0; k < matched; k++) views[i + k]!.gaz = (k === 0 ? 'B-' : 'I-') + tag + (matched > 1 ? '' : '1');
    i += matched;
  }
}

function viewOf(token: string, lexicon: NerLexicon): TokenView {
  const folded = foldForm(token);
  const [pro, stem] = splitProclitics(folded);
  return {
    folded,
    pro,
    stem,
    shape: shapeOf(token),
    cluster: lexicon.clusters.get(folded),
    stemCluster: pro === '' ? undefined : lexicon.clusters.get(stem) ?? lexicon.clusters.get('ال' + stem),
    gaz: '',
  };
}

/**
 * The feature strings of every token of a sentence. Exposed for tests and inspection; the tagger uses
 * `extractFeatureHashes`, which hashes the same strings.
 */
export function extractFeatureStrings(tokens: readonly string[], lexicon: NerLexicon): string[][] {
  const views = tokens.map((t) => viewOf(t, lexicon));
  markGazetteer(views, lexicon);
  const at = (i: number): TokenView => (i < 0 || i >= views.length ? BOUNDARY : views[i]!);
  const out: string[][] = [];
  for (let i = 0; i < views.length; i++) {
    const v = views[i]!;
    const p1 = at(i - 1);
    const p2 = at(i - 2);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    const f: string[] = [
      'b',
      'w=' + tokens[i],
      'f=' + v.folded,
      's=' + v.stem,
      'p=' + v.pro,
      'sh=' + v.shape,
      'len=' + Math.min(v.stem.length, 10),
      'f-1=' + p1.folded,
      'f+1=' + n1.folded,
      'f-2=' + p2.folded,
      'f+2=' + n2.folded,
      's-1=' + p1.stem,
      's+1=' + n1.stem,
      'f-1f=' + p1.folded + '|' + v.folded,
      'ff+1=' + v.folded + '|' + n1.folded,
      's-2s-1=' + p2.stem + '|' + p1.stem,
      's+1s+2=' + n1.stem + '|' + n2.stem,
      'sh-1sh+1=' + p1.shape + '|' + v.shape + '|' + n1.shape,
      'pre1=' + v.stem.slice(0, 1),
      'pre2=' + v.stem.slice(0, 2),
      'pre3=' + v.stem.slice(0, 3),
      'suf1=' + v.folded.slice(-1),
      'suf2=' + v.folded.slice(-2),
      'suf3=' + v.folded.slice(-3),
      'suf4=' + v.folded.slice(-4),
      'p-1=' + p1.pro,
      'p+1=' + n1.pro,
      'g=' + v.gaz,
      'g-1=' + p1.gaz,
      'g+1=' + n1.gaz,
      'gg=' + p1.gaz + '|' + v.gaz + '|' + n1.gaz,
    ];
    const c = v.cluster ?? v.stemCluster;
    if (c !== undefined) {
      f.push('c0=' + c[0], 'c1=' + c[1], 'c2=' + c[2]);
    } else {
      f.push('c0=?');
    }
    if (v.stemCluster !== undefined && v.cluster !== undefined) f.push('sc2=' + v.stemCluster[2]);
    const pc = p1.cluster ?? p1.stemCluster;
    const nc = n1.cluster ?? n1.stemCluster;
    f.push('c1-1=' + (pc === undefined ? '?' : pc[1]), 'c1+1=' + (nc === undefined ? '?' : nc[1]));
    f.push('c2-1=' + (pc === undefined ? '?' : pc[2]), 'c2+1=' + (nc === undefined ? '?' : nc[2]));
    out.push(f);
  }
  return out;
}

/** Hashed feature ids per token (see `hashFeature`). */
export function extractFeatureHashes(tokens: readonly string[], lexicon: NerLexicon): Uint32Array[] {
  return extractFeatureStrings(tokens, lexicon).map((fs) => {
    const h = new Uint32Array(fs.length);
    for (let k = 0; k < fs.length; k++) h[k] = hashFeature(fs[k]!);
    return h;
  });
}

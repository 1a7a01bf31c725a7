// Arabic normalisation with an offset map back to the input: one table-driven pass over char codes.
import {
  ALEF,
  ALEF_MAKSURA,
  ALEF_VARIANTS,
  ARABIC_COMMA,
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_FULL_STOP,
  ARABIC_INDIC_ZERO,
  ARABIC_PERCENT,
  ARABIC_QUESTION_MARK,
  ARABIC_SEMICOLON,
  ARABIC_THOUSANDS_SEPARATOR,
  FARSI_YEH,
  HA,
  HEH_DOACHASHMEE,
  INVISIBLES,
  KAF,
  KEHEH,
  LEFT_GUILLEMET,
  PERSIAN_ZERO,
  RIGHT_GUILLEMET,
  SUPERSCRIPT_ALEF,
  TATWEEL,
  TA_MARBUTA,
  WAW,
  WAW_HAMZA,
  YA,
  YA_HAMZA,
  isHorizontalSpace,
  isLineBreak,
  isPresentationForm,
  isQuranicMark,
} from './chars.js';
import { createTransformed, type Transformed } from './offset-map.js';

/** Which normalisation rules to apply. Every rule is on by default except `taMarbuta` and `punctuation`. */
export interface NormalizeOptions {
  /** أ إ آ ٱ ٲ ٳ ٵ → ا */
  alef?: boolean;
  /** ى → ي («على» and «علي» are written alike in Egyptian spelling). */
  alefMaqsura?: boolean;
  /** ؤ → و, ئ → ي («مسئول» / «مسؤول»). Standalone ء is kept. */
  hamzaSeats?: boolean;
  /** ة → ه: for matching only («مدينه» for «مدينة»); off by default because it loses a letter. */
  taMarbuta?: boolean;
  /** Delete harakat, superscript alef and Quranic annotation marks. */
  harakat?: boolean;
  /** Delete tatweel ـ («محـــمد» → «محمد»). */
  tatweel?: boolean;
  /** ٠-٩ and ۰-۹ → 0-9; ٫ → '.'; ٬ → ','. */
  digits?: boolean;
  /** Expand presentation forms (ﻻ → لا, ﷲ → الله) to plain letters. */
  presentationForms?: boolean;
  /** Delete zero-width and bidi format characters (ZWNJ, ZWJ, LRM, RLM, ALM, BOM, soft hyphen). */
  invisibles?: boolean;
  /** ، → ,  ؛ → ;  ؟ → ?  « » “ ” → "  ٪ → %: for matching only, off by default. */
  punctuation?: boolean;
  /** Spaces (NBSP, en space, tab…) → ' ' with runs collapsed; line breaks (\r\n, \r, U+2028…) → \n, kept. */
  whitespace?: boolean;
  /** Persian/Urdu letters typed for Arabic ones: ی → ي, ک → ك, ھ → ه. */
  persianLetters?: boolean;
}

/** The defaults: everything but `taMarbuta` and `punctuation`. */
export const DEFAULT_OPTIONS: Readonly<Required<NormalizeOptions>> = Object.freeze({
  alef: true,
  alefMaqsura: true,
  hamzaSeats: true,
  taMarbuta: false,
  harakat: true,
  tatweel: true,
  digits: true,
  presentationForms: true,
  invisibles: true,
  punctuation: false,
  whitespace: true,
  persianLetters: true,
});

/** Everything on: the form under which two spellings of a word compare equal («مسئولة» = «مسؤوله»). */
export const MATCH_OPTIONS: Readonly<Required<NormalizeOptions>> = Object.freeze({
  alef: true,
  alefMaqsura: true,
  hamzaSeats: true,
  taMarbuta: true,
  harakat: true,
  tatweel: true,
  digits: true,
  presentationForms: true,
  invisibles: true,
  punctuation: true,
  whitespace: true,
  persianLetters: true,
});

// Table entries: a code >= 0 replaces the input code; negative values are actions.
const DELETE = -1;
const EXPAND = -2; // presentation form: NFKC expansion, itself normalised
const SPACE = -3; // horizontal whitespace, collapsed into one ' '
const NEWLINE = -4; // line break, becomes '\n' (\r\n counts as one)

const OPTION_KEYS = [
  'alef',
  'alefMaqsura',
  'hamzaSeats',
  'taMarbuta',
  'harakat',
  'tatweel',
  'digits',
  'presentationForms',
  'invisibles',
  'punctuation',
  'whitespace',
  'persianLetters',
] as const satisfies readonly (keyof NormalizeOptions)[];

interface FoldTable {
  readonly map: Int32Array;
  readonly whitespace: boolean;
}

// Memo of built tables by option bitmask: derived from constants, so safe to share.
const tables = new Map<number, FoldTable>();

function optionMask(options: NormalizeOptions | undefined): number {
  let mask = 0;
  for (let k = 0; k < OPTION_KEYS.length; k++) {
    const key = OPTION_KEYS[k] as keyof NormalizeOptions;
    const on = options?.[key] ?? DEFAULT_OPTIONS[key];
    if (on) mask |= 1 << k;
  }
  return mask;
}

function buildTable(mask: number): FoldTable {
  const on = (key: (typeof OPTION_KEYS)[number]): boolean => (mask & (1 << OPTION_KEYS.indexOf(key))) !== 0;
  const map = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) map[c] = c;
  if (on('alef')) for (const c of ALEF_VARIANTS) map[c] = ALEF;
  if (on('alefMaqsura')) map[ALEF_MAKSURA] = YA;
  if (on('hamzaSeats')) {
    map[WAW_HAMZA] = WAW;
    map[YA_HAMZA] = YA;
  }
  if (on('taMarbuta')) map[TA_MARBUTA] = HA;
  if (on('persianLetters')) {
    map[FARSI_YEH] = YA;
    map[KEHEH] = KAF;
    map[HEH_DOACHASHMEE] = HA;
  }
  if (on('harakat')) {
    for (let c = 0x064b; c <= 0x065f; c++) map[c] = DELETE;
    map[SUPERSCRIPT_ALEF] = DELETE;
    for (let c = 0x0610; c <= 0x06ed; c++) if (isQuranicMark(c)) map[c] = DELETE;
  }
  if (on('tatweel')) map[TATWEEL] = DELETE;
  if (on('digits')) {
    for (let d = 0; d < 10; d++) {
      map[ARABIC_INDIC_ZERO + d] = 0x30 + d;
      map[PERSIAN_ZERO + d] = 0x30 + d;
    }
    map[ARABIC_DECIMAL_SEPARATOR] = 0x2e; // .
    map[ARABIC_THOUSANDS_SEPARATOR] = 0x2c; // ,
  }
  if (on('punctuation')) {
    map[ARABIC_COMMA] = 0x2c; // ,
    map[ARABIC_SEMICOLON] = 0x3b; // ;
    map[ARABIC_QUESTION_MARK] = 0x3f; // ?
    map[ARABIC_FULL_STOP] = 0x2e; // .
    map[ARABIC_PERCENT] = 0x25; // %
    for (const q of [LEFT_GUILLEMET, RIGHT_GUILLEMET, 0x201c, 0x201d, 0x201e, 0x201f]) map[q] = 0x22; // "
    for (const q of [0x2018, 0x2019, 0x201a, 0x201b]) map[q] = 0x27; // '
  }
  if (on('invisibles')) for (const c of INVISIBLES) map[c] = DELETE;
  if (on('presentationForms')) {
    for (let c = 0xfb50; c <= 0xfefe; c++) {
      if (isPresentationForm(c) && presentationExpansion(c) !== undefined) map[c] = EXPAND;
    }
  }
  const whitespace = on('whitespace');
  if (whitespace) {
    for (let c = 0; c < 0x3001; c++) {
      if (c === 0x20) continue; // handled in the unchanged run, see run()
      if (isHorizontalSpace(c)) map[c] = SPACE;
      else if (isLineBreak(c)) map[c] = NEWLINE;
    }
  }
  return { map, whitespace };
}

function tableFor(options: NormalizeOptions | undefined): FoldTable {
  const mask = optionMask(options);
  let table = tables.get(mask);
  if (table === undefined) {
    table = buildTable(mask);
    tables.set(mask, table);
  }
  return table;
}

let expansions: Map<number, string> | undefined;

/** The NFKC expansion of a presentation form, or undefined when NFKC leaves it unchanged (unassigned codes). */
function presentationExpansion(code: number): string | undefined {
  if (expansions === undefined) {
    expansions = new Map();
    for (let c = 0xfb50; c <= 0xfefe; c++) {
      if (!isPresentationForm(c)) continue;
      const ch = String.fromCharCode(c);
      const nfkc = ch.normalize('NFKC');
      if (nfkc !== ch) expansions.set(c, nfkc);
    }
  }
  return expansions.get(code);
}

// One-unit strings for the codes folding produces (all below U+0700), so emitting one does not allocate.
const SMALL_CHARS: readonly string[] = Array.from({ length: 0x700 }, (_, c) => String.fromCharCode(c));

/** Growable output: code units, and per output unit the input span that produced it. */
class Sink {
  parts: string[] = [];
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(
    private readonly withMap: boolean,
    capacity: number,
  ) {
    this.starts = new Int32Array(withMap ? capacity : 0);
    this.ends = new Int32Array(withMap ? capacity : 0);
  }
  private grow(need: number): void {
    let cap = this.starts.length * 2 + 16;
    while (cap < need) cap *= 2;
    const s = new Int32Array(cap);
    s.set(this.starts);
    const e = new Int32Array(cap);
    e.set(this.ends);
    this.starts = s;
    this.ends = e;
  }
  /** Input [from, to) copied unchanged. */
  copy(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(from === 0 && to === text.length ? text : text.slice(from, to));
    if (this.withMap) {
      if (this.length + (to - from) > this.starts.length) this.grow(this.length + (to - from));
      const starts = this.starts;
      const ends = this.ends;
      let j = this.length;
      for (let i = from; i < to; i++, j++) {
        starts[j] = i;
        ends[j] = i + 1;
      }
    }
    this.length += to - from;
  }
  /** One output unit produced by input [from, to). */
  emit(code: number, from: number, to: number): void {
    this.parts.push(code < 0x700 ? (SMALL_CHARS[code] as string) : String.fromCharCode(code));
    if (this.withMap) {
      if (this.length + 1 > this.starts.length) this.grow(this.length + 1);
      this.starts[this.length] = from;
      this.ends[this.length] = to;
    }
    this.length++;
  }
  /** A deleted input unit ending at `to` joins the previous output unit, so a word's span covers its trailing marks. */
  extend(to: number): void {
    if (this.withMap && this.length > 0) this.ends[this.length - 1] = to;
  }
}

/** The one normalising pass shared by `normalize` and `foldWord`. */
function run(text: string, table: FoldTable, sink: Sink): void {
  const map = table.map;
  const n = text.length;
  let runStart = 0; // start of the pending unchanged run
  let prevSpace = false; // last emitted unit was a collapsed space: swallow further spaces
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = map[c] as number;
    if (m === c) {
      if (c !== 0x20) prevSpace = false;
      else if (table.whitespace) {
        // A plain space stays in the unchanged run unless it follows another space.
        if (!prevSpace) prevSpace = true;
        else {
          sink.copy(text, runStart, i);
          runStart = i + 1;
          sink.extend(i + 1);
        }
      }
      continue;
    }
    sink.copy(text, runStart, i);
    runStart = i + 1;
    if (m >= 0) {
      sink.emit(m, i, i + 1);
      prevSpace = false;
    } else if (m === DELETE) {
      sink.extend(i + 1);
    } else if (m === SPACE) {
      if (prevSpace) sink.extend(i + 1);
      else {
        sink.emit(0x20, i, i + 1);
        prevSpace = true;
      }
    } else if (m === NEWLINE) {
      // "\r\n" is one line break: both input units produce the one '\n'.
      const to = c === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      sink.emit(0x0a, i, to);
      if (to === i + 2) i++;
      runStart = i + 1;
      prevSpace = false;
    } else {
      // EXPAND: the ligature ﻻ becomes «لا», both letters mapped to the one input unit.
      const expansion = presentationExpansion(c) as string;
      for (let k = 0; k < expansion.length; k++) {
        const e = expansion.charCodeAt(k);
        const me = map[e] as number;
        if (me === SPACE || (e === 0x20 && table.whitespace)) {
          if (!prevSpace) sink.emit(0x20, i, i + 1);
          else sink.extend(i + 1);
          prevSpace = true;
        } else if (me === e) {
          sink.emit(e, i, i + 1);
          prevSpace = false;
        } else if (me >= 0) {
          sink.emit(me, i, i + 1);
          prevSpace = false;
        } else if (me === DELETE) {
          sink.extend(i + 1);
        } else {
          sink.emit(e, i, i + 1);
          prevSpace = false;
        }
      }
    }
  }
  sink.copy(text, runStart, n);
}

/**
 * Normalises Arabic text and returns it with a map back to the input's offsets.
 * Deleted units (harakat, tatweel, invisibles) join the span of the unit before them.
 */
export function normalize(text: string, options?: NormalizeOptions): Transformed {
  const table = tableFor(options);
  const sink = new Sink(true, text.length + 16);
  run(text, table, sink);
  const out = sink.parts.length === 1 ? (sink.parts[0] as string) : sink.parts.join('');
  return createTransformed(out, sink.starts.subarray(0, sink.length), sink.ends.subarray(0, sink.length), text.length);
}

/** Normalises with every rule on (`MATCH_OPTIONS`): for comparing and looking up, not for display. */
export function normalizeForMatch(text: string): Transformed {
  return normalize(text, MATCH_OPTIONS);
}

let matchTable: FoldTable | undefined;

/**
 * The match-normalised form of a word, as a string only: equal to `normalizeForMatch(word).text`,
 * but without an offset map and without allocating when the word is already folded.
 */
export function foldWord(word: string): string {
  const table = matchTable ?? (matchTable = tableFor(MATCH_OPTIONS));
  const map = table.map;
  const n = word.length;
  let i = 0;
  while (i < n) {
    const c = word.charCodeAt(i);
    if (map[c] !== c || c === 0x20) break; // a space may need collapsing: take the full path
    i++;
  }
  if (i === n) return word;
  const sink = new Sink(false, 0);
  run(word, table, sink);
  return sink.parts.join('');
}

// The gazetteer scan: every knowledge-base name in a text, longest first, with proclitics stripped and
// transliteration-aware fuzzy matches, as token spans with scored candidate entries.
import { foldWord } from '../../../arabic/normalize.js';
import { MEMO_LIMIT, type KbEntry, type KnowledgeBase, type WordInfo } from './kb.js';
import { procliticReadings, similarity, skeletonOf } from './keys.js';

/** A word of the text with its folded form; `joined` is true when only spaces, a hyphen or (inside an
 * abbreviation such as «أ.ف.ب») a dot separate it from the previous word, so a name may run across. */
export interface LinkToken {
  start: number;
  end: number;
  key: string;
  joined: boolean;
  /** `key` and its proclitic readings («وبالعاصمة» → itself, «العاصمه»…), computed once for every pass. */
  readings: readonly string[];
  /** The memoised facts about this word (shared by every occurrence of it). */
  word: WordInfo;
}

export interface NameHit {
  entry: KbEntry;
  /** How well the text matches this entry's name: 1 exact, 0.97 after stripping a proclitic, lower when fuzzy. */
  score: number;
  nerOnly: boolean;
}

export interface NameMatch {
  start: number;
  end: number;
  /** Token range [first, last + 1). */
  tokenStart: number;
  tokenEnd: number;
  key: string;
  fuzzy: boolean;
  hits: NameHit[];
}

/**
 * True for a character of a word: Arabic letters and marks (ء–ٟ, superscript alef, extended Arabic letters,
 * presentation forms) and Latin letters. Arabic punctuation and digits (، ؛ ؟ ٠–٩ ٪) are not.
 * A hand-written test: the tokenizer runs over every word of every article, and a Unicode-property regex was
 * a third of the linking time.
 */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x065f) || // ء … ٟ: letters, tatweel, harakat
    (c >= 0x0670 && c <= 0x06d3) || // ٰ … ۓ: superscript alef, Persian/Urdu letters
    (c >= 0x0750 && c <= 0x077f) || // Arabic Supplement letters
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || // Latin-1 and Latin Extended letters
    (c >= 0xfb50 && c <= 0xfdff) || // Arabic presentation forms A
    (c >= 0xfe70 && c <= 0xfefc) // Arabic presentation forms B
  );
}

/** Spaces that keep two words in one name: space, no-break space, tab, ZWNJ and the direction marks. */
function isJoiningSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x200c || c === 0x200e || c === 0x200f;
}

/** Whether the gap text[from, to) joins two words: spaces with at most one hyphen («إنترفاكس-كازاخستان»). */
function joiningGap(text: string, from: number, to: number): boolean {
  let hyphens = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2d) {
      if (++hyphens > 1) return false;
    } else if (!isJoiningSpace(c)) return false;
  }
  return true;
}

export function linkTokens(text: string, kb?: KnowledgeBase): LinkToken[] {
  const tokens: LinkToken[] = [];
  let prevEnd = -1;
  let prevLen = 0;
  const memo = kb?.memo.words;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const end = i;
    const surface = text.slice(start, end);
    let word = memo?.get(surface);
    if (!word) {
      const key = foldWord(surface);
      const stripped = kb?.noStrip.has(key) ? [] : procliticReadings(key);
      const readings = stripped.length === 0 ? [key] : [key, ...stripped];
      word = { key, readings, mayStart: kb ? readings.some((r) => kb.firstTokens.has(r)) : true };
      if (memo) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(surface, word);
      }
    }
    const key = word.key;
    // «أ.ف.ب»: single letters joined by dots are one abbreviation.
    const joined = prevEnd >= 0 && (joiningGap(text, prevEnd, start) || (start - prevEnd === 1 && text.charCodeAt(prevEnd) === 0x2e && prevLen === 1 && key.length === 1));
    tokens.push({ start, end, key, joined, readings: word.readings, word });
    prevEnd = end;
    prevLen = key.length;
  }
  return tokens;
}

/** The proclitic reading score: a name found after stripping و/ف/ب/ل/ك is slightly less sure. */
const STRIPPED_SCORE = 0.97;
/** Fuzzy matches are scored similarity × this, so an exact match always wins. */
const FUZZY_FACTOR = 0.95;
/** Below this similarity a skeleton collision is not a candidate («روسيا» vs «رسي»). */
const MIN_FUZZY_SIMILARITY = 0.78;
/** Fuzzy matching looks at one-word names («كازخستان»): multi-word spellings («ألما آتا») are curated, and
 * trying every two-word window cost a third of the linking time on the news corpus. */
const MAX_FUZZY_TOKENS = 1;

export interface FindNamesOptions {
  fuzzy?: boolean;
}

/** Non-overlapping KB names in `tokens`, left to right, longest first at each position. */
export function findNames(kb: KnowledgeBase, text: string, tokens: readonly LinkToken[], options: FindNamesOptions = {}): NameMatch[] {
  const matches: NameMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let match = matchAt(kb, text, tokens, i, options.fuzzy ?? true);
    if (match) match = extendSameEntity(kb, text, tokens, match);
    if (match) {
      matches.push(match);
      i = match.tokenEnd;
    } else {
      i++;
    }
  }
  return matches;
}

/** The best match starting at token `i`, or null. */
export function matchAt(kb: KnowledgeBase, text: string, tokens: readonly LinkToken[], i: number, fuzzy: boolean): NameMatch | null {
  const first = tokens[i]!;
  const canFuzzy = fuzzy && first.key.length >= 5 && first.word.fuzzy !== null;
  const anyFirst = first.word.mayStart;
  // Most words start no name and have no fuzzy reading: answered from the word memo at once.
  if (!canFuzzy && !anyFirst) return null;
  let run = 1;
  while (run < kb.maxTokens && i + run < tokens.length && tokens[i + run]!.joined) run++;
  // Grow each reading word by word while some name still starts this way; keep the longest full name.
  let best: { reading: number; len: number; key: string } | null = null;
  for (let r = 0; anyFirst && r < first.readings.length; r++) {
    let key = first.readings[r]!;
    for (let len = 1; len <= run; len++) {
      if (len > 1) key += ' ' + tokens[i + len - 1]!.key;
      if (!kb.prefixes.has(key)) break;
      // The plain token wins ties: «بايكونور» is never ب + «ايكونور».
      if (kb.byKey.has(key) && (!best || len > best.len)) best = { reading: r, len, key };
    }
  }
  if (best) {
    const reading = first.readings[best.reading]!;
    const score = best.reading === 0 ? 1 : STRIPPED_SCORE;
    return {
      start: first.start + surfacePrefix(text, first, reading),
      end: tokens[i + best.len - 1]!.end,
      tokenStart: i,
      tokenEnd: i + best.len,
      key: best.key,
      fuzzy: false,
      hits: kb.byKey.get(best.key)!.map((h) => ({ entry: h.entry, score, nerOnly: h.nerOnly })),
    };
  }
  // Fuzzy readings start at a word of 5+ letters: short words are function words, and their skeletons
  // collide with everything. One-word readings only (MAX_FUZZY_TOKENS), so the answer is the word's own.
  if (!canFuzzy || MAX_FUZZY_TOKENS < 1) return null;
  if (first.word.fuzzy === undefined) first.word.fuzzy = wordFuzzy(kb, first.readings);
  const found = first.word.fuzzy;
  if (!found) return null;
  const key = first.readings[found.reading]!;
  const factor = FUZZY_FACTOR * (found.reading === 0 ? 1 : STRIPPED_SCORE);
  const hits: NameHit[] = [];
  for (const c of found.similar) hits.push({ entry: c.entry, score: c.similarity * factor, nerOnly: c.nerOnly });
  return {
    start: first.start + surfacePrefix(text, first, key),
    end: first.end,
    tokenStart: i,
    tokenEnd: i + 1,
    key,
    fuzzy: true,
    hits: dedupe(hits),
  };
}

/** The first reading of a word (itself, then stripped) with fuzzy KB candidates, or null. */
function wordFuzzy(kb: KnowledgeBase, readings: readonly string[]): WordInfo['fuzzy'] {
  for (let r = 0; r < readings.length; r++) {
    const key = readings[r]!;
    if (key.length < 5) continue;
    const similar = fuzzyCandidates(kb, key);
    if (similar.length > 0) return { reading: r, similar };
  }
  return null;
}

/**
 * KB entries for a whole multi-word name spelled apart from the KB's («قاسم جومرت توكايف»), scored like a
 * fuzzy word. Only for spans NER marked: the scan never tries multi-word names fuzzily.
 */
export function fuzzyName(kb: KnowledgeBase, key: string): NameHit[] {
  if (key.length < MIN_FUZZY_NAME) return [];
  return dedupe(fuzzyCandidates(kb, key).map((c) => ({ entry: c.entry, score: c.similarity * FUZZY_FACTOR, nerOnly: c.nerOnly })));
}

/** Letters (with spaces) a multi-word name needs before it is matched fuzzily as a whole. */
const MIN_FUZZY_NAME = 8;

const NO_CANDIDATES: ReadonlyArray<{ entry: KbEntry; similarity: number; nerOnly: boolean }> = [];

/** KB names whose skeleton equals the key's and whose spelling is close enough, memoised per key. */
function fuzzyCandidates(kb: KnowledgeBase, key: string): ReadonlyArray<{ entry: KbEntry; similarity: number; nerOnly: boolean }> {
  const memo = kb.memo.fuzzy;
  const known = memo.get(key);
  if (known) return known;
  let out = NO_CANDIDATES;
  const candidates = kb.bySkeleton.get(skeletonOf(key));
  if (candidates) {
    const found: Array<{ entry: KbEntry; similarity: number; nerOnly: boolean }> = [];
    for (const c of candidates) {
      // Lengths far apart cannot reach the similarity floor: skip the edit distance.
      if (Math.abs(c.key.length - key.length) > key.length * (1 - MIN_FUZZY_SIMILARITY) + 1) continue;
      const sim = similarity(key, c.key);
      if (sim >= MIN_FUZZY_SIMILARITY) found.push({ entry: c.entry, similarity: sim, nerOnly: c.nerOnly });
    }
    if (found.length > 0) out = found;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, out);
  return out;
}

/**
 * Two overlapping names of one entity make one mention: «الملك سلمان» + «سلمان بن عبد العزيز» →
 * «الملك سلمان بن عبد العزيز». A longer name of another entity starting inside is left for later.
 */
function extendSameEntity(kb: KnowledgeBase, text: string, tokens: readonly LinkToken[], match: NameMatch): NameMatch {
  let current = match;
  for (let j = current.tokenStart + 1; j < current.tokenEnd; j++) {
    const next = matchAt(kb, text, tokens, j, false);
    if (!next || next.tokenEnd <= current.tokenEnd) continue;
    const shared = current.hits.filter((h) => next.hits.some((n) => n.entry === h.entry));
    if (shared.length === 0) continue;
    current = { ...current, end: next.end, tokenEnd: next.tokenEnd, key: `${current.key}…${next.key}`, hits: shared };
  }
  return current;
}

function dedupe(hits: NameHit[]): NameHit[] {
  const best = new Map<string, NameHit>();
  for (const h of hits) {
    const prev = best.get(h.entry.id);
    if (!prev || prev.score < h.score) best.set(h.entry.id, h);
  }
  return [...best.values()];
}

/**
 * How many characters of the surface token the stripped proclitics take: the folded token minus the
 * reading, counted in letters (harakat skipped). «للأمم» read as «الامم» strips one letter: the second
 * ل is the article's, so the mention starts at it.
 */
function surfacePrefix(text: string, token: LinkToken, reading: string): number {
  const foldedLen = token.key.length;
  let strip = foldedLen - reading.length;
  if (reading.startsWith('ال') && !token.key.slice(strip).startsWith('ال')) strip = Math.max(0, strip + 1);
  if (strip <= 0) return 0;
  let letters = 0;
  let offset = 0;
  const surface = text.slice(token.start, token.end);
  while (offset < surface.length && letters < strip) {
    const code = surface.charCodeAt(offset);
    const isMark = (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640;
    if (!isMark) letters++;
    offset++;
  }
  return offset;
}

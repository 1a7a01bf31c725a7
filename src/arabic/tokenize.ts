// The tokeniser: one char-code pass over the original text into typed tokens with offsets into it.
import {
  ARABIC_COMMA,
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_PERCENT,
  ARABIC_SEMICOLON,
  ARABIC_THOUSANDS_SEPARATOR,
  LEFT_GUILLEMET,
  RIGHT_GUILLEMET,
  TATWEEL,
  ZWJ,
  ZWNJ,
  isArabicDigit,
  isArabicLetter,
  isArabicMark,
  isInvisible,
  isWhitespace,
} from './chars.js';

// Local copies of the code points used in the hot loop: an imported binding may be a getter once transpiled.
const ARABIC_COMMA_CODE = ARABIC_COMMA;
const ARABIC_DECIMAL_SEPARATOR_CODE = ARABIC_DECIMAL_SEPARATOR;
const ARABIC_PERCENT_CODE = ARABIC_PERCENT;
const ARABIC_SEMICOLON_CODE = ARABIC_SEMICOLON;
const ARABIC_THOUSANDS_SEPARATOR_CODE = ARABIC_THOUSANDS_SEPARATOR;
const LEFT_GUILLEMET_CODE = LEFT_GUILLEMET;
const RIGHT_GUILLEMET_CODE = RIGHT_GUILLEMET;
const TATWEEL_CODE = TATWEEL;

export type TokenKind =
  | 'word'
  | 'latin'
  | 'number'
  | 'percent'
  | 'date'
  | 'time'
  | 'url'
  | 'email'
  | 'hashtag'
  | 'handle'
  | 'punct'
  | 'symbol';

/** A surface token: `text === source.slice(start, end)`. */
export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
}

/** True for a token that is a word of running text: Arabic (`word`) or another script (`latin`). */
export function isWordToken(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'latin';
}

// Character classes of the tokeniser, one byte per UTF-16 code unit.
const OTHER = 0; // symbols: currency, emoji halves handled apart, dingbats
const SPACE = 1; // whitespace and invisible format characters between tokens
const AR_LETTER = 2; // Arabic letters, including presentation forms
const AR_MARK = 3; // harakat, Quranic marks, tatweel: inside an Arabic word
const JOINER = 4; // ZWNJ, ZWJ: inside a word when a letter follows («می‌خواهم»)
const LETTER = 5; // a letter of any other script: Latin, Greek, Cyrillic, Hebrew, CJK...
const DIGIT = 6; // 0-9, ٠-٩, ۰-۹
const PUNCT = 7; // punctuation of any script, one token each
const MARK = 8; // a combining mark of another script: inside a Latin word («café» decomposed)
const HIGH_SURROGATE = 9;

let classes: Uint8Array | undefined;

/** Builds the class table on first use (pure computation, no I/O). */
function classTable(): Uint8Array {
  if (classes !== undefined) return classes;
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const punct = /\p{P}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c <= 0xdbff ? HIGH_SURROGATE : OTHER;
      continue;
    }
    // Large blocks that are all letters (CJK, Hangul) or all private use skip the regex tests: a faster start.
    if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      table[c] = LETTER;
      continue;
    }
    if (c >= 0xe000 && c <= 0xf8ff) {
      table[c] = OTHER;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (isWhitespace(c) || (isInvisible(c) && c !== ZWNJ && c !== ZWJ)) table[c] = SPACE;
    else if (c === ZWNJ || c === ZWJ) table[c] = JOINER;
    else if (c === TATWEEL_CODE || isArabicMark(c)) table[c] = AR_MARK;
    else if (isArabicLetter(c)) table[c] = AR_LETTER;
    else if ((c >= 0x30 && c <= 0x39) || isArabicDigit(c)) table[c] = DIGIT;
    else if (((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe)) && (letter.test(ch) || mark.test(ch)))
      table[c] = AR_LETTER;
    else if (letter.test(ch)) table[c] = LETTER;
    else if (mark.test(ch)) table[c] = MARK;
    else if (punct.test(ch)) table[c] = PUNCT;
    else table[c] = OTHER;
  }
  classes = table;
  return table;
}

const HASH = 0x23; // #
const AT = 0x40; // @
const PERCENT = 0x25; // %
const PLUS = 0x2b;
const MINUS = 0x2d; // also the date separator in «2022-01-06»
const MINUS_SIGN = 0x2212; // −
const DOT = 0x2e;
const COMMA = 0x2c;
const SLASH = 0x2f;
const COLON = 0x3a;
const UNDERSCORE = 0x5f;
const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019; // ’ in «Qur’an»

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isLowerAscii(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Length of a case-insensitive ASCII prefix match of `lower` at `i`, or 0. */
function matchesAt(text: string, i: number, lower: string): boolean {
  if (i + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
}

// Characters that end a URL even without a space: quotes, guillemets, Arabic comma and semicolon.
function endsUrl(c: number, cls: Uint8Array): boolean {
  return (
    cls[c] === SPACE ||
    c === 0x22 ||
    c === 0x3c ||
    c === 0x3e ||
    c === LEFT_GUILLEMET_CODE ||
    c === RIGHT_GUILLEMET_CODE ||
    c === ARABIC_COMMA_CODE ||
    c === ARABIC_SEMICOLON_CODE ||
    c === 0x201c ||
    c === 0x201d
  );
}

// Trailing characters left out of a URL: «see http://a.com/x.» ends the sentence, not the path.
function isUrlTrailer(c: number): boolean {
  return (
    c === DOT ||
    c === COMMA ||
    c === 0x3b ||
    c === COLON ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x61f ||
    c === APOSTROPHE ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x7d ||
    c === RIGHT_SINGLE_QUOTE
  );
}

/** End of a URL starting at `i` (after a scheme or «www.»). */
function scanUrl(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  let j = i;
  let parens = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (endsUrl(c, cls)) break;
    if (c === 0x28) parens++;
    else if (c === 0x29) parens--;
    j++;
  }
  while (j > i) {
    const c = text.charCodeAt(j - 1);
    if (c === 0x29 && parens <= 0) {
      // keep a ')' closing a '(' of the URL itself: «https://en.wikipedia.org/wiki/X_(band)»
      if (parens < 0) {
        parens++;
        j--;
        continue;
      }
      break;
    }
    if (!isUrlTrailer(c) || c === 0x29) break;
    j--;
  }
  return j;
}

/**
 * Generic top-level domains a bare domain may end with; any two-letter code is a country domain.
 * Kept short on purpose: «h3.png» and «jQuery.post» in scraped text are not addresses.
 */
export const GENERIC_TLDS: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'name',
  'mobi',
  'asia',
  'app',
  'dev',
  'news',
  'online',
  'site',
  'tech',
  'store',
  'blog',
  'media',
  'travel',
  'museum',
  'jobs',
  'xyz',
  'top',
  'live',
]);

/** Scans dot-separated ASCII labels «label(.label)*» from `i`: their end, count and the last label's start. */
function scanLabels(text: string, i: number): { end: number; labels: number; lastLabelStart: number } | null {
  const n = text.length;
  let j = i;
  let labels = 0;
  let lastLabelStart = i;
  for (;;) {
    const labelStart = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isAsciiAlnum(c) || (c === MINUS && j > labelStart)) j++;
      else break;
    }
    if (j === labelStart) return null;
    labels++;
    lastLabelStart = labelStart;
    if (j + 1 < n && text.charCodeAt(j) === DOT && isAsciiAlnum(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    return { end: j, labels, lastLabelStart };
  }
}

/** End of a domain «label(.label)+» ending in a lowercase country code or generic TLD, or -1. */
function scanDomain(text: string, i: number): number {
  const scanned = scanLabels(text, i);
  if (scanned === null || scanned.labels < 2) return -1;
  const { end: j, lastLabelStart } = scanned;
  const tldLength = j - lastLabelStart;
  if (tldLength < 2 || tldLength > 24) return -1;
  for (let k = lastLabelStart; k < j; k++) if (!isLowerAscii(text.charCodeAt(k))) return -1;
  if (tldLength > 2 && !GENERIC_TLDS.has(text.slice(lastLabelStart, j))) return -1;
  return j;
}

function isEmailLocal(c: number): boolean {
  return isAsciiAlnum(c) || c === DOT || c === UNDERSCORE || c === PERCENT || c === PLUS || c === MINUS;
}

/** End of an e-mail address starting at `i`, or -1. */
function scanEmail(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && isEmailLocal(text.charCodeAt(j))) j++;
  if (j === i || j >= n || text.charCodeAt(j) !== AT) return -1;
  const end = scanDomainLoose(text, j + 1);
  return end;
}

/** Like scanDomain but any-case TLD (e-mail domains are often written in capitals). */
function scanDomainLoose(text: string, i: number): number {
  const scanned = scanLabels(text, i);
  if (scanned === null) return -1;
  const { end: j, labels, lastLabelStart } = scanned;
  if (labels < 2 || j - lastLabelStart < 2) return -1;
  for (let k = lastLabelStart; k < j; k++) if (!isAsciiLetterCode(text.charCodeAt(k))) return -1;
  return j;
}

function scanDigits(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  while (i < n && cls[text.charCodeAt(i)] === DIGIT) i++;
  return i;
}

/** End of a date at `i` («2022-01-06», «06/01/2022», «06-يناير-2022»), or -1. */
function scanDate(text: string, i: number, aEnd: number, cls: Uint8Array): number {
  const n = text.length;
  const aLen = aEnd - i;
  if (aEnd >= n || aLen > 4) return -1;
  const sep = text.charCodeAt(aEnd);
  if (sep !== MINUS && sep !== SLASH && sep !== DOT) return -1;
  const bStart = aEnd + 1;
  if (bStart >= n) return -1;
  const bc = cls[text.charCodeAt(bStart)];
  let bEnd: number;
  if (bc === DIGIT) {
    bEnd = scanDigits(text, bStart, cls);
    if (bEnd - bStart > 2) return -1;
  } else if ((bc === AR_LETTER || bc === LETTER) && sep !== DOT && aLen <= 2) {
    // a month name between the separators: «06-يناير-2022», «6-Jan-2022»
    bEnd = bStart;
    while (bEnd < n) {
      const c = cls[text.charCodeAt(bEnd)];
      if (c === AR_LETTER || c === AR_MARK || c === LETTER) bEnd++;
      else break;
    }
    if (bEnd - bStart < 3) return -1;
  } else return -1;
  if (bEnd >= n || text.charCodeAt(bEnd) !== sep) return -1;
  const cStart = bEnd + 1;
  const cEnd = scanDigits(text, cStart, cls);
  const cLen = cEnd - cStart;
  if (cLen === 0) return -1;
  if (aLen === 4) {
    if (bc !== DIGIT || cLen > 2) return -1;
  } else if (aLen <= 2) {
    if (cLen !== 2 && cLen !== 4) return -1;
  } else return -1;
  // «10.20.30.40» is not a date: no further separator-and-digit may follow.
  if (cEnd + 1 < n && text.charCodeAt(cEnd) === sep && cls[text.charCodeAt(cEnd + 1)] === DIGIT) return -1;
  if (cEnd < n && (cls[text.charCodeAt(cEnd)] === LETTER || cls[text.charCodeAt(cEnd)] === AR_LETTER) && sep === DOT)
    return -1;
  return cEnd;
}

/** End of a time «10:30» or «10:30:15» at `i`, or -1. */
function scanTime(text: string, i: number, aEnd: number, cls: Uint8Array): number {
  const n = text.length;
  if (aEnd - i > 2 || aEnd >= n || text.charCodeAt(aEnd) !== COLON) return -1;
  const mEnd = scanDigits(text, aEnd + 1, cls);
  if (mEnd - aEnd - 1 !== 2) return -1;
  if (mEnd < n && text.charCodeAt(mEnd) === COLON) {
    const sEnd = scanDigits(text, mEnd + 1, cls);
    if (sEnd - mEnd - 1 === 2) return sEnd;
  }
  return mEnd;
}

/** End of a number at `i` (digits already start there): thousands groups and decimals in both scripts. */
function scanNumber(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  let j = scanDigits(text, i, cls);
  for (;;) {
    if (j + 1 >= n) break;
    const c = text.charCodeAt(j);
    if (c === COMMA || c === ARABIC_THOUSANDS_SEPARATOR_CODE) {
      // «1,500» and «١٬٥٠٠»: a separator followed by exactly three digits.
      const g = scanDigits(text, j + 1, cls);
      if (g - j - 1 === 3) {
        j = g;
        continue;
      }
      break;
    }
    if (c === DOT || c === ARABIC_DECIMAL_SEPARATOR_CODE) {
      if (cls[text.charCodeAt(j + 1)] !== DIGIT) break;
      j = scanDigits(text, j + 1, cls);
      continue;
    }
    break;
  }
  return j;
}

/**
 * Where earlier look-aheads failed: an e-mail or domain scan that fails from one start fails from every later
 * start it passed over («a.a.a.a…» would otherwise be rescanned from each letter, quadratic on long lines).
 */
interface Memo {
  noEmailBefore: number;
  noDomainBefore: number;
}

function emailAt(text: string, i: number, memo: Memo): number {
  if (i < memo.noEmailBefore) return -1;
  const n = text.length;
  let j = i;
  while (j < n && isEmailLocal(text.charCodeAt(j))) j++;
  const end = scanEmail(text, i);
  if (end < 0) memo.noEmailBefore = j;
  return end;
}

function domainAt(text: string, i: number, memo: Memo): number {
  if (i < memo.noDomainBefore) return -1;
  const end = scanDomain(text, i);
  if (end < 0) {
    let j = i;
    const n = text.length;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isAsciiAlnum(c) || c === MINUS || c === DOT) j++;
      else break;
    }
    memo.noDomainBefore = j;
  }
  return end;
}

/** Splits `text` into tokens; offsets index `text` itself. */
export function tokenize(text: string): Token[] {
  const cls = classTable();
  const memo: Memo = { noEmailBefore: -1, noDomainBefore: -1 };
  const tokens: Token[] = [];
  const n = text.length;
  const push = (start: number, end: number, kind: TokenKind): void => {
    tokens.push({ start, end, text: text.slice(start, end), kind });
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c] as number;
    if (k === SPACE || k === JOINER) {
      // a ZWNJ outside a word («كلمة\u200c كلمة») is as invisible as a space
      i++;
      continue;
    }
    if (k === AR_LETTER || (k === AR_MARK && c !== TATWEEL_CODE) || (c === TATWEEL_CODE && i + 1 < n && cls[text.charCodeAt(i + 1)] === AR_LETTER)) {
      // An Arabic word keeps its harakat, tatweel and ZWNJ: «مُحَمَّد», «محـــمد».
      let j = i + 1;
      let letters = k === AR_LETTER ? 1 : 0;
      while (j < n) {
        const d = cls[text.charCodeAt(j)];
        if (d === AR_LETTER) letters++;
        else if (d === AR_MARK || d === MARK) {
          // marks continue the word
        } else if (d === JOINER && j + 1 < n && cls[text.charCodeAt(j + 1)] === AR_LETTER) {
          // a joiner between two letters stays inside
        } else break;
        j++;
      }
      push(i, j, letters > 0 ? 'word' : 'symbol');
      i = j;
      continue;
    }
    if (k === DIGIT || ((c === PLUS || c === MINUS || c === MINUS_SIGN) && i + 1 < n && cls[text.charCodeAt(i + 1)] === DIGIT && !followsWordChar(text, i, cls))) {
      i = numberToken(text, i, cls, tokens, memo);
      continue;
    }
    if ((c === PERCENT || c === ARABIC_PERCENT_CODE) && i + 1 < n && cls[text.charCodeAt(i + 1)] === DIGIT && !followsWordChar(text, i, cls)) {
      // «٪25»: the sign written before the number
      const end = scanNumber(text, i + 1, cls);
      push(i, end, 'percent');
      i = end;
      continue;
    }
    if (k === LETTER) {
      if ((c === 0x68 || c === 0x48) && (matchesAt(text, i, 'http://') || matchesAt(text, i, 'https://'))) {
        const end = scanUrl(text, i, cls);
        push(i, end, 'url');
        i = end;
        continue;
      }
      if ((c === 0x77 || c === 0x57) && matchesAt(text, i, 'www.')) {
        const end = scanUrl(text, i, cls);
        push(i, end, 'url');
        i = end;
        continue;
      }
      if (isAsciiAlnum(c)) {
        const email = emailAt(text, i, memo);
        if (email > 0) {
          push(i, email, 'email');
          i = email;
          continue;
        }
        const domain = domainAt(text, i, memo);
        if (domain > 0) {
          // a bare domain «alarabiya.net/ar» is a URL
          const end = domain < n && text.charCodeAt(domain) === SLASH ? scanUrl(text, domain, cls) : domain;
          push(i, end, 'url');
          i = end;
          continue;
        }
      }
      const end = scanLatinWord(text, i, cls);
      push(i, end, 'latin');
      i = end;
      continue;
    }
    if (c === HASH && i + 1 < n) {
      const d = cls[text.charCodeAt(i + 1)];
      if (d === AR_LETTER || d === LETTER || d === DIGIT || text.charCodeAt(i + 1) === UNDERSCORE) {
        // «#ليوناردو_دي_كابريو»: underscores join the words of a hashtag
        let j = i + 1;
        while (j < n) {
          const e = text.charCodeAt(j);
          const ec = cls[e];
          if (ec === AR_LETTER || ec === AR_MARK || ec === LETTER || ec === MARK || ec === DIGIT || e === UNDERSCORE) j++;
          else if (ec === JOINER && j + 1 < n && cls[text.charCodeAt(j + 1)] === AR_LETTER) j++;
          else break;
        }
        push(i, j, 'hashtag');
        i = j;
        continue;
      }
    }
    if (c === AT && i + 1 < n && !followsWordChar(text, i, cls)) {
      const d = text.charCodeAt(i + 1);
      if (isAsciiAlnum(d) || d === UNDERSCORE || cls[d] === AR_LETTER) {
        let j = i + 1;
        while (j < n) {
          const e = text.charCodeAt(j);
          if (isAsciiAlnum(e) || e === UNDERSCORE || cls[e] === AR_LETTER) j++;
          else if (e === DOT && j + 1 < n && (isAsciiAlnum(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === UNDERSCORE)) j++;
          else break;
        }
        push(i, j, 'handle');
        i = j;
        continue;
      }
    }
    if (k === HIGH_SURROGATE && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        push(i, i + 2, 'symbol');
        i += 2;
        continue;
      }
    }
    push(i, i + 1, k === PUNCT ? 'punct' : 'symbol');
    i++;
  }
  return tokens;
}

/** True when the unit before `i` is a letter or digit: «C#», «a@b» are not hashtags or handles. */
function followsWordChar(text: string, i: number, cls: Uint8Array): boolean {
  if (i === 0) return false;
  const p = cls[text.charCodeAt(i - 1)];
  return p === AR_LETTER || p === LETTER || p === DIGIT || p === AR_MARK || p === MARK;
}

/** A Latin (or other script) word: letters, digits, marks, and an inner hyphen or apostrophe («al-Qaeda», «COVID-19»). */
function scanLatinWord(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    const d = cls[c];
    if (d === LETTER || d === MARK || (d === DIGIT && c <= 0x39)) j++;
    else if ((c === MINUS || c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && j + 1 < n) {
      const e = text.charCodeAt(j + 1);
      const f = cls[e];
      if (f === LETTER || (f === DIGIT && e <= 0x39)) j += 2;
      else break;
    } else break;
  }
  return j;
}

/** Reads a number, percent, date or time at `i` and pushes it; returns the end. */
function numberToken(text: string, i: number, cls: Uint8Array, tokens: Token[], memo: Memo): number {
  const n = text.length;
  const push = (end: number, kind: TokenKind): number => {
    tokens.push({ start: i, end, text: text.slice(i, end), kind });
    return end;
  };
  const signed = cls[text.charCodeAt(i)] !== DIGIT;
  const digitsStart = signed ? i + 1 : i;
  const aEnd = scanDigits(text, digitsStart, cls);
  if (!signed && aEnd < n) {
    const next = text.charCodeAt(aEnd);
    if (next === COLON) {
      const t = scanTime(text, i, aEnd, cls);
      if (t > 0) return push(t, 'time');
    } else if (next === MINUS || next === SLASH || next === DOT) {
      const d = scanDate(text, i, aEnd, cls);
      if (d > 0) return push(d, 'date');
    } else if (next === AT || (isAsciiLetterCode(next) && text.charCodeAt(i) <= 0x39)) {
      const email = emailAt(text, i, memo);
      if (email > 0) return push(email, 'email');
    }
  }
  let end = scanNumber(text, digitsStart, cls);
  if (end < n) {
    const next = text.charCodeAt(end);
    if (next === PERCENT || next === ARABIC_PERCENT_CODE) return push(end + 1, 'percent');
    // «4G», «5km», «F16»: ASCII letters glued to Latin digits make one Latin token
    if (isAsciiLetterCode(next) && !signed && text.charCodeAt(end - 1) <= 0x39) {
      end = scanLatinWord(text, end, cls);
      return push(end, 'latin');
    }
  }
  return push(end, 'number');
}

// Calendar dates as Arabic outlets print them (three month-name traditions, Hijri, numeric, ISO 8601, RFC 822) and parseArticleDate.

import { GREGORIAN_MONTHS, HIJRI_MONTHS } from './data/months.js';
import { ENGLISH_WEEKDAYS, MERIDIEM_WORDS, WEEKDAYS, ZONE_WORDS, type Meridiem } from './data/time-words.js';
import { hijriToGregorian, type CalendarDate } from './hijri.js';
import {
  ALEF,
  ALEF_MAKSURA,
  ALEF_VARIANTS,
  ARABIC_DECIMAL_SEPARATOR,
  ARABIC_THOUSANDS_SEPARATOR,
  FARSI_YEH,
  HA,
  HEH_DOACHASHMEE,
  KAF,
  KEHEH,
  TATWEEL,
  TA_MARBUTA,
  WAW,
  WAW_HAMZA,
  YA,
  YA_HAMZA,
  digitValue,
  isArabicDigit,
  isArabicMark,
  isInvisible,
} from './chars.js';
import { createTransformed, type Transformed } from './offset-map.js';

/** An article's publication date, parsed. */
export interface ParsedDate {
  /** ISO 8601: 2022-01-06, 2022-01-06T10:30:00+03:00 (no offset when the input gave none and no timezone was set), 2022-01, 2022. */
  value: string;
  granularity: 'day' | 'instant' | 'month' | 'year';
  /** The Hijri date (1443-06-03) when the input carried one. */
  hijri?: string;
  /** Set when the input named a weekday that the date does not fall on (the date wins). */
  weekdayMismatch?: true;
}

export interface ParseArticleDateOptions {
  /** IANA zone (Asia/Riyadh) giving the offset of a clock time printed without one. */
  timezone?: string;
}

/** A clock time attached to a date. `offset` is ±HH:MM, or null; `zone` an IANA name to resolve at the date. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  offset: string | null;
  zone: string | null;
}

/** One explicit calendar date found in text; offsets index the original (unfolded) text. */
export interface DateMention {
  start: number;
  end: number;
  calendar: 'gregorian' | 'hijri';
  /** In the mention's own calendar; year is null for «في 6 يناير», day is null for «يناير 2022». */
  year: number | null;
  month: number;
  day: number | null;
  /** The Gregorian day for a full date (converted for Hijri), else null. */
  gregorian: CalendarDate | null;
  time: ClockTime | null;
  /** The weekday named before the date («الخميس 6 يناير»), 0 = Sunday. */
  weekday: number | null;
}

// ---- Folding for matching -------------------------------------------------------------------

/** Hyphen, en dash, em dash, minus: all read as «-» between date parts («6–1–2022»). */
const DASHES = /[\u2010-\u2015\u2212]/;
const FOLDED_ALEF = String.fromCharCode(ALEF); // ا
const FOLDED_YA = String.fromCharCode(YA); // ي
const FOLDED_HA = String.fromCharCode(HA); // ه
const FOLDED_WAW = String.fromCharCode(WAW); // و
const FOLDED_KAF = String.fromCharCode(KAF); // ك

/** Whether folding drops the char: harakat and Quranic marks («غداً» = «غدا»), tatweel («هـ» = «ه»), bidi and zero-width marks. */
function isDropped(code: number): boolean {
  return code === TATWEEL || isArabicMark(code) || isInvisible(code);
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (isArabicDigit(code)) return String(digitValue(code));
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  // «آذار» = «اذار», «إبريل» = «ابريل»; a standalone ء is a letter and stays.
  if (ALEF_VARIANTS.includes(code)) return FOLDED_ALEF;
  // «جمادى» is also printed «جمادي»; ئ and the Persian ی read as ي too.
  if (code === ALEF_MAKSURA || code === YA_HAMZA || code === FARSI_YEH) return FOLDED_YA;
  // «ليلة» is also printed «ليله».
  if (code === TA_MARBUTA || code === HEH_DOACHASHMEE) return FOLDED_HA;
  if (code === WAW_HAMZA) return FOLDED_WAW;
  if (code === KEHEH) return FOLDED_KAF;
  if (code === ARABIC_DECIMAL_SEPARATOR) return '.';
  if (code === ARABIC_THOUSANDS_SEPARATOR) return ',';
  if (DASHES.test(ch)) return '-';
  return ch;
}

/** Decodes the folded code units to a string; a lone surrogate becomes U+FFFD, one unit for one, so offsets hold. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Marks a char that folding drops in the fold table. */
const DROP = 0xffff;
let foldTableCache: Uint16Array | null = null;

/** The fold as a table over UTF-16 code units (built once, on first use): each unit maps to one unit or DROP. */
function foldTable(): Uint16Array {
  if (foldTableCache) return foldTableCache;
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (isDropped(code)) table[code] = DROP;
    else table[code] = foldChar(String.fromCharCode(code)).charCodeAt(0);
  }
  foldTableCache = table;
  return table;
}

/**
 * Folds text for date and time matching, keeping a map back to the input: hamza/alef, ya, ta marbuta
 * variants folded, harakat, tatweel and bidi marks dropped, Arabic-Indic digits made Latin, ASCII lowercased.
 * Shared with times.ts; not a general normaliser (normalize.ts is).
 */
export function foldDateText(text: string): Transformed {
  const table = foldTable();
  const n = text.length;
  const codes = new Uint16Array(n);
  const starts = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const mapped = table[text.charCodeAt(i)] as number;
    if (mapped === DROP) continue;
    codes[k] = mapped;
    starts[k] = i;
    k++;
  }
  const ends = new Int32Array(k);
  for (let j = 0; j < k; j++) ends[j] = (starts[j] as number) + 1;
  return createTransformed(UTF16.decode(codes.subarray(0, k)), starts.slice(0, k), ends, n);
}

/** Folds a table entry the same way as text, for building patterns and lookups. */
export function foldTerm(term: string): string {
  return foldDateText(term).text;
}

/**
 * Maps a span of folded text back to the input, taking in the marks that trail its last letter
 * (the fatha of «ينايرَ», the tanween of «غداً»), which folding dropped.
 */
export function originalSpan(text: string, fold: Transformed, start: number, end: number): [number, number] {
  const [s, e] = fold.toOriginalSpan(start, end);
  let stop = e;
  while (stop < text.length) {
    const code = text.charCodeAt(stop);
    if (code !== TATWEEL && !isArabicMark(code)) break;
    stop++;
  }
  return [s, stop];
}

// ---- Pattern building -----------------------------------------------------------------------

/** Not preceded / not followed by a letter or digit: word edges that also work for Arabic. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation of folded terms, longest first, with inner spaces matching any whitespace. */
export function alternation(terms: readonly string[]): string {
  const folded = [...new Set(terms.map(foldTerm))].sort((a, b) => b.length - a.length);
  return folded.map((t) => escapeRegex(t).replace(/ +/g, '\\s+')).join('|');
}

/** Collapses whitespace in a matched folded term so it can be looked up. */
export function termKey(matched: string): string {
  return matched.replace(/\s+/g, ' ');
}

export const GREGORIAN_MONTH_ALT = alternation(GREGORIAN_MONTHS.map((m) => m.name));
const HIJRI_MONTH_ALT = alternation(HIJRI_MONTHS.map((m) => m.name));
export const WEEKDAY_ALT = alternation(WEEKDAYS.map((w) => w.name));
const ANY_WEEKDAY_ALT = alternation([...WEEKDAYS, ...ENGLISH_WEEKDAYS].map((w) => w.name));
export const MERIDIEM_ALT = alternation(MERIDIEM_WORDS.map((m) => m.name));
export const ZONE_ALT = alternation(ZONE_WORDS.map((z) => z.name));

const GREGORIAN_MONTH_OF = new Map(GREGORIAN_MONTHS.map((m) => [foldTerm(m.name), m.month]));
const AMBIGUOUS_MONTHS = new Set(GREGORIAN_MONTHS.filter((m) => m.ambiguous).map((m) => foldTerm(m.name)));
const HIJRI_MONTH_OF = new Map(HIJRI_MONTHS.map((m) => [foldTerm(m.name), m.month]));
const WEEKDAY_OF = new Map([...WEEKDAYS, ...ENGLISH_WEEKDAYS].map((w) => [foldTerm(w.name), w.weekday]));
const MERIDIEM_OF = new Map(MERIDIEM_WORDS.map((m) => [foldTerm(m.name), m.meridiem]));
const ZONE_OF = new Map(ZONE_WORDS.map((z) => [foldTerm(z.name), z.zone]));

/** Month number of a matched (folded) Gregorian month name. */
export function gregorianMonthOf(folded: string): number | null {
  return GREGORIAN_MONTH_OF.get(termKey(folded)) ?? null;
}

/** Whether a (folded) month name is also a common word («آب», «ماي»). */
export function isAmbiguousMonth(folded: string): boolean {
  return AMBIGUOUS_MONTHS.has(termKey(folded));
}

/** Weekday (0 = Sunday) of a matched (folded) weekday name. */
export function weekdayOf(folded: string): number | null {
  return WEEKDAY_OF.get(termKey(folded)) ?? null;
}

export function meridiemOf(folded: string | undefined): Meridiem | null {
  return folded === undefined ? null : (MERIDIEM_OF.get(termKey(folded)) ?? null);
}

/** Offset (+03:00) or IANA zone of a matched zone expression: a name, «+0300», «gmt+3». */
export function zoneOf(folded: string | undefined): string | null {
  if (folded === undefined) return null;
  const key = termKey(folded.trim());
  const named = ZONE_OF.get(key);
  if (named) return named;
  const m = /^(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(key);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${pad2(hours)}:${pad2(minutes)}`;
}

/** 24-hour clock from a printed hour and the word after it («الثانية ظهرًا» = 14, «الحادية عشرة ليلًا» = 23). */
export function applyMeridiem(hour: number, meridiem: Meridiem | null): number | null {
  if (!Number.isInteger(hour) || hour < 0 || hour > 24) return null;
  if (hour === 24) return meridiem === null ? 0 : null;
  if (meridiem === null || hour > 12) return hour;
  switch (meridiem) {
    case 'am':
    case 'dawn':
      return hour === 12 ? 0 : hour;
    case 'pm':
    case 'afternoon':
    case 'evening':
      return hour === 12 ? 12 : hour + 12;
    case 'noon':
      // «الواحدة ظهرًا» is 13:00, «الحادية عشرة ظهرًا» late morning.
      return hour <= 5 ? hour + 12 : hour;
    case 'night':
      // «العاشرة ليلًا» is 22:00, «الثانية ليلًا» 02:00, «الثانية عشرة ليلًا» midnight.
      if (hour === 12) return 0;
      return hour >= 6 ? hour + 12 : hour;
  }
}

/** Matches a zone expression after a time: «+03:00», «+0300», «gmt», «(gmt+3)», «بتوقيت مكة المكرمة», «ت.غ». */
export const ZONE_PATTERN = `(?:\\(\\s*)?((?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?(?!\\d)|[+-]\\d{2}(?::?\\d{2})?(?!\\d)|(?:${ZONE_ALT})${WORD_END})(?:\\s*\\))?`;

const YEAR = '(\\d{4})(?!\\d)';
const DAY = `${WORD_START}(\\d{1,2})(?!\\d)`;
/** «م» (ميلادي) after a Gregorian year: «2022م», «2022 م». */
const ERA_SUFFIX = `(?:\\s*م${WORD_END})?`;
/** «هـ», «هجري», «هجرية», «للهجرة» after a Hijri year (tatweel already folded away). */
const HIJRI_SUFFIX = `\\s*(ه|هجري|هجريه|للهجره)${WORD_END}`;
// Written so that a long run of spaces has one way to match: «\\s*,?\\s*» would backtrack quadratically.
const SEP = '(?:\\s*[-/.,،]\\s*|\\s+)?';

/** Before the year: a separator, or «عام/سنة» («14 أبريل عام 2018», «يناير/كانون الثاني عام 2017»). */
const YEAR_SEP = `(?:${SEP}(?:عام|سنه)\\s+|${SEP})`;
const DAY_MONTH_NAME = new RegExp(
  `${DAY}(?:st|nd|rd|th)?${SEP}(${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*(?:/|\\(|-)\\s*(?:${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*\\))?)?(?:${YEAR_SEP}${YEAR}${ERA_SUFFIX})?`,
  'gu',
);
const MONTH_NAME_DAY = new RegExp(
  `${WORD_START}(${GREGORIAN_MONTH_ALT})${WORD_END}\\.?\\s*(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?\\s*[,،]?\\s*${YEAR}${ERA_SUFFIX}`,
  'gu',
);
const MONTH_NAME_YEAR = new RegExp(
  `${WORD_START}(${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*(?:/|\\(|-)\\s*(?:${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*\\))?)?${YEAR_SEP}${YEAR}${ERA_SUFFIX}`,
  'gu',
);
const HIJRI_NAME = new RegExp(
  `${DAY}${SEP}(${HIJRI_MONTH_ALT})${WORD_END}${SEP}(\\d{3,4})(?!\\d)(?:${HIJRI_SUFFIX})?`,
  'gu',
);
const NUMERIC_DMY = new RegExp(`${DAY}([-/.])(\\d{1,2})\\2${YEAR}(?:${HIJRI_SUFFIX}|${ERA_SUFFIX})`, 'gu');
const NUMERIC_YMD = new RegExp(`${WORD_START}${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)(?:${HIJRI_SUFFIX})?`, 'gu');

/** A clock time right after a date: «- 10:30 ص», «t10:30:00+03:00», «10:30:00 gmt», «الساعة 10:30 بتوقيت مكة». */
const TIME_AFTER_DATE = new RegExp(
  `(?:\\s*(?:t|[-|,،@]|at|الساعه|في))*\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?!\\d)(?:\\s*(${MERIDIEM_ALT})${WORD_END})?(?:\\s*${ZONE_PATTERN})?`,
  'uy',
);
/** A standalone clock time anywhere in a dateline field: «10:30 ص | 06/01/2022». */
const CLOCK_ANYWHERE = new RegExp(
  `${WORD_START}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?!\\d)(?:\\s*(${MERIDIEM_ALT})${WORD_END})?(?:\\s*${ZONE_PATTERN})?`,
  'gu',
);
/** A weekday right before a date: «الخميس 6 يناير», «يوم الخميس، 6 يناير», «thu, 06 jan». */
const WEEKDAY_BEFORE = new RegExp(`${WORD_START}(?:يوم\\s+)?(${ANY_WEEKDAY_ALT})\\s*[,،-]?\\s*$`, 'u');

// ---- Calendar arithmetic --------------------------------------------------------------------

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidGregorian(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Weekday (0 = Sunday) of a Gregorian date. */
export function weekdayOfDate(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Years we accept as Gregorian article years; outside are amounts, not dates («2500 متظاهر»). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
/** A numeric date whose year is in this range is Hijri even without «هـ» (1443/06/03). */
const MIN_HIJRI_YEAR = 1300;
const MAX_HIJRI_YEAR = 1600;

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** Minutes east of UTC of an IANA zone at a UTC instant, or null for an unknown zone. */
function zoneOffsetMinutes(zone: string, utcMs: number): number | null {
  let format = zoneFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      // An unknown zone name: the caller gets no offset rather than an exception.
      format = null;
    }
    zoneFormats.set(zone, format);
  }
  if (!format) return null;
  const name = format.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
  if (!m) return null;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The offset (+03:00) of a wall-clock time in an IANA zone (or a fixed offset passed through), or null. */
export function resolveOffset(zone: string, date: CalendarDate, hour: number, minute: number): string | null {
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return zone;
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = zoneOffsetMinutes(zone, wall);
  if (first === null) return null;
  const second = zoneOffsetMinutes(zone, wall - first * 60_000);
  return formatOffset(second ?? first);
}

/** ISO date-time of a day and clock time: 2022-01-06T10:30:00+03:00 (no offset when none is known). */
export function formatInstant(date: CalendarDate, time: ClockTime, fallbackZone?: string): string {
  const zone = time.offset ?? time.zone ?? fallbackZone ?? null;
  const offset = zone ? resolveOffset(zone, date, time.hour, time.minute) : null;
  return `${formatDate(date)}T${pad2(time.hour)}:${pad2(time.minute)}:${pad2(time.second)}${offset ?? ''}`;
}

// ---- Finding dates in text ------------------------------------------------------------------

function clockFrom(
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiemText: string | undefined,
  zoneText: string | undefined,
): ClockTime | null {
  const hour = applyMeridiem(Number(hourText), meridiemOf(meridiemText));
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (hour === null || hour > 23 || minute > 59 || second > 60) return null;
  const zone = zoneOf(zoneText);
  const fixed = zone !== null && /^[+-]\d{2}:\d{2}$/.test(zone);
  return { hour, minute, second: Math.min(second, 59), offset: fixed ? zone : null, zone: fixed ? null : zone };
}

interface Candidate extends Omit<DateMention, 'start' | 'end'> {
  /** Offsets in the folded text. */
  fStart: number;
  fEnd: number;
}

function gregorianCandidate(fStart: number, fEnd: number, year: number | null, month: number, day: number | null): Candidate | null {
  if (year !== null && (year < MIN_YEAR || year > MAX_YEAR)) return null;
  if (month < 1 || month > 12) return null;
  // A yearless «29 فبراير» is allowed: the year is chosen later, against the anchor.
  if (day !== null && !isValidGregorian(year ?? 2000, month, day)) return null;
  const gregorian = year !== null && day !== null ? { year, month, day } : null;
  return { fStart, fEnd, calendar: 'gregorian', year, month, day, gregorian, time: null, weekday: null };
}

function hijriCandidate(fStart: number, fEnd: number, year: number, month: number, day: number): Candidate | null {
  if (year < MIN_HIJRI_YEAR || year > MAX_HIJRI_YEAR || month < 1 || month > 12 || day < 1 || day > 30) return null;
  const gregorian = hijriToGregorian({ year, month, day });
  if (!gregorian) return null;
  return { fStart, fEnd, calendar: 'hijri', year, month, day, gregorian, time: null, weekday: null };
}

function collectCandidates(folded: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate | null): void => {
    if (c) out.push(c);
  };
  for (const m of folded.matchAll(DAY_MONTH_NAME)) {
    const month = gregorianMonthOf(m[2] as string);
    const year = m[3] === undefined ? null : Number(m[3]);
    // «6 آب» without a year is «6 fathers» as often as a date; an ambiguous name needs its year.
    if (month === null || (year === null && isAmbiguousMonth(m[2] as string))) continue;
    push(gregorianCandidate(m.index, m.index + m[0].length, year, month, Number(m[1])));
  }
  for (const m of folded.matchAll(MONTH_NAME_DAY)) {
    const month = gregorianMonthOf(m[1] as string);
    if (month !== null) push(gregorianCandidate(m.index, m.index + m[0].length, Number(m[3]), month, Number(m[2])));
  }
  for (const m of folded.matchAll(MONTH_NAME_YEAR)) {
    const month = gregorianMonthOf(m[1] as string);
    if (month !== null) push(gregorianCandidate(m.index, m.index + m[0].length, Number(m[2]), month, null));
  }
  for (const m of folded.matchAll(HIJRI_NAME)) {
    const month = HIJRI_MONTH_OF.get(termKey(m[2] as string));
    if (month !== undefined) push(hijriCandidate(m.index, m.index + m[0].length, Number(m[3]), month, Number(m[1])));
  }
  for (const m of folded.matchAll(NUMERIC_DMY)) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const end = m.index + m[0].length;
    if (m[5] !== undefined || (year >= MIN_HIJRI_YEAR && year <= MAX_HIJRI_YEAR)) {
      push(hijriCandidate(m.index, end, year, b, a));
      continue;
    }
    // Arab outlets print day/month/year; a «month» over 12 means an English CMS wrote month/day/year.
    const [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
    push(gregorianCandidate(m.index, end, year, month, day));
  }
  for (const m of folded.matchAll(NUMERIC_YMD)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const end = m.index + m[0].length;
    if (m[5] !== undefined || (year >= MIN_HIJRI_YEAR && year <= MAX_HIJRI_YEAR)) push(hijriCandidate(m.index, end, year, month, day));
    else push(gregorianCandidate(m.index, end, year, month, day));
  }
  return out;
}

/** Keeps the longest of overlapping candidates, then orders by position. */
function pickNonOverlapping(candidates: Candidate[]): Candidate[] {
  return keepLongest(candidates, (c) => c.fStart, (c) => c.fEnd);
}

/**
 * Keeps the longest of overlapping spans (the earlier on a tie), ordered by position. Linear in the
 * spans' total length: an occupancy map, not a pairwise check (a long page has thousands of matches).
 */
export function keepLongest<T>(items: T[], start: (item: T) => number, end: (item: T) => number): T[] {
  if (items.length === 0) return [];
  const sorted = [...items].sort((a, b) => end(b) - start(b) - (end(a) - start(a)) || start(a) - start(b));
  const taken = new Uint8Array(Math.max(...items.map(end)) + 1);
  const kept: T[] = [];
  for (const item of sorted) {
    const [s, e] = [start(item), end(item)];
    let free = true;
    for (let i = s; i < e && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, s, e);
    kept.push(item);
  }
  return kept.sort((a, b) => start(a) - start(b));
}

/** Extends a full date with a weekday before it and a clock time after it. */
function extend(folded: string, c: Candidate, limitEnd: number): void {
  if (c.day === null) return;
  const before = folded.slice(Math.max(0, c.fStart - 24), c.fStart);
  const wd = WEEKDAY_BEFORE.exec(before);
  if (wd) {
    c.weekday = weekdayOf(wd[1] as string);
    c.fStart -= wd[0].length;
  }
  if (c.year === null) return;
  TIME_AFTER_DATE.lastIndex = c.fEnd;
  const t = TIME_AFTER_DATE.exec(folded);
  if (t && c.fEnd + t[0].length <= limitEnd) {
    const time = clockFrom(t[1], t[2], t[3], t[4], t[5]);
    if (time) {
      c.time = time;
      c.fEnd += t[0].length;
    }
  }
}

/**
 * Finds the explicit calendar dates in a text: «الخميس 6 يناير 2022 - 10:30 ص», «6 كانون الثاني 2022»,
 * «٣ جمادى الآخرة ١٤٤٣هـ», «06/01/2022», «2022-01-06T10:30:00+03:00», «Thu, 06 Jan 2022 10:30:00 GMT»,
 * «يناير 2022», and yearless «6 يناير». Relative expressions are times.ts's job.
 */
export function findDateMentions(text: string): DateMention[] {
  return findDateMentionsFolded(text, foldDateText(text)).map(({ fStart: _s, fEnd: _e, ...mention }) => mention);
}

/** A DateMention that also carries its span in the folded text (for times.ts, which folds once). */
export interface FoldedDateMention extends DateMention {
  fStart: number;
  fEnd: number;
}

/** findDateMentions over a text already folded with foldDateText. */
export function findDateMentionsFolded(text: string, fold: Transformed): FoldedDateMention[] {
  const folded = fold.text;
  const kept = pickNonOverlapping(collectCandidates(folded));
  return kept.map((c, i) => {
    extend(folded, c, kept[i + 1]?.fStart ?? folded.length);
    const [start, end] = originalSpan(text, fold, c.fStart, c.fEnd);
    return { start, end, ...c };
  });
}

// ---- parseArticleDate -----------------------------------------------------------------------

/** Inputs longer than this are not a dateline field; we look at their start only. */
const MAX_INPUT = 1000;

function fromEpoch(trimmed: string): ParsedDate | null {
  // JSON feeds sometimes carry Unix seconds (10 digits) or milliseconds (13 digits).
  const m = /^(\d{10}|\d{13})$/.exec(trimmed);
  if (!m) return null;
  const ms = trimmed.length === 13 ? Number(trimmed) : Number(trimmed) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return { value: d.toISOString().replace(/\.\d{3}Z$/, '+00:00'), granularity: 'instant' };
}

function formatHijri(m: DateMention): string {
  return `${String(m.year).padStart(4, '0')}-${pad2(m.month)}-${pad2(m.day ?? 1)}`;
}

/**
 * Parses a publication date as outlets print it; null when nothing in the input is a date (never throws).
 * A dual date («الخميس 3 جمادى الآخرة 1443 هـ الموافق 6 يناير 2022 م») gives the Gregorian value and keeps
 * the Hijri; a Hijri-only date is converted with Umm al-Qura. A weekday that disagrees with the date is
 * tolerated and flagged.
 */
export function parseArticleDate(input: string, options: ParseArticleDateOptions = {}): ParsedDate | null {
  try {
    return parse(input, options);
  } catch {
    // The contract is null on junk; an unexpected failure in a corner of the grammar is junk too.
    return null;
  }
}

function parse(input: string, options: ParseArticleDateOptions): ParsedDate | null {
  if (typeof input !== 'string') return null;
  const text = input.slice(0, MAX_INPUT);
  const trimmed = foldTerm(text).trim();
  const epoch = fromEpoch(trimmed);
  if (epoch) return epoch;

  const mentions = findDateMentions(text).filter((m) => m.year !== null);
  const fullGregorian = mentions.find((m) => m.calendar === 'gregorian' && m.day !== null);
  const fullHijri = mentions.find((m) => m.calendar === 'hijri');
  const full = fullGregorian ?? fullHijri;
  if (full && full.gregorian) {
    const result: ParsedDate = { value: formatDate(full.gregorian), granularity: 'day' };
    const time = full.time ?? (fullGregorian && fullHijri ? fullHijri.time : null) ?? clockElsewhere(text, mentions);
    if (time) {
      result.value = formatInstant(full.gregorian, time, options.timezone);
      result.granularity = 'instant';
    }
    if (fullHijri) result.hijri = formatHijri(fullHijri);
    const named = full.weekday ?? (fullGregorian && fullHijri ? fullHijri.weekday : null);
    if (named !== null && named !== weekdayOfDate(full.gregorian)) result.weekdayMismatch = true;
    return result;
  }

  const monthYear = mentions.find((m) => m.calendar === 'gregorian' && m.day === null);
  if (monthYear && monthYear.year !== null) {
    // «يناير 2022» counts only when nothing else in the field looks numeric (not «العدد 12 يناير 2022»).
    const rest = text.slice(0, monthYear.start) + text.slice(monthYear.end);
    if (!/\d/.test(foldTerm(rest))) return { value: `${monthYear.year}-${pad2(monthYear.month)}`, granularity: 'month' };
    return null;
  }

  const year = /^(?:(?:عام|سنه)\s*)?(\d{4})(?:\s*م)?$/u.exec(trimmed);
  if (year && Number(year[1]) >= MIN_YEAR && Number(year[1]) <= MAX_YEAR) return { value: year[1] as string, granularity: 'year' };
  return null;
}

/** A clock time printed apart from the date in a dateline field: «10:30 ص | 06/01/2022». */
function clockElsewhere(text: string, mentions: DateMention[]): ClockTime | null {
  const fold = foldDateText(text);
  for (const m of fold.text.matchAll(CLOCK_ANYWHERE)) {
    const [start, end] = fold.toOriginalSpan(m.index, m.index + m[0].length);
    if (mentions.some((d) => start < d.end && end > d.start)) continue;
    const time = clockFrom(m[1], m[2], m[3], m[4], m[5]);
    if (time) return time;
  }
  return null;
}

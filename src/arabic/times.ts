// Time expressions in running text (أمس، صباح الخميس، الأسبوع الماضي، قبل يومين، في 6 يناير…), resolved against the article date.
//
// Conventions (documented here because consumers depend on them):
// - Spans cover the whole surface token, clitics included: «وأمس», «ومساء الخميس», «بالأمس».
//   A leading preposition (في، منذ، خلال) is left out unless it is part of the expression («خلال الأيام الثلاثة الماضية»).
// - Values are ISO 8601: a day 2022-01-06; a month 2022-01; a year 2022; an ISO week 2022-W01;
//   a clock time 2022-01-06T10:30:00 (with an offset only when the text gives a zone);
//   a part of the day or a span of days as an interval «start/end» (2022-01-06T06:00/2022-01-06T12:00).
// - A bare weekday or «صباح الخميس» is the most recent such day on or before the anchor (the same day
//   when the anchor is a Thursday); «الخميس الماضي» is strictly before, «الخميس المقبل» strictly after.
//   A future cue earlier in the sentence («ستُقام المباراة السبت», «من المقرر») turns a bare weekday,
//   month or yearless date to the first on or after the anchor (cues: FUTURE_CUES in data/time-words.ts).
// - «ليل/ليلة الخميس» is the night that starts on Thursday evening (the modern news reading);
//   «ليل الأربعاء الخميس» the night between the two.
// - A clock time not attached to a day («الساعة العاشرة صباحًا») takes the anchor's day.
// - A yearless date («في 20 ديسمبر») takes the year that puts it nearest the anchor, counting days
//   after the anchor double (reports mostly look back); «المقبل»/«الماضي» after it decide outright.
// - With a null anchor every relative expression is still found, with value null.

import type { Granularity } from '../model/analysis.js';
import { MarsadError } from '../model/errors.js';
import {
  COUNT_ADJECTIVES,
  COUNT_WORDS,
  CURRENT_WORDS,
  DAY_PART_HOURS,
  DAY_PART_WORDS,
  FUTURE_CUES,
  FUTURE_WORDS,
  HOUR_WORDS,
  MINUTE_WORDS,
  PAST_WORDS,
  PLURAL_UNITS,
  UNIT_WORDS,
  WEEKDAYS,
  type DayPart,
  type TimeUnit,
} from './data/time-words.js';
import { GREGORIAN_MONTHS } from './data/months.js';
import {
  GREGORIAN_MONTH_ALT,
  MERIDIEM_ALT,
  WORD_END,
  WORD_START,
  ZONE_PATTERN,
  alternation,
  applyMeridiem,
  findDateMentionsFolded,
  foldDateText,
  foldTerm,
  formatDate,
  formatInstant,
  gregorianMonthOf,
  isAmbiguousMonth,
  keepLongest,
  meridiemOf,
  originalSpan,
  pad2,
  termKey,
  weekdayOf,
  zoneOf,
  type ClockTime,
} from './dates.js';
import { gregorianToJdn, jdnToGregorian, type CalendarDate } from './hijri.js';
import type { Transformed } from './offset-map.js';

/** A time expression found in text; matches the contract's TimeExpr. */
export interface TimeExprMatch {
  start: number;
  end: number;
  text: string;
  /** ISO 8601 date, date-time, week, month, year or interval «start/end»; null when it cannot be resolved. */
  value: string | null;
  granularity: Granularity;
}

export type WeekdayDirection = 'past' | 'future' | 'nearest';

// ---- Anchor and calendar arithmetic ---------------------------------------------------------

interface Anchor {
  date: CalendarDate;
  /** Wall-clock time of the anchor, when it has one. */
  time: { hour: number; minute: number; second: number } | null;
  offset: string | null;
}

const ANCHOR_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseAnchor(anchor: string | null): Anchor | null {
  if (typeof anchor !== 'string') return null;
  const m = ANCHOR_RE.exec(anchor.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = jdnToGregorian(gregorianToJdn(date));
  if (back.year !== date.year || back.month !== date.month || back.day !== date.day) return null;
  const time = m[4] === undefined ? null : { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? '0') };
  if (time && (time.hour > 23 || time.minute > 59 || time.second > 59)) return null;
  const offset = m[7] === undefined ? null : m[7] === 'Z' ? '+00:00' : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return { date, time, offset };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return jdnToGregorian(gregorianToJdn(date) + days);
}

function weekdayOfDay(date: CalendarDate): number {
  return (gregorianToJdn(date) + 1) % 7; // JDN 0 was a Monday; +1 makes 0 = Sunday.
}

/** Year and month `n` months from (year, month). */
function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const total = year * 12 + (month - 1) + n;
  return { year: Math.floor(total / 12), month: (((total % 12) + 12) % 12) + 1 };
}

/** The same day `n` months away, clamped to the month's end (31 March − 1 month = 28/29 February). */
function addMonthsToDay(date: CalendarDate, n: number): CalendarDate {
  const { year, month } = addMonths(date.year, date.month, n);
  const last = jdnToGregorian(gregorianToJdn({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }) - 1).day;
  return { year, month, day: Math.min(date.day, last) };
}

/** ISO 8601 week of a day: 2022-W01. */
export function isoWeek(date: CalendarDate): string {
  const mondayBased = (weekdayOfDay(date) + 6) % 7;
  const thursday = addDays(date, 3 - mondayBased);
  const week = Math.floor((gregorianToJdn(thursday) - gregorianToJdn({ year: thursday.year, month: 1, day: 1 })) / 7) + 1;
  return `${thursday.year}-W${pad2(week)}`;
}

function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}`;
}

/**
 * The date (YYYY-MM-DD) of a weekday (0 = Sunday … 6 = Saturday) relative to an anchor date:
 * 'past' is on or before the anchor, 'future' on or after, 'nearest' whichever is closer (past on a tie).
 * Throws MarsadError E_DATE on an anchor that is not an ISO date or a weekday outside 0..6.
 */
export function resolveWeekday(anchor: string, weekday: number, direction: WeekdayDirection): string {
  const parsed = parseAnchor(anchor);
  if (!parsed) throw new MarsadError('E_DATE', `resolveWeekday: expected an ISO 8601 anchor (2022-01-06), found ${JSON.stringify(anchor)}.`);
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new MarsadError('E_DATE', `resolveWeekday: expected a weekday 0 (Sunday) to 6 (Saturday), found ${weekday}.`);
  }
  return formatDate(weekdayDay(parsed.date, weekday, direction));
}

function weekdayDay(anchor: CalendarDate, weekday: number, direction: WeekdayDirection): CalendarDate {
  const back = (weekdayOfDay(anchor) - weekday + 7) % 7;
  const forward = (weekday - weekdayOfDay(anchor) + 7) % 7;
  if (direction === 'past') return addDays(anchor, -back);
  if (direction === 'future') return addDays(anchor, forward);
  return addDays(anchor, back <= forward ? -back : forward);
}

// ---- Patterns -------------------------------------------------------------------------------

/** Builds a matcher (global unless `flags` say otherwise: test/exec on a global regex is stateful) from a pattern in plain Arabic; it is folded like the text («ة» → «ه», «أ» → «ا»). */
function pattern(source: string, flags = 'gu'): RegExp {
  // Only the Arabic is folded: lowercasing ASCII would break \\p{L}.
  const folded = Array.from(source, (ch) => (ch.charCodeAt(0) < 0x80 ? ch : foldTerm(ch))).join('');
  return new RegExp(folded, flags);
}

const PAST_ALT = alternation(PAST_WORDS);
const FUTURE_ALT = alternation(FUTURE_WORDS);
const CURRENT_ALT = alternation(CURRENT_WORDS);
const RELATION_ALT = `${PAST_ALT}|${FUTURE_ALT}|${CURRENT_ALT}`;
const PAST_SET = new Set(PAST_WORDS.map(foldTerm));
const FUTURE_SET = new Set(FUTURE_WORDS.map(foldTerm));

type Relation = 'past' | 'future' | 'current' | null;

/** «السابقة لزيارته», «التالي للهجوم»: «previous/next» tied to another event, not to the article date. */
const TIED_RELATION = new Set(['السابق', 'السابقة', 'التالي', 'التالية'].map(foldTerm));
const TIED_AFTER = pattern(`^\\s+(?:ل|على\\s|من\\s|عن\\s)`, 'u');

function tiedToEvent(folded: string, end: number, relationWord: string | undefined): boolean {
  return relationWord !== undefined && TIED_RELATION.has(termKey(relationWord)) && TIED_AFTER.test(folded.slice(end, end + 8));
}

function relationOf(word: string | undefined): Relation {
  if (word === undefined) return null;
  const key = termKey(word);
  return PAST_SET.has(key) ? 'past' : FUTURE_SET.has(key) ? 'future' : 'current';
}

/** A weekday with the article, as it stands alone in news copy: «الخميس», not «خميس». */
const DEFINITE_WEEKDAY_ALT = alternation(WEEKDAYS.filter((w) => w.name.startsWith('ال')).map((w) => w.name));
const WEEKDAY_ALT_ALL = alternation(WEEKDAYS.map((w) => w.name));
/** «الخميس» or «يوم الخميس» / «يوم خميس», optionally with و/ف before it. */
const WEEKDAY_REF = `(?:(?:يوم|نهار)\\s+(?:${WEEKDAY_ALT_ALL})|${DEFINITE_WEEKDAY_ALT})`;

const DAY_PART_ALT = alternation(DAY_PART_WORDS.map((p) => p.name));
const DAY_PART_OF = new Map(DAY_PART_WORDS.map((p) => [foldTerm(p.name), p.part]));
const HOUR_WORD_ALT = alternation(HOUR_WORDS.map((h) => h.name));
const HOUR_WORD_OF = new Map(HOUR_WORDS.map((h) => [foldTerm(h.name), h.value]));
const MINUTE_WORD_ALT = alternation(MINUTE_WORDS.map((m) => m.name));
const MINUTE_WORD_OF = new Map(MINUTE_WORDS.map((m) => [foldTerm(m.name), m.value]));
const COUNT_ALT = alternation(COUNT_WORDS.map((c) => c.name));
const COUNT_OF = new Map(COUNT_WORDS.map((c) => [foldTerm(c.name), c.value]));
const COUNT_ADJ_ALT = alternation(COUNT_ADJECTIVES.map((c) => c.name));
const COUNT_ADJ_OF = new Map(COUNT_ADJECTIVES.map((c) => [foldTerm(c.name), c.value]));
const UNIT_ALT = alternation(UNIT_WORDS.map((u) => u.name));
const UNIT_OF = new Map(UNIT_WORDS.map((u) => [foldTerm(u.name), u]));
const PLURAL_UNIT_ALT = alternation(PLURAL_UNITS.map((u) => u.name));
const PLURAL_UNIT_OF = new Map(PLURAL_UNITS.map((u) => [foldTerm(u.name), u.unit]));
const ANY_MONTH_NAME_ALT = alternation([...GREGORIAN_MONTHS.map((m) => m.name), 'رمضان', 'محرم', 'شعبان', 'رجب']);

/** و or ف (and) before a word: «وأمس», «فجر» is not ف + جر because the pattern names فجر itself. */
const CONJ = '[وف]?';
/** Words after «اليوم» that make it «the day» rather than «today»: «اليوم التالي», «اليوم الوطني», the paper «اليوم السابع». */
const NOT_TODAY_AFTER = alternation(['التالي', 'السابق', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر', 'الأخير', 'الوطني', 'العالمي', 'الدولي', 'نفسه', 'ذاته', 'الذي', 'الموعود', 'المفتوح', 'الدراسي', 'الواحد']);
/** Words after «أسبوع/شهر/عام» that tie it to another event: «قبل عام من الانتخابات». */
const RELATIVE_TO_EVENT = `(?:\\s+(?:واحد|واحدة|ونصف|فقط|تقريبا))?\\s+(?:من|عن|على(?!\\s+الأقل))${WORD_END}`;
/** «يومًا بعد يوم», «عامًا بعد عام»: «day after day», not a date. */
const REPEATED_UNIT_BEFORE = '(?<!(?:يوما|يوم|عاما|عام|سنة|شهرا|أسبوعا|ساعة)\\s{1,3})';
/** «صلاة الجمعة», «خطبة الجمعة»: the weekly prayer, not a dated Friday. */
const PRAYER_BEFORE = '(?<!(?:صلاة|خطبة|صلوات|خطيب|إمام)\\s{1,3})';

// Day words.
const YESTERDAY = pattern(`${WORD_START}${CONJ}(?:بال|ال)?أمس(?!\\s+الأول)${WORD_END}`);
const DAY_BEFORE_YESTERDAY = pattern(`${WORD_START}${CONJ}(?:أول\\s+(?:من\\s+)?(?:أمس|الأمس)|(?:بال|ال)?أمس\\s+الأول)${WORD_END}`);
const TODAY = pattern(`${WORD_START}${CONJ}اليوم${WORD_END}(?!\\s+(?:${NOT_TODAY_AFTER})${WORD_END})`);
const TOMORROW = pattern(`${WORD_START}${CONJ}(?:غدا|الغد)${WORD_END}`);
const AFTER_TOMORROW = pattern(`${WORD_START}${CONJ}بعد\\s+(?:غد|الغد)${WORD_END}`);
/** «اليوم الخميس», «أمس الجمعة»: a day word with its weekday in apposition is one expression. */
const DAY_WORD_WEEKDAY = pattern(`${WORD_START}${CONJ}(اليوم|أمس|الأمس|بالأمس|غدا|بعد\\s+غد|أول\\s+أمس|أول\\s+من\\s+أمس)(?:\\s*[,،]\\s*|\\s+)(?:${DEFINITE_WEEKDAY_ALT})${WORD_END}`);

/** «صباح اليوم», «مساء أمس الأربعاء», «فجر الخميس», «ليل الأربعاء الخميس», «صباح الخميس الماضي». */
const PART_OF_DAY = pattern(
  `${WORD_START}${CONJ}(${DAY_PART_ALT})\\s+(?:(اليوم|هذا\\s+اليوم|أمس|الأمس|غد|الغد|غدا)(?:(?:\\s*[,،]\\s*|\\s+)(?:${DEFINITE_WEEKDAY_ALT}))?|(${WEEKDAY_REF})(?:(?:\\s*[-/]\\s*|\\s+(?:إلى|على)\\s+|\\s+)(${DEFINITE_WEEKDAY_ALT}))?(?:\\s+(${RELATION_ALT}))?)${WORD_END}`,
);
/** «الليلة الماضية», «الليلة», «هذا الصباح», «هذا المساء». */
const LAST_NIGHT = pattern(`${WORD_START}${CONJ}الليلة\\s+(?:${PAST_ALT})${WORD_END}`);
const TONIGHT = pattern(`${WORD_START}(?<!(?:تلك|ذات|نفس)\\s{1,3})${CONJ}(?:الليلة|هذه\\s+الليلة|هذا\\s+المساء)${WORD_END}(?!\\s+(?:نفسها|ذاتها))`);
const THIS_MORNING = pattern(`${WORD_START}${CONJ}هذا\\s+الصباح${WORD_END}`);

/** «الخميس», «يوم الخميس», «الخميس الماضي», «الخميس المقبل». */
const WEEKDAY = pattern(`${WORD_START}${PRAYER_BEFORE}${CONJ}(${WEEKDAY_REF})(?:\\s+(${RELATION_ALT}))?${WORD_END}`);

/** «الأسبوع الماضي», «للشهر المقبل», «العام الجاري», «هذا العام», «السنة الماضية». */
const PERIOD = pattern(
  `${WORD_START}(?:${CONJ}(?:[بك]?ال|لل)(أسبوع|شهر|عام|سنة)\\s+(${RELATION_ALT})|${CONJ}(?:هذا|هذه)\\s+(?:ال)(أسبوع|شهر|عام|سنة))${WORD_END}`,
);

/** «قبل يومين», «منذ ثلاثة أيام», «قبل نحو أسبوعين», «بعد 3 أشهر», «منذ 20 عامًا». */
const AGO = pattern(
  `${WORD_START}${REPEATED_UNIT_BEFORE}${CONJ}(قبل|منذ|بعد)\\s+(?:(?:نحو|حوالي|قرابة|زهاء|أكثر\\s+من|أقل\\s+من|ما\\s+يزيد\\s+عن)\\s+)?(?:(\\d{1,3}|${COUNT_ALT})\\s+)?(${UNIT_ALT})${WORD_END}(?!\\s*\\d|\\s+(?:${WEEKDAY_ALT_ALL}|${ANY_MONTH_NAME_ALT})${WORD_END}|${RELATIVE_TO_EVENT})`,
);

/** «خلال الأيام الثلاثة الماضية», «في الساعات الـ24 الماضية», «الأشهر الستة المقبلة». */
const SPAN = pattern(
  `${WORD_START}(?:${CONJ}(?:خلال|في|طوال|على\\s+مدى)\\s+)?(${PLURAL_UNIT_ALT})\\s+(?:(${COUNT_ADJ_ALT})|ال(\\d{1,3}))\\s+(${PAST_ALT}|${FUTURE_ALT})${WORD_END}` +
    `|${WORD_START}(?:${CONJ}(?:خلال|في|طوال|على\\s+مدى)\\s+)?ال(\\d{1,3})\\s+(${UNIT_ALT})\\s+(${PAST_ALT}|${FUTURE_ALT})${WORD_END}`,
);

/** A month after a preposition or «شهر», or with «الماضي/المقبل», or paired: «في يناير الماضي», «شهر آب», «أيار/مايو المقبل». */
const MONTH_PREPOSITIONS = 'في|منذ|خلال|حتى|مطلع|أوائل|أواخر|منتصف|نهاية|بداية|قبل|بعد';
const PREPOSITION_BEFORE = pattern(`${WORD_START}[وف]?(?:${MONTH_PREPOSITIONS})\\s+$`, 'u');
const MONTH = pattern(
  `${WORD_START}(?:(${CONJ}(?:[بل]?ال|لل)?شهر)\\s+)?(${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*[/(]\\s*(?:${GREGORIAN_MONTH_ALT})${WORD_END}(?:\\s*\\))?)?(?:\\s+(${RELATION_ALT})${WORD_END})?(?!(?:\\s*[-/.,،]\\s*|\\s*)\\d)`,
);

/** «عام 2021», «العام 2021», «لعام 2021», and a year after a preposition: «في 2019», «منذ 2011». */
const YEAR = pattern(
  `${WORD_START}(?:${CONJ}(?:[بل]?ال|لل|[بل])?(?:عام|سنة)\\s+|(?<=(?:في|منذ|خلال|حتى|بحلول|قبل|بعد|مطلع|أوائل|أواخر|منتصف|نهاية|بداية)\\s{1,3}))(\\d{4})(?:\\s*م(?![\\p{L}\\p{N}]))?(?![\\p{L}\\p{N}]|[-/.:]\\d)`,
);

/** «الساعة العاشرة صباحًا», «الساعة 10:30», «الساعة الـ10 مساء», «الساعة الثامنة والنصف بتوقيت مكة». */
const CLOCK_WORDS = pattern(
  `${WORD_START}${CONJ}الساعة\\s+(?:(?:ال)?(\\d{1,2})(?:[:.,](\\d{2}))?(?!\\d)|(${HOUR_WORD_ALT})${WORD_END}(?:\\s+(${MINUTE_WORD_ALT})${WORD_END}|\\s+و\\s?(\\d{1,2})\\s+(?:دقيقة|دقائق)${WORD_END})?)(?:\\s+(${MERIDIEM_ALT})${WORD_END})?(?:\\s*${ZONE_PATTERN})?`,
);
/** «10:30 صباحًا», «22:15 بتوقيت غرينتش»: a bare clock needs a meridiem or a zone to count. */
const CLOCK_DIGITS = pattern(
  `${WORD_START}(\\d{1,2}):(\\d{2})(?!\\d)(?:\\s*(${MERIDIEM_ALT})${WORD_END}(?:\\s*${ZONE_PATTERN})?|\\s*${ZONE_PATTERN})`,
);

/** What can stand between a clock and its day: «الساعة العاشرة من صباح الخميس», «أمس الساعة 10». */
const JOIN_CLOCK_THEN_DAY = pattern(`^\\s*(?:من|في|يوم|[,،-])?\\s*$`, 'u');
const JOIN_DAY_THEN_CLOCK = pattern(`^\\s*(?:عند|في|حوالي|نحو|[,،-])?\\s*$`, 'u');
/** A part of the day before an explicit date: «صباح 6 يناير», «مساء يوم 6 يناير». */
const PART_BEFORE_DATE = pattern(`${WORD_START}${CONJ}(${DAY_PART_ALT})\\s+(?:يوم\\s+)?$`, 'u');
/** «الماضي/المقبل» after a yearless date: «في 20 ديسمبر الماضي». */
const RELATION_AFTER = pattern(`^\\s+(${RELATION_ALT})${WORD_END}`, 'u');

// ---- Candidates -----------------------------------------------------------------------------

interface Found {
  /** Offsets into the folded text. */
  s: number;
  e: number;
  value: string | null;
  granularity: Granularity;
  /** The day the expression names, so a clock beside it can join it. */
  day?: CalendarDate | null;
  part?: DayPart;
  clock?: { time: ClockTime; hasMinutes: boolean; meridiem: boolean };
}

const T = (h: number): string => `T${pad2(h % 24)}:00`;

/** «صباح الخميس» → 2022-01-06T06:00/2022-01-06T12:00; the night runs into the next morning. */
function partInterval(day: CalendarDate, part: DayPart, endDay?: CalendarDate): string {
  const [from, to] = DAY_PART_HOURS[part];
  const end = endDay && to > 24 ? endDay : addDays(day, Math.floor(to / 24));
  return `${formatDate(day)}${T(from)}/${formatDate(end)}${T(to)}`;
}

function dayFound(s: number, e: number, day: CalendarDate | null): Found {
  return { s, e, value: day ? formatDate(day) : null, granularity: 'day', day };
}

function partFound(s: number, e: number, day: CalendarDate | null, part: DayPart, endDay?: CalendarDate): Found {
  return { s, e, value: day ? partInterval(day, part, endDay) : null, granularity: 'part-of-day', day, part };
}

function shift(anchor: Anchor | null, days: number): CalendarDate | null {
  return anchor ? addDays(anchor.date, days) : null;
}

/**
 * «الخميس الماضي» is strictly before the anchor, «الخميس المقبل» strictly after; a bare «الخميس» is on or
 * before it, unless a future cue leads the sentence («ستُعقد القمة الخميس»), then on or after.
 */
function weekdayWithRelation(anchor: Anchor | null, weekday: number, relation: Relation, futureCue = false): CalendarDate | null {
  if (!anchor) return null;
  if (relation === 'past') return weekdayDay(addDays(anchor.date, -1), weekday, 'past');
  if (relation === 'future') return weekdayDay(addDays(anchor.date, 1), weekday, 'future');
  return weekdayDay(anchor.date, weekday, futureCue ? 'future' : 'past');
}

const FUTURE_CUE_SET = new Set(FUTURE_CUES.map(foldTerm));
/** How far back a future cue may stand from the expression, within its sentence. */
const CUE_WINDOW = 60;

/** Whether a future cue («ستُقام», «من المقرر») stands before `start` in the same sentence. */
function hasFutureCue(folded: string, start: number): boolean {
  let before = folded.slice(Math.max(0, start - CUE_WINDOW), start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('؟'), before.lastIndexOf('!'));
  if (cut >= 0) before = before.slice(cut + 1);
  for (const word of before.split(/[^\p{L}]+/u)) {
    if (FUTURE_CUE_SET.has(word) || ((word.startsWith('و') || word.startsWith('ف')) && FUTURE_CUE_SET.has(word.slice(1)))) return true;
  }
  return PLANNED.test(before);
}

/** «على أن يختتم جولته الجمعة»: «on the understanding that» + an imperfect verb states a plan, so what follows is ahead. */
const PLANNED = pattern('(?:^|[^\\p{L}])على\\s+أن\\s+[يتن]\\p{L}{2,}', 'u');

/** The weekday named in «يوم الخميس» or «الخميس». */
function weekdayIn(ref: string): number | null {
  return weekdayOf(ref.replace(/^(?:يوم|نهار)\s+/u, ''));
}

function dayWords(folded: string, anchor: Anchor | null, out: Found[]): void {
  const simple: [RegExp, number][] = [
    [YESTERDAY, -1],
    [DAY_BEFORE_YESTERDAY, -2],
    [TODAY, 0],
    [TOMORROW, 1],
    [AFTER_TOMORROW, 2],
  ];
  for (const [re, days] of simple) {
    for (const m of folded.matchAll(re)) out.push(dayFound(m.index, m.index + m[0].length, shift(anchor, days)));
  }
  for (const m of folded.matchAll(DAY_WORD_WEEKDAY)) {
    // The day word decides; a weekday that disagrees («أمس الجمعة» in a Friday article) is the outlet's slip.
    const days = DAY_WORD_SHIFT.get(termKey((m[1] as string).replace(/^بال/u, 'ال'))) ?? 0;
    out.push(dayFound(m.index, m.index + m[0].length, shift(anchor, days)));
  }
}

const DAY_WORD_SHIFT = new Map<string, number>([
  ['اليوم', 0],
  ['هذا اليوم', 0],
  ['امس', -1],
  ['الامس', -1],
  ['غد', 1],
  ['الغد', 1],
  ['غدا', 1],
  ['بعد غد', 2],
  ['اول امس', -2],
  ['اول من امس', -2],
]);

function partsOfDay(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(PART_OF_DAY)) {
    const part = DAY_PART_OF.get(m[1] as string);
    if (!part) continue;
    const [s, e] = [m.index, m.index + m[0].length];
    if (m[2] !== undefined) {
      out.push(partFound(s, e, shift(anchor, DAY_WORD_SHIFT.get(termKey(m[2])) ?? 0), part));
      continue;
    }
    const first = weekdayIn(m[3] as string);
    if (first === null) continue;
    const second = m[4] === undefined ? null : weekdayOf(m[4]);
    const relation = relationOf(m[5]);
    if (second !== null && part === 'night' && second === (first + 1) % 7) {
      // «ليل الأربعاء الخميس»: the night between; resolve the morning side, the evening is the day before.
      const morning = weekdayWithRelation(anchor, second, relation);
      out.push(partFound(s, e, morning ? addDays(morning, -1) : null, part, morning ?? undefined));
      continue;
    }
    if (second !== null) {
      // Two weekdays that are not a night pair: keep only the first («صباح الخميس الجمعة» is not a phrase).
      const end = s + m[0].indexOf(m[3] as string) + (m[3] as string).length;
      out.push(partFound(s, end, weekdayWithRelation(anchor, first, null), part));
      continue;
    }
    out.push(partFound(s, e, weekdayWithRelation(anchor, first, relation, relation === null && hasFutureCue(folded, s)), part));
  }
  for (const m of folded.matchAll(LAST_NIGHT)) out.push(partFound(m.index, m.index + m[0].length, shift(anchor, -1), 'night'));
  for (const m of folded.matchAll(TONIGHT)) {
    const evening = m[0].includes('مساء');
    out.push(partFound(m.index, m.index + m[0].length, shift(anchor, 0), evening ? 'evening' : 'night'));
  }
  for (const m of folded.matchAll(THIS_MORNING)) out.push(partFound(m.index, m.index + m[0].length, shift(anchor, 0), 'morning'));
}

function weekdays(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(WEEKDAY)) {
    const weekday = weekdayIn(m[1] as string);
    if (weekday === null || tiedToEvent(folded, m.index + m[0].length, m[2])) continue;
    const relation = relationOf(m[2]);
    const cue = relation === null && hasFutureCue(folded, m.index);
    out.push(dayFound(m.index, m.index + m[0].length, weekdayWithRelation(anchor, weekday, relation, cue)));
  }
}

const PERIOD_UNIT = new Map<string, TimeUnit>([
  ['اسبوع', 'week'],
  ['شهر', 'month'],
  ['عام', 'year'],
  ['سنه', 'year'],
]);

/** The value of the week, month or year `n` units from the anchor's. */
function periodValue(anchor: Anchor, unit: TimeUnit, n: number): { value: string; granularity: Granularity } {
  const { date } = anchor;
  if (unit === 'week') return { value: isoWeek(addDays(date, 7 * n)), granularity: 'week' };
  if (unit === 'month') {
    const { year, month } = addMonths(date.year, date.month, n);
    return { value: formatMonth(year, month), granularity: 'month' };
  }
  if (unit === 'year') return { value: String(date.year + n), granularity: 'year' };
  return { value: formatDate(addDays(date, n)), granularity: 'day' };
}

function periods(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(PERIOD)) {
    const unit = PERIOD_UNIT.get((m[1] ?? m[3]) as string);
    if (!unit || tiedToEvent(folded, m.index + m[0].length, m[2])) continue;
    const relation = m[2] === undefined ? 'current' : relationOf(m[2]);
    const n = relation === 'past' ? -1 : relation === 'future' ? 1 : 0;
    const [s, e] = [m.index, m.index + m[0].length];
    if (!anchor) {
      out.push({ s, e, value: null, granularity: unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year' });
      continue;
    }
    out.push({ s, e, ...periodValue(anchor, unit, n) });
  }
}

function countOf(text: string | undefined, unitCount: 1 | 2 | null): number | null {
  if (text === undefined) return unitCount;
  const n = /^\d+$/.test(text) ? Number(text) : (COUNT_OF.get(termKey(text)) ?? null);
  return n !== null && n > 0 ? n : null;
}

function agos(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(AGO)) {
    const unit = UNIT_OF.get(termKey(m[3] as string));
    if (!unit) continue;
    // «قبل 3 يومين» is not Arabic; a plural needs its number and a dual brings its own.
    if ((m[2] === undefined && unit.count === null) || (m[2] !== undefined && unit.count === 2)) continue;
    const n = countOf(m[2], unit.count);
    if (n === null) continue;
    const sign = m[1] === 'بعد' ? 1 : -1;
    const [s, e] = [m.index, m.index + m[0].length];
    const granularity: Granularity = unit.unit === 'hour' ? 'day' : unit.unit;
    if (!anchor) {
      out.push({ s, e, value: null, granularity });
      continue;
    }
    if (unit.unit === 'hour') {
      if (anchor.time) {
        const ms = Date.UTC(anchor.date.year, anchor.date.month - 1, anchor.date.day, anchor.time.hour, anchor.time.minute) + sign * n * 3_600_000;
        const d = new Date(ms);
        const day = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const time: ClockTime = { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, offset: anchor.offset, zone: null };
        out.push({ s, e, value: formatInstant(day, time), granularity: 'instant', day });
      } else {
        // «قبل ساعتين» in an article dated to the day: the day is all we know.
        out.push(dayFound(s, e, addDays(anchor.date, sign * Math.floor(n / 24))));
      }
      continue;
    }
    if (unit.unit === 'day') {
      out.push(dayFound(s, e, addDays(anchor.date, sign * n)));
      continue;
    }
    if (unit.unit === 'week') out.push({ s, e, value: isoWeek(addDays(anchor.date, sign * 7 * n)), granularity: 'week' });
    else out.push({ s, e, ...periodValue(anchor, unit.unit, sign * n) });
  }
}

function spans(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(SPAN)) {
    const unit = m[1] !== undefined ? PLURAL_UNIT_OF.get(termKey(m[1])) : UNIT_OF.get(termKey(m[6] as string))?.unit;
    const n = m[1] !== undefined ? (m[2] !== undefined ? COUNT_ADJ_OF.get(termKey(m[2])) : Number(m[3])) : Number(m[5]);
    const relationWord = m[4] ?? m[7];
    if (!unit || !n || n < 1 || tiedToEvent(folded, m.index + m[0].length, relationWord)) continue;
    const [s, e] = [m.index, m.index + m[0].length];
    if (!anchor) {
      out.push({ s, e, value: null, granularity: 'interval' });
      continue;
    }
    const sign = relationOf(relationWord) === 'future' ? 1 : -1;
    const other =
      unit === 'hour'
        ? addDays(anchor.date, sign * Math.ceil(n / 24))
        : unit === 'day'
          ? addDays(anchor.date, sign * n)
          : unit === 'week'
            ? addDays(anchor.date, sign * 7 * n)
            : addMonthsToDay(anchor.date, sign * n * (unit === 'year' ? 12 : 1));
    const [from, to] = sign < 0 ? [other, anchor.date] : [anchor.date, other];
    out.push({ s, e, value: `${formatDate(from)}/${formatDate(to)}`, granularity: 'interval' });
  }
}

/** The month of that name nearest the anchor, or strictly before/after it for «الماضي/المقبل». */
function resolveMonth(anchor: Anchor, month: number, relation: Relation, futureCue: boolean): { year: number; month: number } {
  const { year: ay, month: am } = anchor.date;
  // «ستُعقد الانتخابات في مارس»: this March or the next one, never a past one.
  if (relation === null && futureCue) return { year: month >= am ? ay : ay + 1, month };
  if (relation === 'past') return { year: month < am ? ay : ay - 1, month };
  if (relation === 'future') return { year: month > am ? ay : ay + 1, month };
  if (relation === 'current') return { year: ay, month };
  // Unmarked: the nearest, a later month counting double («في ديسمبر» in a January article is last December).
  const candidates = [ay - 1, ay, ay + 1].map((y) => {
    const diff = y * 12 + month - (ay * 12 + am);
    return { year: y, cost: diff > 0 ? 2 * diff : -diff };
  });
  candidates.sort((a, b) => a.cost - b.cost);
  return { year: (candidates[0] as { year: number }).year, month };
}

function months(folded: string, anchor: Anchor | null, out: Found[]): void {
  for (const m of folded.matchAll(MONTH)) {
    const name = m[2] as string;
    const month = gregorianMonthOf(name);
    if (month === null) continue;
    const hasShahr = m[1] !== undefined;
    const relation = relationOf(m[3]);
    // «مارس» is also a verb and «آب» a noun: a month name counts after «شهر», before «الماضي/المقبل»,
    // in a pair of names («آذار/مارس», as Levantine and pan-Arab outlets print them), or (unless it is
    // one of the ambiguous names) after a preposition: «في مارس».
    const start = hasShahr ? m.index : m.index + m[0].indexOf(name);
    const paired = /[/(]/.test(m[0]);
    const afterPreposition = PREPOSITION_BEFORE.test(folded.slice(Math.max(0, start - 12), start));
    if (!hasShahr && !paired && relation === null && (isAmbiguousMonth(name) || !afterPreposition)) continue;
    const [s, e] = [start, m.index + m[0].length];
    if (!anchor) {
      out.push({ s, e, value: null, granularity: 'month' });
      continue;
    }
    const resolved = resolveMonth(anchor, month, relation, relation === null && hasFutureCue(folded, start));
    out.push({ s, e, value: formatMonth(resolved.year, resolved.month), granularity: 'month' });
  }
}

function years(folded: string, out: Found[]): void {
  for (const m of folded.matchAll(YEAR)) {
    const year = Number(m[1]);
    // «عام 1443» is a Hijri year and «في 2500» an amount; keep plausible Gregorian years.
    if (year < 1900 || year > 2100) continue;
    out.push({ s: m.index, e: m.index + m[0].length, value: String(year), granularity: 'year' });
  }
}

function clocks(folded: string, anchor: Anchor | null, out: Found[]): void {
  const push = (s: number, e: number, hour: number | null, minute: number, meridiemText: string | undefined, zoneText: string | undefined, hasMinutes: boolean): void => {
    if (hour === null || hour > 23 || minute < 0 || minute > 59) return;
    const zone = zoneOf(zoneText);
    const fixed = zone !== null && /^[+-]\d{2}:\d{2}$/.test(zone);
    const time: ClockTime = { hour, minute, second: 0, offset: fixed ? zone : null, zone: fixed ? null : zone };
    const day = anchor ? anchor.date : null;
    out.push({
      s,
      e,
      value: day ? formatInstant(day, time) : null,
      granularity: hasMinutes ? 'instant' : 'hour',
      day,
      clock: { time, hasMinutes, meridiem: meridiemText !== undefined },
    });
  };
  for (const m of folded.matchAll(CLOCK_WORDS)) {
    const [s, e] = [m.index, m.index + m[0].length];
    const meridiem = meridiemOf(m[6]);
    if (m[1] !== undefined) {
      push(s, e, applyMeridiem(Number(m[1]), meridiem), m[2] === undefined ? 0 : Number(m[2]), m[6], m[7], m[2] !== undefined);
      continue;
    }
    const hourWord = HOUR_WORD_OF.get(termKey(m[3] as string));
    if (hourWord === undefined) continue;
    // «التاسعة و45 دقيقة» gives its minutes in digits.
    const delta = m[5] !== undefined ? Number(m[5]) : m[4] === undefined ? 0 : (MINUTE_WORD_OF.get(termKey(m[4])) ?? 0);
    // «الثامنة إلا ربعًا» is 7:45: borrow the hour before applying the meridiem.
    const [hour, minute] = delta < 0 ? [hourWord === 1 ? 12 : hourWord - 1, 60 + delta] : [hourWord, delta];
    push(s, e, applyMeridiem(hour, meridiem), minute, m[6], m[7], delta !== 0);
  }
  for (const m of folded.matchAll(CLOCK_DIGITS)) {
    push(m.index, m.index + m[0].length, applyMeridiem(Number(m[1]), meridiemOf(m[3])), Number(m[2]), m[3], m[4] ?? m[5], true);
  }
}

/** The year that puts a yearless day-month nearest the anchor (later dates count double) or as «الماضي/المقبل» say. */
function resolveYearless(anchor: Anchor, month: number, day: number, relation: Relation, futureCue: boolean): CalendarDate | null {
  const a = gregorianToJdn(anchor.date);
  const options = [anchor.date.year - 1, anchor.date.year, anchor.date.year + 1]
    .map((year) => ({ year, month, day }))
    .filter((d) => jdnToGregorian(gregorianToJdn(d)).day === day) // 29 February only in leap years
    .map((d) => ({ d, diff: gregorianToJdn(d) - a }))
    .filter((o) => {
      if (relation === 'past') return o.diff < 0;
      if (relation === 'future') return o.diff > 0;
      if (relation === 'current') return o.d.year === anchor.date.year;
      return futureCue ? o.diff >= 0 : true; // «ستُعقد القمة في 3 يناير»: on or after the anchor
    });
  options.sort((x, y) => (x.diff > 0 ? 2 * x.diff : -x.diff) - (y.diff > 0 ? 2 * y.diff : -y.diff));
  return options[0]?.d ?? null;
}

function explicitDates(text: string, fold: Transformed, anchor: Anchor | null, out: Found[]): void {
  const folded = fold.text;
  for (const d of findDateMentionsFolded(text, fold)) {
    let s = d.fStart;
    let e = d.fEnd;
    let day = d.gregorian;
    let granularity: Granularity = d.day === null ? 'month' : 'day';
    let value: string | null = null;
    if (d.day === null && d.year !== null) value = formatMonth(d.year, d.month);
    else if (d.year === null && d.day !== null) {
      const rel = RELATION_AFTER.exec(folded.slice(e));
      const relation = rel ? relationOf(rel[1]) : null;
      if (rel) e += rel[0].length;
      day = anchor ? resolveYearless(anchor, d.month, d.day, relation, relation === null && hasFutureCue(folded, s)) : null;
    }
    if (day) value = formatDate(day);
    let part: DayPart | undefined;
    if (d.time && day) {
      value = formatInstant(day, d.time);
      granularity = 'instant';
    } else if (day) {
      const before = PART_BEFORE_DATE.exec(folded.slice(Math.max(0, s - 20), s));
      part = before ? DAY_PART_OF.get(before[1] as string) : undefined;
      if (before && part) {
        s -= before[0].length;
        value = partInterval(day, part);
        granularity = 'part-of-day';
      }
    }
    out.push({ s, e, value, granularity, day, ...(part ? { part } : {}) });
  }
}

function pickLongest(found: Found[]): Found[] {
  return keepLongest(found, (f) => f.s, (f) => f.e);
}

/** A clock meets its day: «الساعة العاشرة من مساء الخميس» → Thursday 22:00; «أمس الساعة 10:30». */
function joinClocks(folded: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < found.length; i++) {
    const cur = found[i] as Found;
    const next = found[i + 1];
    if (next && cur.clock && !next.clock && next.day !== undefined && JOIN_CLOCK_THEN_DAY.test(folded.slice(cur.e, next.s))) {
      out.push(joined(cur, next, cur.s, next.e));
      i++;
    } else if (next && next.clock && !cur.clock && cur.day !== undefined && JOIN_DAY_THEN_CLOCK.test(folded.slice(cur.e, next.s))) {
      out.push(joined(next, cur, cur.s, next.e));
      i++;
    } else out.push(cur);
  }
  return out;
}

function joined(clockFound: Found, dayFoundd: Found, s: number, e: number): Found {
  const clock = clockFound.clock as NonNullable<Found['clock']>;
  let { hour } = clock.time;
  // «العاشرة من مساء الخميس»: the part of the day stands in for «مساءً».
  if (!clock.meridiem && dayFoundd.part && hour < 12) {
    const part = dayFoundd.part;
    if (part === 'evening' || part === 'afternoon' || (part === 'noon' && hour <= 5) || (part === 'night' && hour >= 6)) hour += 12;
  }
  const time = { ...clock.time, hour };
  const day = dayFoundd.day ?? null;
  return { s, e, value: day ? formatInstant(day, time) : null, granularity: clockFound.granularity, day, clock: { ...clock, time } };
}

/**
 * Finds the time expressions in a text and resolves them against `anchor`, the article's published
 * date (ISO 8601); with a null or unreadable anchor, relative expressions come back with value null.
 * Never throws on any input text.
 */
export function findTimes(text: string, anchor: string | null): TimeExprMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return find(text, parseAnchor(anchor));
  } catch {
    // A failure in a corner of the grammar must not sink the article: no times rather than no analysis.
    return [];
  }
}

function find(text: string, anchor: Anchor | null): TimeExprMatch[] {
  const fold = foldDateText(text);
  const folded = fold.text;
  const found: Found[] = [];
  explicitDates(text, fold, anchor, found);
  dayWords(folded, anchor, found);
  partsOfDay(folded, anchor, found);
  weekdays(folded, anchor, found);
  periods(folded, anchor, found);
  agos(folded, anchor, found);
  spans(folded, anchor, found);
  months(folded, anchor, found);
  years(folded, found);
  clocks(folded, anchor, found);
  return joinClocks(folded, pickLongest(found)).map((f) => {
    const [start, end] = originalSpan(text, fold, f.s, f.e);
    return { start, end, text: text.slice(start, end), value: f.value, granularity: f.granularity };
  });
}

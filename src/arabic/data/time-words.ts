// Language data: weekday names, parts of the day, clock-hour words, counting words and time zones used in Arabic news.
//
// Format: typed tables of { surface form → value }. Surface forms are written in their usual
//   spelling; the matchers fold hamza/alef/ya/ta-marbuta variants and harakat, so «غداً» and
//   «غدا» need one entry. Weekdays use JavaScript's numbering (0 = Sunday … 6 = Saturday).
//   Parts of the day give [startHour, endHour) on the named day; an end past 24 runs into the next day.
// Source: general knowledge of Modern Standard Arabic press usage; RFC 822 §5 zone names.
// Changes: 2026-11 first version (dates and times, issue 2 §3).

export interface WeekdayName {
  readonly name: string;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  readonly weekday: number;
}

/** Arabic weekday names, with the article (as printed in datelines) and without (after «يوم»). */
export const WEEKDAYS: readonly WeekdayName[] = [
  { name: 'الأحد', weekday: 0 },
  { name: 'أحد', weekday: 0 },
  { name: 'الاثنين', weekday: 1 },
  { name: 'الإثنين', weekday: 1 },
  { name: 'اثنين', weekday: 1 },
  { name: 'الثلاثاء', weekday: 2 },
  { name: 'ثلاثاء', weekday: 2 },
  { name: 'الأربعاء', weekday: 3 },
  { name: 'أربعاء', weekday: 3 },
  { name: 'الخميس', weekday: 4 },
  { name: 'خميس', weekday: 4 },
  { name: 'الجمعة', weekday: 5 },
  { name: 'جمعة', weekday: 5 },
  { name: 'السبت', weekday: 6 },
  { name: 'سبت', weekday: 6 },
];

/** English weekday names for RFC 822 stamps and English CMS dates (matched case-insensitively). */
export const ENGLISH_WEEKDAYS: readonly WeekdayName[] = [
  { name: 'sunday', weekday: 0 },
  { name: 'monday', weekday: 1 },
  { name: 'tuesday', weekday: 2 },
  { name: 'wednesday', weekday: 3 },
  { name: 'thursday', weekday: 4 },
  { name: 'friday', weekday: 5 },
  { name: 'saturday', weekday: 6 },
  { name: 'sun', weekday: 0 },
  { name: 'mon', weekday: 1 },
  { name: 'tue', weekday: 2 },
  { name: 'tues', weekday: 2 },
  { name: 'wed', weekday: 3 },
  { name: 'thu', weekday: 4 },
  { name: 'thur', weekday: 4 },
  { name: 'thurs', weekday: 4 },
  { name: 'fri', weekday: 5 },
  { name: 'sat', weekday: 6 },
];

export type DayPart = 'dawn' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

export interface DayPartWord {
  readonly name: string;
  readonly part: DayPart;
}

/** Nouns naming a part of the day, as in «صباح الخميس», «مساء أمس», «فجر اليوم». */
export const DAY_PART_WORDS: readonly DayPartWord[] = [
  { name: 'فجر', part: 'dawn' },
  { name: 'صباح', part: 'morning' },
  { name: 'صبيحة', part: 'morning' },
  { name: 'ظهر', part: 'noon' },
  { name: 'ظهيرة', part: 'noon' },
  // «بعد ظهر الخميس» is the afternoon.
  { name: 'بعد ظهر', part: 'afternoon' },
  { name: 'عصر', part: 'afternoon' },
  { name: 'مساء', part: 'evening' },
  { name: 'ليل', part: 'night' },
  { name: 'ليلة', part: 'night' },
];

/**
 * Hours covered by each part of the day: [start, end) on the named day, end > 24 runs past midnight.
 * Chosen as the common news reading: «صباح» 06–12, «مساء» 18–24, «ليل/ليلة» 18–06 of the next morning.
 */
export const DAY_PART_HOURS: Readonly<Record<DayPart, readonly [number, number]>> = {
  dawn: [3, 6],
  morning: [6, 12],
  noon: [12, 15],
  afternoon: [15, 18],
  evening: [18, 24],
  night: [18, 30],
};

export type Meridiem = 'am' | 'pm' | 'noon' | 'afternoon' | 'evening' | 'night' | 'dawn';

export interface MeridiemWord {
  readonly name: string;
  readonly meridiem: Meridiem;
}

/** Words after a clock time that fix its half of the day: «العاشرة صباحًا», «10:30 م». */
export const MERIDIEM_WORDS: readonly MeridiemWord[] = [
  { name: 'صباحا', meridiem: 'am' },
  { name: 'صباحاً', meridiem: 'am' },
  { name: 'ص', meridiem: 'am' },
  { name: 'am', meridiem: 'am' },
  { name: 'a.m.', meridiem: 'am' },
  { name: 'فجرا', meridiem: 'dawn' },
  { name: 'ظهرا', meridiem: 'noon' },
  { name: 'عصرا', meridiem: 'afternoon' },
  { name: 'مساء', meridiem: 'evening' },
  { name: 'مساءً', meridiem: 'evening' },
  { name: 'م', meridiem: 'pm' },
  { name: 'pm', meridiem: 'pm' },
  { name: 'p.m.', meridiem: 'pm' },
  { name: 'ليلا', meridiem: 'night' },
  { name: 'ليلاً', meridiem: 'night' },
];

export interface NumberWord {
  readonly name: string;
  readonly value: number;
}

/** Clock hours as ordinals after «الساعة»: «الساعة العاشرة»، «الساعة الحادية عشرة». */
export const HOUR_WORDS: readonly NumberWord[] = [
  { name: 'الواحدة', value: 1 },
  { name: 'الثانية', value: 2 },
  { name: 'الثالثة', value: 3 },
  { name: 'الرابعة', value: 4 },
  { name: 'الخامسة', value: 5 },
  { name: 'السادسة', value: 6 },
  { name: 'السابعة', value: 7 },
  { name: 'الثامنة', value: 8 },
  { name: 'التاسعة', value: 9 },
  { name: 'العاشرة', value: 10 },
  { name: 'الحادية عشرة', value: 11 },
  { name: 'الحادية عشر', value: 11 },
  { name: 'الثانية عشرة', value: 12 },
  { name: 'الثانية عشر', value: 12 },
];

/** Minutes added after a clock hour: «العاشرة والنصف», «الثامنة إلا ربعًا». */
export const MINUTE_WORDS: readonly NumberWord[] = [
  { name: 'والنصف', value: 30 },
  { name: 'والربع', value: 15 },
  { name: 'والثلث', value: 20 },
  { name: 'إلا ربعا', value: -15 },
  { name: 'إلا الربع', value: -15 },
  { name: 'إلا ثلثا', value: -20 },
  { name: 'إلا الثلث', value: -20 },
];

/** Cardinals that count days, weeks, months, years: «ثلاثة أيام», «خمس سنوات». */
export const COUNT_WORDS: readonly NumberWord[] = [
  { name: 'ثلاثة', value: 3 },
  { name: 'ثلاث', value: 3 },
  { name: 'أربعة', value: 4 },
  { name: 'أربع', value: 4 },
  { name: 'خمسة', value: 5 },
  { name: 'خمس', value: 5 },
  { name: 'ستة', value: 6 },
  { name: 'ست', value: 6 },
  { name: 'سبعة', value: 7 },
  { name: 'سبع', value: 7 },
  { name: 'ثمانية', value: 8 },
  { name: 'ثماني', value: 8 },
  { name: 'ثمان', value: 8 },
  { name: 'تسعة', value: 9 },
  { name: 'تسع', value: 9 },
  { name: 'عشرة', value: 10 },
  { name: 'عشر', value: 10 },
];

/** The same cardinals as adjectives after a plural: «الأيام الثلاثة الماضية». */
export const COUNT_ADJECTIVES: readonly NumberWord[] = [
  { name: 'الثلاثة', value: 3 },
  { name: 'الثلاث', value: 3 },
  { name: 'الأربعة', value: 4 },
  { name: 'الأربع', value: 4 },
  { name: 'الخمسة', value: 5 },
  { name: 'الخمس', value: 5 },
  { name: 'الستة', value: 6 },
  { name: 'الست', value: 6 },
  { name: 'السبعة', value: 7 },
  { name: 'السبع', value: 7 },
  { name: 'الثمانية', value: 8 },
  { name: 'الثماني', value: 8 },
  { name: 'التسعة', value: 9 },
  { name: 'التسع', value: 9 },
  { name: 'العشرة', value: 10 },
  { name: 'العشر', value: 10 },
];

export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface UnitWord {
  readonly name: string;
  readonly unit: TimeUnit;
  /** 1 for the singular, 2 for the dual (which carries its own count), null for a plural that needs a number. */
  readonly count: 1 | 2 | null;
}

/** Units in singular, dual and plural (and the accusative singular after 11+: «20 يومًا»). */
export const UNIT_WORDS: readonly UnitWord[] = [
  { name: 'ساعة', unit: 'hour', count: 1 },
  { name: 'ساعتين', unit: 'hour', count: 2 },
  { name: 'ساعتان', unit: 'hour', count: 2 },
  { name: 'ساعات', unit: 'hour', count: null },
  { name: 'يوم', unit: 'day', count: 1 },
  { name: 'يوما', unit: 'day', count: 1 },
  { name: 'يومين', unit: 'day', count: 2 },
  { name: 'يومان', unit: 'day', count: 2 },
  { name: 'أيام', unit: 'day', count: null },
  { name: 'أسبوع', unit: 'week', count: 1 },
  { name: 'أسبوعا', unit: 'week', count: 1 },
  { name: 'أسبوعين', unit: 'week', count: 2 },
  { name: 'أسبوعان', unit: 'week', count: 2 },
  { name: 'أسابيع', unit: 'week', count: null },
  { name: 'شهر', unit: 'month', count: 1 },
  { name: 'شهرا', unit: 'month', count: 1 },
  { name: 'شهرين', unit: 'month', count: 2 },
  { name: 'شهران', unit: 'month', count: 2 },
  { name: 'أشهر', unit: 'month', count: null },
  { name: 'شهور', unit: 'month', count: null },
  { name: 'عام', unit: 'year', count: 1 },
  { name: 'عاما', unit: 'year', count: 1 },
  { name: 'عامين', unit: 'year', count: 2 },
  { name: 'عامان', unit: 'year', count: 2 },
  { name: 'أعوام', unit: 'year', count: null },
  { name: 'سنة', unit: 'year', count: 1 },
  { name: 'سنتين', unit: 'year', count: 2 },
  { name: 'سنتان', unit: 'year', count: 2 },
  { name: 'سنوات', unit: 'year', count: null },
  { name: 'سنين', unit: 'year', count: null },
];

/** Plural units after «خلال … الماضية»: «خلال الأيام الثلاثة الماضية», «خلال الساعات الـ24 الماضية». */
export const PLURAL_UNITS: readonly UnitWord[] = [
  { name: 'الساعات', unit: 'hour', count: null },
  { name: 'الأيام', unit: 'day', count: null },
  { name: 'الأسابيع', unit: 'week', count: null },
  { name: 'الأشهر', unit: 'month', count: null },
  { name: 'الشهور', unit: 'month', count: null },
  { name: 'الأعوام', unit: 'year', count: null },
  { name: 'السنوات', unit: 'year', count: null },
];

/** Adjectives after a period or a month name that say which one: «الأسبوع الماضي», «يناير المقبل». */
export const PAST_WORDS: readonly string[] = ['الماضي', 'الماضية', 'الفائت', 'الفائتة', 'المنصرم', 'المنصرمة', 'السابق', 'السابقة', 'الأخير', 'الأخيرة'];
export const FUTURE_WORDS: readonly string[] = ['المقبل', 'المقبلة', 'القادم', 'القادمة', 'التالي'];
export const CURRENT_WORDS: readonly string[] = ['الجاري', 'الجارية', 'الحالي', 'الحالية'];

/**
 * Words that put a bare weekday, month or yearless date in the future when they come before it in the
 * same sentence: «ستُقام المباراة السبت» is next Saturday, «أُقيمت المباراة السبت» last Saturday.
 * Only unambiguous cues: «سـ» verbs common in news (not every word in «سـ»: «سيتي», «سيارة», «سيرغي»).
 * Matched as whole words, with «و/ف» allowed before them.
 */
export const FUTURE_CUES: readonly string[] = [
  'سوف', 'المقرر', 'المزمع', 'المرتقب', 'المنتظر', 'يعتزم', 'تعتزم',
  'سيتم', 'ستتم', 'سيبدأ', 'ستبدأ', 'سيقام', 'ستقام', 'سيعقد', 'ستعقد', 'سيعقدان', 'سيكون', 'ستكون',
  'سيواجه', 'ستواجه', 'سيلعب', 'ستلعب', 'سيلتقي', 'ستلتقي', 'سيزور', 'ستزور', 'سينطلق', 'ستنطلق',
  'سيجتمع', 'ستجتمع', 'سيجري', 'ستجري', 'سيغيب', 'ستغيب', 'سيصدر', 'ستصدر', 'سيعود', 'ستعود',
  'سيناقش', 'ستناقش', 'سيعلن', 'ستعلن', 'سيصل', 'ستصل', 'سيشارك', 'ستشارك', 'سيحضر', 'ستحضر',
  'سيستمر', 'ستستمر', 'سينتهي', 'ستنتهي', 'سيلقي', 'ستلقي', 'سيتوجه', 'ستتوجه', 'سيخوض', 'ستخوض',
  'سيستضيف', 'ستستضيف', 'سيحتضن', 'ستحتضن', 'سيمثل', 'ستمثل', 'سيفتتح', 'ستفتتح', 'سيوقع', 'ستوقع',
  'سيصوت', 'سيقوم', 'ستقوم', 'سيدخل', 'ستدخل', 'سيغادر', 'ستغادر', 'سيلتقيان', 'سيتوجه',
];

export interface ZoneWord {
  readonly name: string;
  /** A fixed offset «+03:00» or an IANA zone resolved at the given date. */
  readonly zone: string;
}

/** Time zone names after a clock time: «بتوقيت مكة المكرمة», «ت غ» (AFP's «توقيت غرينتش»), RFC 822 names. */
export const ZONE_WORDS: readonly ZoneWord[] = [
  { name: 'بتوقيت مكة المكرمة', zone: '+03:00' },
  { name: 'بتوقيت مكة', zone: '+03:00' },
  { name: 'بتوقيت السعودية', zone: '+03:00' },
  { name: 'بتوقيت الرياض', zone: '+03:00' },
  { name: 'بتوقيت غرينتش', zone: '+00:00' },
  { name: 'بتوقيت جرينتش', zone: '+00:00' },
  { name: 'بتوقيت غرينيتش', zone: '+00:00' },
  { name: 'بتوقيت القاهرة', zone: 'Africa/Cairo' },
  { name: 'بتوقيت بيروت', zone: 'Asia/Beirut' },
  { name: 'بتوقيت دمشق', zone: 'Asia/Damascus' },
  { name: 'بتوقيت بغداد', zone: '+03:00' },
  { name: 'بتوقيت القدس', zone: 'Asia/Jerusalem' },
  { name: 'بتوقيت عمان', zone: 'Asia/Amman' },
  { name: 'بتوقيت الدوحة', zone: '+03:00' },
  { name: 'بتوقيت الكويت', zone: '+03:00' },
  { name: 'بتوقيت أبوظبي', zone: '+04:00' },
  { name: 'بتوقيت الإمارات', zone: '+04:00' },
  { name: 'بتوقيت الجزائر', zone: '+01:00' },
  { name: 'بتوقيت تونس', zone: '+01:00' },
  { name: 'بتوقيت الرباط', zone: 'Africa/Casablanca' },
  { name: 'ت.غ', zone: '+00:00' },
  { name: 'ت غ', zone: '+00:00' },
  { name: 'gmt', zone: '+00:00' },
  { name: 'utc', zone: '+00:00' },
  { name: 'ut', zone: '+00:00' },
  { name: 'z', zone: '+00:00' },
  { name: 'est', zone: '-05:00' },
  { name: 'edt', zone: '-04:00' },
  { name: 'cst', zone: '-06:00' },
  { name: 'cdt', zone: '-05:00' },
  { name: 'mst', zone: '-07:00' },
  { name: 'mdt', zone: '-06:00' },
  { name: 'pst', zone: '-08:00' },
  { name: 'pdt', zone: '-07:00' },
];

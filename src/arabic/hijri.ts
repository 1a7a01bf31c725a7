// Hijri ↔ Gregorian conversion: Umm al-Qura through Intl where the runtime has it, the tabular (civil) calendar otherwise.

/** A calendar day; month 1..12, day 1..31 (1..30 in the Hijri calendar). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** 'umalqura': the Saudi official calendar (Intl's islamic-umalqura); 'tabular': the arithmetic civil calendar. */
export type HijriMethod = 'umalqura' | 'tabular';

/** Julian day number of 1 Muharram 1 AH in the civil (Friday-epoch) tabular calendar. */
const CIVIL_EPOCH_JDN = 1948440;
/** Julian day number of 1970-01-01. */
const UNIX_EPOCH_JDN = 2440588;
const DAY_MS = 86_400_000;

/** Julian day number of a Gregorian date (proleptic, via Date.UTC, which handles all years we meet). */
export function gregorianToJdn(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS) + UNIX_EPOCH_JDN;
}

export function jdnToGregorian(jdn: number): CalendarDate {
  const d = new Date((jdn - UNIX_EPOCH_JDN) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Julian day number of a date in the tabular Hijri calendar (30-year cycle, leap years 2,5,7,10,13,16,18,21,24,26,29). */
export function tabularHijriToJdn(date: CalendarDate): number {
  return (
    date.day +
    Math.ceil(29.5 * (date.month - 1)) +
    (date.year - 1) * 354 +
    Math.floor((3 + 11 * date.year) / 30) +
    CIVIL_EPOCH_JDN -
    1
  );
}

export function jdnToTabularHijri(jdn: number): CalendarDate {
  const year = Math.floor((30 * (jdn - CIVIL_EPOCH_JDN) + 10646) / 10631);
  const month = Math.min(12, Math.ceil((jdn - 29 - tabularHijriToJdn({ year, month: 1, day: 1 })) / 29.5) + 1);
  const day = jdn - tabularHijriToJdn({ year, month, day: 1 }) + 1;
  return { year, month, day };
}

let umalquraFormat: Intl.DateTimeFormat | null | undefined;

/** The runtime's Umm al-Qura formatter, or null when its ICU lacks the calendar (built lazily, once). */
function umalqura(): Intl.DateTimeFormat | null {
  if (umalquraFormat !== undefined) return umalquraFormat;
  try {
    const format = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    umalquraFormat = format.resolvedOptions().calendar === 'islamic-umalqura' ? format : null;
  } catch {
    // A runtime built without full ICU rejects the calendar: the tabular calendar stands in.
    umalquraFormat = null;
  }
  return umalquraFormat;
}

function umalquraOfJdn(format: Intl.DateTimeFormat, jdn: number): CalendarDate | null {
  const parts = format.formatToParts(new Date((jdn - UNIX_EPOCH_JDN) * DAY_MS));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const date = { year: get('year'), month: get('month'), day: get('day') };
  return Number.isInteger(date.year) && Number.isInteger(date.month) && Number.isInteger(date.day) ? date : null;
}

/** Whether a Hijri date is well-formed (month 1..12, day 1..30, year 1..9999); not whether the month has 30 days. */
export function isPlausibleHijri(date: CalendarDate): boolean {
  return (
    Number.isInteger(date.year) && date.year >= 1 && date.year <= 9999 &&
    Number.isInteger(date.month) && date.month >= 1 && date.month <= 12 &&
    Number.isInteger(date.day) && date.day >= 1 && date.day <= 30
  );
}

/** The Hijri date of a Gregorian date. */
export function gregorianToHijri(date: CalendarDate, method: HijriMethod = 'umalqura'): CalendarDate {
  const jdn = gregorianToJdn(date);
  const format = method === 'umalqura' ? umalqura() : null;
  const fromIntl = format ? umalquraOfJdn(format, jdn) : null;
  return fromIntl ?? jdnToTabularHijri(jdn);
}

/**
 * The Gregorian date of a Hijri date, or null when it is not well-formed.
 * Umm al-Qura has no closed formula, so we search the days around the tabular estimate (they differ
 * by at most two days). A «30» in a month Umm al-Qura gives 29 days (an outlet that followed a local
 * sighting) is read as the day after the 29th rather than rejected.
 */
export function hijriToGregorian(date: CalendarDate, method: HijriMethod = 'umalqura'): CalendarDate | null {
  if (!isPlausibleHijri(date)) return null;
  const estimate = tabularHijriToJdn(date);
  const format = method === 'umalqura' ? umalqura() : null;
  if (!format) return jdnToGregorian(estimate);
  const find = (target: CalendarDate): number | null => {
    for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
      const h = umalquraOfJdn(format, estimate + delta);
      if (h && h.year === target.year && h.month === target.month && h.day === target.day) return estimate + delta;
    }
    return null;
  };
  const exact = find(date);
  if (exact !== null) return jdnToGregorian(exact);
  if (date.day === 30) {
    const last = find({ ...date, day: 29 });
    if (last !== null) return jdnToGregorian(last + 1);
  }
  return jdnToGregorian(estimate);
}

// Dates as the reader sees them: the article's own calendar day and clock, in Arabic or English month names.
import type { Lang } from '../i18n/labels.js';

const LOCALES: Record<Lang, string> = { ar: 'ar-u-nu-latn', en: 'en-GB' };
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** The date styles shown; a formatter per language and style is made once (the first costs the locale's data). */
const STYLES = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short' },
  shortYear: { day: 'numeric', month: 'short', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, style: keyof typeof STYLES): Intl.DateTimeFormat {
  // Called once per bar of a chart: the key is a plain concatenation, not the options serialised.
  const key = `${lang}:${style}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...STYLES[style], timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

/**
 * A readable date for an ISO day or date-time, on the day the article was written: «2025-03-04T23:30:00+03:00» is
 * 4 March where it was published, whatever the reader's time zone. Unparseable input is returned as it is.
 */
export function formatDate(iso: string | null | undefined, lang: Lang, withTime = false): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(utc)) return iso;
  const day = format(lang, 'long').format(utc);
  return withTime && m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

/** A short day label for chart axes («4 مارس», "4 Mar"), with the year when an axis spans more than one («4 Mar 2025»). */
export function formatShortDay(day: string, lang: Lang, withYear = false): string {
  const m = ISO.exec(day);
  if (!m) return day;
  return format(lang, withYear ? 'shortYear' : 'short').format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The YYYY-MM-DD day of an ISO date or date-time, as written. */
export function dayOf(iso: string | null | undefined): string | null {
  const m = iso ? ISO.exec(iso) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

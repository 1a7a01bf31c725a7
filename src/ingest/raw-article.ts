// RawArticle: what a reader found (metadata and body paragraphs) before cleaning, and the shared helpers readers use.
import type { Removed } from '../model/analysis.js';
import { parseArticleDate } from '../arabic/dates.js';

/** Metadata and raw body paragraphs of one article, as read, before cleaning. */
export interface RawArticle {
  /** The id the input carried (JSONL `id`, feed guid / Atom id). */
  sourceId?: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** ISO 8601 (via parseArticleDate, or the input's own ISO string), null when absent or unreadable. */
  published: string | null;
  title: string | null;
  caption: string | null;
  photoCredit: string | null;
  /** A language the input declared (<html lang>, feed <language>); cleanArticle guesses when null. */
  language: string | null;
  /** Body paragraphs, untrimmed and uncleaned. */
  paragraphs: string[];
  /** What the reader already took out (header lines it used, furniture). */
  removed: Removed[];
  /** Sections or categories the input named (feed <category>, JSONL category); not in Article. */
  categories?: string[];
  source: string;
}

/** A JSONL line that could not be read; the other lines go on. */
export interface RecordError {
  line: number;
  code: 'E_JSONL_RECORD';
  message: string;
}

export function isRecordError(value: RawArticle | RecordError): value is RecordError {
  return 'code' in value && value.code === 'E_JSONL_RECORD';
}

/** An empty RawArticle for `source`, to fill in. */
export function createRawArticle(source: string): RawArticle {
  return {
    sourceId: null,
    outlet: null,
    author: null,
    url: null,
    published: null,
    title: null,
    caption: null,
    photoCredit: null,
    language: null,
    paragraphs: [],
    removed: [],
    source,
  };
}

/** ISO 8601 date or date-time, with optional seconds, fraction and offset. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;

/**
 * Normalises a date found in an input to ISO 8601: ISO strings pass through as written (a space separator
 * becomes «T»; a naive SaudiNewsNet «2015-08-06T01:00:00» stays naive), anything else goes to
 * parseArticleDate (RFC 822 feed dates, «06-يناير-2022» → 2022-01-06). Null when nothing reads as a date.
 */
export function toIsoDate(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const s = input.trim();
  if (s === '' || s.length > 200) return null;
  if (ISO_DATE.test(s)) return s.replace(' ', 'T');
  return parseArticleDate(s)?.value ?? null;
}

/** Trims and turns empty strings into null. */
export function nonEmpty(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.replace(/[\s\u00A0]+/gu, ' ').trim();
  return t === '' ? null : t;
}

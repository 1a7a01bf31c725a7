// Text dump reader: header lines (date, title, caption with photo credit, «outlet – author» byline)
// detected by shape, then body paragraphs separated by blank lines.
import { createRawArticle, toIsoDate, type RawArticle } from './raw-article.js';
import { isBlank, tidyParagraph } from './script.js';

/** Header lines are short; a body paragraph is not. */
const MAX_HEADER_CHARS = 160;
/** The header zone: at most this many non-blank lines before the body starts. */
const MAX_HEADER_LINES = 6;

/** Dashes that separate outlet and author in a byline: en dash, em dash, hyphen, minus, horizontal bar. */
const BYLINE_DASH = /\s+[–—―−-]\s+/u;

/**
 * Splits a trailing parenthesised photo credit off a caption:
 * «تصعيد مستمر في كازخستان (رويترز)» → caption «تصعيد مستمر في كازخستان», credit «رويترز».
 * The credit is short (≤ 6 words); null when there is none.
 */
export function splitCredit(line: string): { caption: string; credit: string } | null {
  const m = /^(.*?\S)\s*[(（]([^()（）]{1,60})[)）]\s*\.?$/u.exec(tidyParagraph(line));
  if (m === null) return null;
  const credit = m[2]!.trim().replace(/^(?:الصورة|تصوير|صورة|photo)\s*[:：]\s*/iu, '');
  if (credit === '' || credit.split(/\s+/u).length > 6) return null;
  return { caption: m[1]!, credit };
}

/** «الترا صوت – فريق التحرير» → outlet «الترا صوت», author «فريق التحرير». Each side ≤ 5 words, no sentence punctuation. */
export function splitByline(line: string): { outlet: string; author: string } | null {
  const t = tidyParagraph(line);
  if (t.length > 100 || /[.!?؟،,:؛]/u.test(t)) return null;
  const parts = t.split(BYLINE_DASH);
  if (parts.length !== 2) return null;
  const [outlet, author] = parts.map((p) => p.trim()) as [string, string];
  const words = (s: string): number => (s === '' ? 0 : s.split(/\s+/u).length);
  if (words(outlet) === 0 || words(author) === 0 || words(outlet) > 5 || words(author) > 5) return null;
  return { outlet, author };
}

/** A body paragraph rather than a header line: long, or ending like a sentence. */
function looksLikeBody(line: string): boolean {
  const t = tidyParagraph(line);
  return t.length > MAX_HEADER_CHARS || /[.!?؟»"]$/u.test(t);
}

/**
 * Reads a text dump. Any header line may be missing; each is recognised by its shape, in any order,
 * among the first non-blank lines before the first body-like line. Body paragraphs are blocks separated
 * by blank lines (lines holding only NBSP count as blank); a dump without blank lines has one paragraph per line.
 */
export function parseTextDump(text: string, source = 'text'): RawArticle {
  const raw = createRawArticle(source);
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  let i = 0;
  let headerLines = 0;
  while (i < lines.length && headerLines < MAX_HEADER_LINES) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const t = tidyParagraph(line);
    if (looksLikeBody(t) && !(t.length <= 40 && raw.published === null && toIsoDate(t) !== null)) break;
    // A dateline is short and comes first or second; «قمة 6 يناير 2022 في الرياض» further down is a title.
    if (raw.published === null && t.length <= 60 && headerLines < 2 && t.split(/\s+/u).length <= 8) {
      const date = toIsoDate(t);
      if (date !== null) {
        raw.published = date;
        raw.removed.push({ kind: 'dateline', text: t });
        i++;
        headerLines++;
        continue;
      }
    }
    const byline = raw.outlet === null ? splitByline(t) : null;
    if (byline !== null) {
      raw.outlet = byline.outlet;
      raw.author = byline.author;
      raw.removed.push({ kind: 'byline', text: t });
    } else {
      const credit = raw.caption === null ? splitCredit(t) : null;
      if (credit !== null) {
        raw.caption = credit.caption;
        raw.photoCredit = credit.credit;
        raw.removed.push({ kind: 'caption', text: t });
      } else if (raw.title === null && raw.caption === null && raw.outlet === null && (i + 1 >= lines.length || isBlank(lines[i + 1]!))) {
        // A short line standing alone before caption and byline is the headline; one that runs on into the
        // next line is the start of a wrapped paragraph.
        raw.title = t;
      } else {
        break;
      }
    }
    i++;
    headerLines++;
  }
  raw.paragraphs = bodyParagraphs(lines.slice(i));
  return raw;
}

function bodyParagraphs(lines: string[]): string[] {
  const hasBlankSeparators = lines.some((l, k) => isBlank(l) && k > 0 && k < lines.length - 1);
  if (!hasBlankSeparators) return lines.filter((l) => !isBlank(l));
  const paragraphs: string[] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (block.length > 0) paragraphs.push(block.join(' '));
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) paragraphs.push(block.join(' '));
  return paragraphs;
}

// Script statistics for ingest (Arabic vs Latin letters, a language guess) and paragraph tidying.
import { isArabicLetter } from '../arabic/chars.js';

/** Latin letters, ASCII and Latin-1/Extended-A (à, é, ç…). */
export const LATIN_LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]/u;
const LATIN_LETTER_GLOBAL = new RegExp(LATIN_LETTER.source, 'gu');

/** Counts Arabic and Latin letters in `text`. */
export function countLetters(text: string): { arabic: number; latin: number } {
  let arabic = 0;
  for (let i = 0; i < text.length; i++) if (isArabicLetter(text.charCodeAt(i))) arabic++;
  const latin = text.match(LATIN_LETTER_GLOBAL)?.length ?? 0;
  return { arabic, latin };
}

// Small function-word lists: enough to tell English from French in a mostly-Latin article.
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said']);
const FRENCH_WORDS = new Set(['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'que', 'qui', 'sur', 'au']);

/**
 * Guesses the language: 'ar' when Arabic letters are at least half the letters, else 'en' or 'fr'
 * by function words, else 'und'. Only the first 20,000 characters are looked at.
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const { arabic, latin } = countLetters(sample);
  if (arabic === 0 && latin === 0) return 'und';
  if (arabic >= latin) return 'ar';
  let en = 0;
  let fr = 0;
  for (const word of sample.toLowerCase().split(/[^a-zà-ÿ']+/u)) {
    if (ENGLISH_WORDS.has(word)) en++;
    if (FRENCH_WORDS.has(word)) fr++;
  }
  if (en === 0 && fr === 0) return 'und';
  return en >= fr ? 'en' : 'fr';
}

/** Unicode spaces that news pages use between words: NBSP, narrow NBSP, en/em spaces, ideographic. */
export const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

/** Control characters that never belong in article text (C0 except tab/newline, DEL, C1, BOM, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this class.
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/gu;

/**
 * Tidies one paragraph: control characters out, Unicode spaces and tabs to a plain space, runs of spaces
 * folded, ends trimmed. «الأمانة العامة\u00A0لمنظمة» becomes «الأمانة العامة لمنظمة».
 */
export function tidyParagraph(text: string): string {
  return text
    .replace(CONTROL_CHARS, '')
    .replace(UNICODE_SPACES, ' ')
    .replace(/[ \t\r\n\f\v]+/gu, ' ')
    .trim();
}

/** True when `line` holds no visible character (NBSP-only lines count as blank: the seed has one). */
export function isBlank(line: string): boolean {
  return tidyParagraph(line) === '';
}

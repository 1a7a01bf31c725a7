// Repeated sentences: a pull-quote printed again in the body («أكد لافروف…» twice) yields no second quote or event.
import { normalizeForMatch } from '../../../arabic/normalize.js';
import type { Span } from '../../../model/analysis.js';

/** Sentences shorter than this (folded characters) are never treated as repeats: «وأضاف:» may recur. */
const MIN_REPEAT = 40;

/** Indices of sentences whose folded text already appeared in an earlier sentence (whole or as a part of it). */
export function repeatedSentences(text: string, sentences: readonly Span[]): Set<number> {
  const out = new Set<number>();
  const seen: string[] = [];
  sentences.forEach((s, i) => {
    const key = normalizeForMatch(text.slice(s.start, s.end)).text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key.length >= MIN_REPEAT && seen.some((earlier) => earlier.includes(key))) out.add(i);
    seen.push(key);
  });
  return out;
}

// Repeated sentences: a pull-quote printed again in the body («أكد لافروف…» twice) yields no second quote or event.
import { foldWord } from '../../../arabic/normalize.js';
import type { Span } from '../../../model/analysis.js';
import { wordIndexAt, type MatchWord } from './words.js';

/** Sentences shorter than this (folded characters) are never treated as repeats: «وأضاف:» may recur. */
const MIN_REPEAT = 40;

/**
 * Indices of sentences whose folded words already appeared in an earlier sentence (whole or as a part of it).
 * `words` (from findMatchWords over the same text) saves folding the text again.
 */
export function repeatedSentences(text: string, sentences: readonly Span[], words?: readonly MatchWord[]): Set<number> {
  const out = new Set<number>();
  const seen: string[] = [];
  sentences.forEach((s, i) => {
    let key: string;
    if (words) {
      const parts: string[] = [];
      for (let j = wordIndexAt(words, s.start); j < words.length && (words[j] as MatchWord).start < s.end; j++) {
        const w = words[j] as MatchWord;
        if (w.kind === 'word' || w.kind === 'latin' || w.kind === 'number') parts.push(w.folded);
      }
      key = parts.join(' ');
    } else {
      key = text
        .slice(s.start, s.end)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((x) => x.length > 0)
        .map(foldWord)
        .join(' ');
    }
    if (key.length >= MIN_REPEAT && seen.some((earlier) => earlier.includes(key))) out.add(i);
    seen.push(key);
  });
  return out;
}

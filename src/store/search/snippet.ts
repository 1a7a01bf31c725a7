// Snippets: a window of the original text around the densest run of query terms, with highlights on the original characters.
import type { Highlight, Snippet } from '../types.js';
import type { TextAnalyzer } from './text-analyzer.js';

export interface SnippetOptions {
  /** Tokens in the window (default 32). */
  window?: number;
}

const ELLIPSIS = '…';

/**
 * Highlights every token whose index term is a query term. Offsets come from the tokeniser on the original
 * text, so «وَالرَّئِيس» is highlighted whole, harakat and clitics included, though the index holds «رييس».
 */
export function findHighlights(text: string, terms: ReadonlySet<string>, analyzer: TextAnalyzer): Highlight[] {
  const out: Highlight[] = [];
  for (const t of analyzer.terms(text)) if (terms.has(t.term)) out.push({ start: t.start, end: t.end });
  return out;
}

/** The best window of `text` for the query terms, or its opening when none occurs (a match in the title only). */
export function buildSnippet(text: string, terms: ReadonlySet<string>, analyzer: TextAnalyzer, options: SnippetOptions = {}): Snippet {
  const size = options.window ?? 32;
  const tokens = analyzer.terms(text);
  if (tokens.length === 0) return { text: '', start: 0, end: 0, highlights: [] };
  // Slide a window over the tokens; score = distinct query terms inside, then total hits; earliest wins ties.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (!terms.has((tokens[i] as (typeof tokens)[number]).term) && i !== 0) continue;
    const seen = new Set<string>();
    let hits = 0;
    for (let j = i; j < Math.min(tokens.length, i + size); j++) {
      const term = (tokens[j] as (typeof tokens)[number]).term;
      if (terms.has(term)) {
        seen.add(term);
        hits++;
      }
    }
    const score = seen.size * 1000 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Start a few tokens before the first hit, so the reader sees what leads to it.
  const first = Math.max(0, best - 4);
  const last = Math.min(tokens.length, first + size) - 1;
  const start = first === 0 ? 0 : (tokens[first] as (typeof tokens)[number]).start;
  const end = last === tokens.length - 1 ? text.length : (tokens[last] as (typeof tokens)[number]).end;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const highlights: Highlight[] = [];
  for (let k = first; k <= last; k++) {
    const t = tokens[k] as (typeof tokens)[number];
    if (terms.has(t.term)) highlights.push({ start: t.start - start + prefix.length, end: t.end - start + prefix.length });
  }
  return { text: prefix + text.slice(start, end).replace(/\s+/gu, ' ') + suffix, start, end, highlights: fixAfterSpaces(text.slice(start, end), highlights, prefix.length) };
}

/**
 * Whitespace runs are collapsed in the snippet text (a SaudiNewsNet body keeps «\n » line breaks), so the
 * highlight offsets computed on the raw slice are shifted by what was removed before them.
 */
function fixAfterSpaces(raw: string, highlights: Highlight[], shift: number): Highlight[] {
  if (!/\s\s/u.test(raw) && !/[\n\t\r]/u.test(raw)) return highlights;
  // Map raw offsets to collapsed offsets.
  const map = new Int32Array(raw.length + 1);
  let out = 0;
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    map[i] = out;
    const space = /\s/u.test(raw[i] as string);
    if (space) {
      if (!inSpace) out++;
      inSpace = true;
    } else {
      out++;
      inSpace = false;
    }
  }
  map[raw.length] = out;
  return highlights.map((h) => ({ start: (map[h.start - shift] as number) + shift, end: (map[h.end - shift] as number) + shift }));
}

/** Wraps highlights in markers for a terminal or plain text. */
export function markHighlights(text: string, highlights: readonly Highlight[], open = '[', close = ']'): string {
  let out = '';
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}

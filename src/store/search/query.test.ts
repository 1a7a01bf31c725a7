// The query language: words, phrases, OR, exclusion and groups compile to quoted FTS5; user mistakes are E_QUERY errors.
import { describe, expect, it } from 'vitest';
import { isMarsadError } from '../../model/errors.js';
import { parseQuery, positiveTerms, toFtsMatch } from './query.js';
import type { TextAnalyzer } from './text-analyzer.js';

// A stand-in analyzer: one term per space-separated word, with «و»/«ال» stripped, enough to see the compiler's shape.
const analyzer: TextAnalyzer = {
  terms(text) {
    const out: Array<{ term: string; start: number; end: number }> = [];
    for (const m of text.matchAll(/[^\s،.]+/gu)) out.push({ term: m[0].replace(/^و?ال/u, '').replace(/ة$/u, 'ه'), start: m.index, end: m.index + m[0].length });
    return out;
  },
  indexText: (text) => text,
};

describe('parseQuery and toFtsMatch', () => {
  it.each([
    ['الرئيس', '"رئيس"'],
    ['الرئيس الوزراء', '("رئيس" AND "وزراء")'],
    ['"رئيس الوزراء"', '"رئيس وزراء"'],
    ['«رئيس الوزراء»', '"رئيس وزراء"'],
    ['جدة OR أبها', '("جده" OR "أبها")'],
    ['أسعار -النفط', '(("أسعار") NOT "نفط")'],
    ['أسعار -"سوق النفط"', '(("أسعار") NOT "سوق نفط")'],
    ['(جدة OR أبها) مظاهرة', '(("جده" OR "أبها") AND "مظاهره")'],
    ['أسعار AND المياه', '("أسعار" AND "مياه")'],
    ['أسعار ، المياه', '("أسعار" AND "مياه")'],
    // A word that is FTS5 syntax in English is only ever a quoted term.
    ['NEAR NOT', '("NEAR" AND "NOT")'],
  ])('%s → %s', (query, expected) => {
    expect(toFtsMatch(parseQuery(query, analyzer))).toBe(expected);
  });

  it('searches both readings of a word typed with ه for ة', () => {
    // As the real segmenter does: «مظاهره» as typed reads as مظاهر + ه, «مظاهرة» as one word.
    const hurried: TextAnalyzer = { ...analyzer, terms: (text) => (text === 'مظاهره' ? [{ term: 'مظاهر', start: 0, end: 6 }] : analyzer.terms(text)) };
    expect(toFtsMatch(parseQuery('مظاهره', hurried))).toBe('("مظاهر" OR "مظاهره")');
  });

  it('collects the positive terms for highlighting, not the excluded ones', () => {
    expect([...positiveTerms(parseQuery('أسعار OR المياه -النفط', analyzer))].sort()).toEqual(['أسعار', 'مياه']);
  });

  it.each([
    ['', 'empty query'],
    ['   ', 'empty query'],
    ['"غير مغلق', 'closing "'],
    ['(جدة', 'Expected ")"'],
    ['جدة)', 'unmatched ")"'],
    ['OR جدة', 'before OR'],
    ['جدة OR', 'after OR'],
    ['-جدة', 'only exclusions'],
    ['""', 'inside the quotes'],
    ['جدة OR -أبها', 'around OR'],
  ])('rejects %j with a clear E_QUERY message (%s)', (query, fragment) => {
    let caught: unknown;
    try {
      parseQuery(query, analyzer);
    } catch (error) {
      caught = error;
    }
    expect(isMarsadError(caught) && caught.code === 'E_QUERY').toBe(true);
    expect((caught as Error).message).toContain(fragment);
  });
});

// The search text analyzer: one term per surface token (clitic-free, match-folded stem) with its span in the original text.
import { tokenize, type Token } from '../../arabic/tokenize.js';
import { foldWord } from '../../arabic/normalize.js';
import type { Segmenter } from '../../arabic/clitics.js';
import type { Article } from '../../model/analysis.js';

/** One index term and where its token sits in the text it came from. */
export interface Term {
  term: string;
  start: number;
  end: number;
}

export interface TextAnalyzer {
  /** Terms of a text, in order; the same function runs on documents and on query words. */
  terms(text: string): Term[];
  /** The terms joined by spaces: what goes into the FTS5 column (unicode61 then splits on the spaces). */
  indexText(text: string): string;
}

/** Token kinds that carry searchable words; punctuation and symbols never become terms. */
const TERM_KINDS: ReadonlySet<Token['kind']> = new Set(['word', 'latin', 'number', 'percent', 'hashtag', 'handle']);

/**
 * FTS5's unicode61 tokenizer treats harakat as separators, so «مُحَمَّد» would be indexed as م ح م د.
 * We hand it text that is already one folded stem per token: «والرئيس», «للرئيس», «الرَّئيس» and «رئيس»
 * all become «رييس», and the query goes through the same function, so they all match.
 */
export function createTextAnalyzer(segmenter: Segmenter): TextAnalyzer {
  const termOf = (token: Token): string => {
    if (token.kind === 'word') return segmenter.stem(token.text);
    if (token.kind === 'hashtag' || token.kind === 'handle') {
      // «#موناليزا» is searched as the word «موناليزا».
      const body = token.text.slice(1);
      return /[\u0600-\u06FF]/u.test(body) ? segmenter.stem(body) : foldWord(body).toLowerCase();
    }
    return foldWord(token.text).toLowerCase();
  };
  const terms = (text: string): Term[] => {
    const out: Term[] = [];
    for (const token of tokenize(text)) {
      if (!TERM_KINDS.has(token.kind)) continue;
      const term = cleanTerm(termOf(token));
      if (term !== '') out.push({ term, start: token.start, end: token.end });
    }
    return out;
  };
  return {
    terms,
    indexText: (text) => terms(text).map((t) => t.term).join(' '),
  };
}

/**
 * Keeps letters and digits only, so a term is exactly one unicode61 token: «كوفيد-19» would otherwise be
 * two tokens in the index but one quoted string in a query, and a phrase would never line up.
 */
function cleanTerm(term: string): string {
  return term.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The three FTS5 columns of an article: title, lead (first paragraph) and the rest of the body, as index terms. */
export function indexFields(analyzer: TextAnalyzer, article: Pick<Article, 'title' | 'text' | 'paragraphs'>): { title: string; lead: string; body: string } {
  const lead = article.paragraphs[0];
  const leadText = lead ? article.text.slice(lead.start, lead.end) : '';
  const bodyText = lead ? article.text.slice(0, lead.start) + ' ' + article.text.slice(lead.end) : article.text;
  return { title: analyzer.indexText(article.title ?? ''), lead: analyzer.indexText(leadText), body: analyzer.indexText(bodyText) };
}


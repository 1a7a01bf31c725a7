// Stage `quotes`: who said what — direct and reported speech with speaker, cue, channel and relay.
import { z } from 'zod';
import type { Stage } from '../../pipeline.js';
import { sharedMatchWords } from '../events/words.js';
import { findQuotes } from './find-quotes.js';
import type { QuoteLexicon } from './lexicon.js';

export const QuotesStageOptions = z.strictObject({});
export type QuotesStageOptions = z.infer<typeof QuotesStageOptions>;

export const quotes: Stage<QuotesStageOptions, QuoteLexicon> = {
  name: 'quotes',
  requires: ['sentences', 'entities', 'times'],
  provides: ['quotes'],
  options: QuotesStageOptions,
  create: (_options, lexicon) => (doc) => {
    const { article, sentences, entities, times } = doc.analysis;
    const words = sharedMatchWords(doc.scratch, article.text);
    doc.analysis.quotes = findQuotes({ text: article.text, sentences, entities, times: times.filter((t) => t.field === undefined), words }, lexicon);
    return doc;
  },
};

export { findQuotes, findMarkSpans, type QuoteInput, type MarkSpan } from './find-quotes.js';
export { loadQuoteLexicon, parseQuoteLexicon, type QuoteLexicon, type Cue, type CueRole } from './lexicon.js';

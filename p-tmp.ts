import { analyseSeed } from './eval/seed-events.js';
import { findQuotes } from './src/engine/stages/quotes/find-quotes.js';
import { loadQuoteLexicon } from './src/engine/stages/quotes/lexicon.js';
import { findEvents } from './src/engine/stages/events/find-events.js';
import { loadEventLexicon } from './src/engine/stages/events/lexicon.js';
const a = await analyseSeed('/work/shared/seeds/000_d756f70e890e7ef2.txt', () => {});
const ql = loadQuoteLexicon('resources/quotes/quote-lexicon.tsv'); const el = loadEventLexicon('resources/events/event-lexicon.tsv');
const body = { text: a.article.text, sentences: a.sentences, entities: a.entities, times: a.times.filter(t => t.field === undefined) };
let tq = 0, te = 0;
for (let i = 0; i < 200; i++) { const t0 = performance.now(); const quotes = findQuotes(body, ql); const t1 = performance.now(); findEvents({ ...body, published: a.article.published, quotes }, el); tq += t1 - t0; te += performance.now() - t1; }
console.log(`seed (${a.article.text.split(/\s+/).length} words, ${a.entities.length} entities): quotes ${(tq/200).toFixed(2)} ms, events ${(te/200).toFixed(2)} ms per article`);

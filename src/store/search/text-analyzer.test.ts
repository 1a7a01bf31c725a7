// The search analyzer on the shipped clitic lexicon: clitic, hamza, alef, ى/ي, ة/ه and harakat variants give one term.
import { describe, expect, it } from 'vitest';
import { loadSearchAnalyzer } from '../index.js';
import { defaultResourcesDir } from '../../engine/resources.js';
import { buildSnippet, findHighlights, markHighlights } from './snippet.js';

const analyzer = loadSearchAnalyzer(defaultResourcesDir());
const termOf = (word: string) => analyzer.terms(word).map((t) => t.term);

describe('search text analyzer', () => {
  it.each([
    ['clitics', ['رئيس', 'الرئيس', 'والرئيس', 'للرئيس', 'بالرئيس', 'ورئيسه']],
    ['harakat and shadda', ['محمد', 'مُحَمَّد', 'مُحمّد']],
    ['hamza on alef', ['أحمد', 'احمد', 'إحمد']],
    ['alef maksura', ['مستشفى', 'مستشفي', 'المستشفى']],
    ['ta marbuta', ['مدينة', 'مدينه', 'المدينة', 'بالمدينة']],
    ['tatweel', ['جـدة', 'جدة']],
  ])('%s: every form gives the same term', (_name, forms) => {
    const terms = forms.map((f) => termOf(f).join(' '));
    expect(new Set(terms).size, JSON.stringify(terms)).toBe(1);
    expect(terms[0]).not.toBe('');
  });

  it('keeps different words apart', () => {
    expect(termOf('وزير')).not.toEqual(termOf('زير'));
    expect(termOf('سوريا')).not.toEqual(termOf('وريا'));
  });

  it('gives one term per token, spans on the original text', () => {
    const text = 'قال الرَّئيسُ: نعم، 25 شخصاً.';
    const terms = analyzer.terms(text);
    expect(terms.map((t) => text.slice(t.start, t.end))).toEqual(['قال', 'الرَّئيسُ', 'نعم', '25', 'شخصاً']);
    expect(analyzer.indexText(text).split(' ')).toHaveLength(5);
  });

  it('highlights the original characters of a matching token, harakat and clitics included', () => {
    const text = 'وصل وَالرَّئِيس إلى المدينة';
    const terms = new Set(termOf('رئيس'));
    const [h] = findHighlights(text, terms, analyzer);
    expect(text.slice(h!.start, h!.end)).toBe('وَالرَّئِيس');
  });

  it('builds a snippet around the query words with highlights inside the snippet text', () => {
    const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
    words[40] = 'بالمستشفى';
    const text = words.join(' ');
    const snippet = buildSnippet(text, new Set(termOf('مستشفى')), analyzer, { window: 10 });
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.highlights).toHaveLength(1);
    expect(markHighlights(snippet.text, snippet.highlights)).toContain('[بالمستشفى]');
    expect(text.slice(snippet.start, snippet.end)).toContain('بالمستشفى');
  });

  it('keeps highlights aligned after collapsing line breaks', () => {
    const text = 'أول\n  سطر   ثم\n المستشفى هنا';
    const snippet = buildSnippet(text, new Set(termOf('مستشفى')), analyzer);
    const h = snippet.highlights[0]!;
    expect(snippet.text.slice(h.start, h.end)).toBe('المستشفى');
  });
});

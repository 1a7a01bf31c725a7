// News statistics for the NER: usage counts per stem and the news tagger's labels, on self-written sentences.
import { describe, expect, it } from 'vitest';
import { foldForm, NEWS_TAGGED } from '../src/engine/stages/ner/features.js';
import { addTaggerLabels, createUsageCounts } from './build-word-stats.js';

const folded = (text: string): string[] => text.split(' ').map(foldForm);

describe('word statistics', () => {
  it('counts a stem with and without the article, and its suffixed forms', () => {
    const counts = createUsageCounts();
    counts.add(folded('غطى التراب الطريق وبقي ترابها على الطريق'));
    counts.add(folded('وصل سامر إلى الطريق والتراب يغطي ترابهم'));
    const stems = counts.finish();
    // «تراب»: in «التراب» twice (once behind «و»), never bare; «ترابها» and «ترابهم» are its suffixed forms.
    expect([...stems.get('تراب')!.slice(0, NEWS_TAGGED)]).toEqual([2, 2, 2]);
    // «سامر» alone, never with the article or a suffix: the shape of a name.
    expect([...stems.get('سامر')!.slice(0, NEWS_TAGGED)]).toEqual([1, 0, 0]);
    expect([...stems.get('طريق')!.slice(0, NEWS_TAGGED)]).toEqual([3, 3, 0]);
  });

  it('adds the tagger\'s B- and I- labels per type to the stems', () => {
    const counts = createUsageCounts();
    const sentence = folded('قال سامر الحداد في دمشق');
    counts.add(sentence);
    const stems = counts.finish();
    addTaggerLabels(stems, sentence, ['O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']);
    addTaggerLabels(stems, sentence, ['O', 'B-ORG', 'O', 'O', 'B-LOC']);
    // Columns after the counts: B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC.
    expect([...stems.get('سامر')!.slice(NEWS_TAGGED)]).toEqual([1, 0, 0, 0, 1, 0, 0, 0]);
    expect([...stems.get('حداد')!.slice(NEWS_TAGGED)]).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect([...stems.get('دمشق')!.slice(NEWS_TAGGED)]).toEqual([0, 0, 2, 0, 0, 0, 0, 0]);
    expect([...stems.get('قال')!.slice(NEWS_TAGGED)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

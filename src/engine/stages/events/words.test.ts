// Match keys of Arabic words (clitics stripped, folded), the phrase index, and repeated sentences.
import { describe, expect, it } from 'vitest';
import { createPhraseIndex, findMatchWords, keysOf } from './words.js';
import { repeatedSentences } from './repeats.js';
import { foldWord } from '../../../arabic/normalize.js';

describe('keysOf', () => {
  it.each([
    ['وأدان', 'ادان', false],
    ['المتظاهرين', 'متظاهرين', false],
    ['للمتظاهرين', 'متظاهرين', false],
    ['بالرصاص', 'رصاص', false],
    ['سيرسل', 'يرسل', true],
    ['وستذهب', 'تذهب', true],
    ['اتصاله', 'اتصال', false],
  ])('«%s» can be read as «%s»', (word, key, future) => {
    expect(keysOf(foldWord(word))).toContainEqual({ key, future });
  });

  it('never takes a folded ة for a pronoun: «وزارة» is not «وزار» + ه', () => {
    const [word] = findMatchWords('وزارة');
    expect(word?.keys.map((k) => k.key)).not.toContain('زار');
  });

  it('keeps «سوريا» whole: س is the future only before an imperfect prefix', () => {
    expect(keysOf(foldWord('سوريا')).some((k) => k.future)).toBe(false);
  });
});

describe('createPhraseIndex', () => {
  it('prefers the longest phrase and lets later words carry clitics', () => {
    const index = createPhraseIndex([
      { phrase: 'قطع', value: 'cut' },
      { phrase: 'قطع الإنترنت', value: 'shutdown' },
    ]);
    const words = findMatchWords('وقطع الإنترنت عن المدينة');
    expect(index.matchAt(words, 0)).toEqual({ value: 'shutdown', length: 2, future: false });
  });
});

describe('repeatedSentences', () => {
  it('marks a pull-quote printed again, not short sentences', () => {
    const long = 'أكد وزير الخارجية دعم بلاده الكامل لجهود الوساطة في المنطقة';
    const text = `${long} خلال لقائه نظيره. وأضاف: نعم. ${long}. وأضاف: نعم.`;
    const a = text.indexOf('. وأضاف') + 2;
    const b = text.indexOf(long, 1);
    const sentences = [
      { start: 0, end: a - 1 },
      { start: a, end: a + 10 },
      { start: b, end: b + long.length + 1 },
      { start: b + long.length + 2, end: text.length },
    ];
    expect([...repeatedSentences(text, sentences)]).toEqual([2]);
  });
});

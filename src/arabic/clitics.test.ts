// Clitic segmentation on a hand-made mini lexicon: splits, names kept whole, offsets, stems, lexicon parsing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMarsadError } from '../model/errors.js';
import {
  DEFAULT_PRIORS,
  FLAG_DEFINITE,
  FLAG_NAME,
  FLAG_STOP,
  createCliticLexicon,
  formatPriors,
  lexiconKey,
  parseCliticLexicon,
} from './clitic-lexicon.js';
import { createSegmenter, type Word } from './clitics.js';

// A fictional-world lexicon: weights are paradigm sizes, chosen so each case below turns on one rule.
const LEXICON = createCliticLexicon([
  ['رئيس', { weight: 20 }],
  ['حكومة', { weight: 20, flags: FLAG_DEFINITE }],
  ['مدينة', { weight: 15 }],
  ['وزير', { weight: 10 }],
  ['زير', { weight: 1 }],
  ['لجنة', { weight: 10, flags: FLAG_DEFINITE }],
  ['جنة', { weight: 3 }],
  ['كتاب', { weight: 10 }],
  ['مكتب', { weight: 10 }],
  ['مكتبة', { weight: 4 }],
  ['تاب', { weight: 1 }],
  ['يزور', { weight: 5 }],
  ['لبنان', { weight: 5, flags: FLAG_NAME }],
  ['بنان', { weight: 2 }],
  ['واشنطن', { weight: 3, flags: FLAG_NAME }],
  ['ماتا', { weight: 5 }],
  ['ألبانيا', { weight: 4, flags: FLAG_NAME }],
  ['بانيا', { weight: 2 }],
  ['مستشفى', { weight: 5 }],
  ['مصري', { weight: 8 }],
  ['مصر', { weight: 10, flags: FLAG_NAME }],
  ['في', { weight: 5, flags: FLAG_STOP }],
  ['لكن', { weight: 1, flags: FLAG_STOP }],
  ['كن', { weight: 4 }],
  ['الذي', { weight: 3, flags: FLAG_STOP }],
  ['ذي', { weight: 2 }],
]);

const segmenter = createSegmenter(LEXICON);
const forms = (token: string): string => segmenter.segment(token).map((w) => `${w.role[0]}:${w.form}`).join(' ');

describe('segment', () => {
  it.each([
    ['والرئيس', 'p:و p:ال s:رئيس'],
    ['للرئيس', 'p:ل p:ال s:رئيس'],
    ['بالرئيس', 'p:ب p:ال s:رئيس'],
    ['ورئيسه', 'p:و s:رئيس e:ه'],
    ['حكومته', 's:حكومة e:ه'],
    ['بحكومتها', 'p:ب s:حكومة e:ها'],
    ['وبالمدينة', 'p:و p:ب p:ال s:مدينة'],
    ['لمدينتهم', 'p:ل s:مدينة e:هم'],
    ['سيزور', 'p:س s:يزور'],
    ['فسيزور', 'p:ف p:س s:يزور'],
    ['مستشفاه', 's:مستشفى e:ه'],
    ['وفي', 'p:و s:في'],
    ['للجنة', 'p:ل p:ال s:لجنة'],
    ['للبنان', 'p:ل s:لبنان'],
    ['بواشنطن', 'p:ب s:واشنطن'],
    ['الماتا', 'p:ال s:ماتا'],
    ['بالبانيا', 'p:ب s:البانيا'],
    ['لجنه', 's:لجنة'],
    ['والحكومه', 'p:و p:ال s:حكومة'],
    ['مكتبه', 's:مكتب e:ه'],
    ['مكتبة', 's:مكتبة'],
  ])('%s → %s', (token, expected) => {
    expect(forms(token)).toBe(expected);
  });

  it.each([
    ['وزير', 'a frequent word beats و + a rare stem'],
    ['كتاب', 'a frequent word beats ك + a rare stem'],
    ['لبنان', 'a name keeps its ل'],
    ['واشنطن', 'a name keeps its و'],
    ['ألماتا', 'أ is never the article, though «ماتا» is known'],
    ['البانيا', 'a name whose أ was dropped is not ال + بانيا'],
    ['مصري', 'the nisba ي is not the pronoun ي'],
    ['لكن', 'a function word is never split (not ل + كن)'],
    ['الذي', 'the article never attaches to a function word'],
    ['كوفيد', 'an unknown word stays whole'],
    ['ووهان', 'an unknown word with و before a vowel letter stays whole'],
  ])('keeps «%s» whole: %s', (token) => {
    expect(segmenter.segment(token).map((w) => w.role)).toEqual(['stem']);
  });

  it('splits و off an unknown name that starts with a consonant («وتوكاييف»)', () => {
    expect(forms('وتوكاييف')).toBe('p:و s:توكاييف');
  });

  it('gives spans into the text: the stem of «وتوكاييف» at 10 is «توكاييف»', () => {
    const stem = segmenter.segment('وتوكاييف', 10).find((w) => w.role === 'stem') as Word;
    expect([stem.start, stem.end, stem.text]).toEqual([11, 18, 'توكاييف']);
  });

  it('keeps harakat with their letter and still segments «وَالرَّئِيسُ»', () => {
    const words = segmenter.segment('وَالرَّئِيسُ', 5);
    expect(words.map((w) => [w.text, w.start, w.end, w.form])).toEqual([
      ['وَ', 5, 7, 'و'],
      ['ال', 7, 9, 'ال'],
      ['رَّئِيسُ', 9, 17, 'رئيس'],
    ]);
  });

  it('ignores tatweel inside «بالحكومـــة»', () => {
    expect(forms('بالحكومـــة')).toBe('p:ب p:ال s:حكومة');
  });

  it('marks the article merged into «للجنة» with an empty span at the stem', () => {
    const article = segmenter.segment('للجنة', 0)[1] as Word;
    expect([article.form, article.start, article.end, article.text]).toEqual(['ال', 1, 1, '']);
  });

  it('keeps the written ت of «حكومته» in text while the form restores ة', () => {
    const stem = segmenter.segment('حكومته')[0] as Word;
    expect([stem.text, stem.form]).toEqual(['حكومت', 'حكومة']);
  });

  it('returns a non-Arabic token as one stem', () => {
    expect(segmenter.segment('COVID-19', 3)).toEqual([{ start: 3, end: 11, text: 'COVID-19', role: 'stem', form: 'COVID-19' }]);
  });

  it('returns no words for an empty token', () => {
    expect([segmenter.segment(''), segmenter.stem('')]).toEqual([[], '']);
  });

  it('gives the same words from the memo, shifted to the new offset', () => {
    const first = segmenter.segment('ورئيسه', 0);
    const again = segmenter.segment('ورئيسه', 100);
    expect(again.map((w) => w.start - 100)).toEqual(first.map((w) => w.start));
  });

  it('stays correct when the memo is smaller than the vocabulary', () => {
    const small = createSegmenter(LEXICON, { cacheSize: 1 });
    const tokens = ['والرئيس', 'حكومته', 'والرئيس', 'وزير'];
    expect(tokens.map((t) => small.stem(t))).toEqual(tokens.map((t) => segmenter.stem(t)));
  });

  it('tiles the token: words are contiguous, in order, and cover it exactly', () => {
    const letters = ['و', 'ف', 'ب', 'ك', 'ل', 'س', 'ا', 'ل', 'ه', 'م', 'ن', 'ت', 'ي', 'ة', 'ى', 'أ', 'ء', 'آ', 'َ', 'ّ', 'ـ', 'ر', 'ئ'];
    const token = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(token, fc.nat(1000), (t, offset) => {
        const words = segmenter.segment(t, offset);
        let at = offset;
        for (const w of words) {
          if (w.start !== at || w.end < w.start) return false;
          at = w.end;
        }
        return at === offset + t.length && words.map((w) => w.text).join('') === t;
      }),
    );
  });
});

describe('stem', () => {
  it.each([
    ['الرئيس', 'رييس'],
    ['ورئيسه', 'رييس'],
    ['للرئيس', 'رييس'],
    ['حكومته', 'حكومه'],
    ['والحكومة', 'حكومه'],
    ['سيزور', 'يزور'],
    ['وزير', 'وزير'],
  ])('%s → %s (match-folded, no clitics, no article)', (token, expected) => {
    expect(segmenter.stem(token)).toBe(expected);
  });
});

describe('clitic lexicon', () => {
  it('keys fold alef, ى, hamza seats and Persian ی ک but keep ة apart from ه', () => {
    expect(['أكد', 'إلى', 'مسؤول', 'رئيس', 'مكتبة', 'کازاخستانی'].map(lexiconKey)).toEqual([
      'اكد',
      'الي',
      'مسوول',
      'رييس',
      'مكتبة',
      'كازاخستاني',
    ]);
  });

  it('parses rows, flags and priors', () => {
    const text = ['# header', 'key\tweight\tfreq\tflags', ...formatPriors(DEFAULT_PRIORS), 'رئيس\t20.5\t300\t', 'لبنان\t5\t40\tND', ''].join('\n');
    const lexicon = parseCliticLexicon(text);
    expect([lexicon.entries.get('رييس'), lexicon.entries.get('لبنان'), lexicon.priors.conj['و']]).toEqual([
      { weight: 20.5, freq: 300, flags: 0 },
      { weight: 5, freq: 40, flags: FLAG_NAME | FLAG_DEFINITE },
      DEFAULT_PRIORS.conj['و'],
    ]);
  });

  it.each([
    ['no column line', 'رئيس\t1\t1\t'],
    ['a bad weight', 'key\tweight\tfreq\tflags\nرئيس\tmany\t1\t'],
    ['an unknown flag', 'key\tweight\tfreq\tflags\nرئيس\t1\t1\tX'],
    ['a bad prior slot', 'key\tweight\tfreq\tflags\n+suffix:ه\t0.1\t0\t'],
  ])('rejects %s with E_RESOURCE', (_what, text) => {
    let error: unknown;
    try {
      parseCliticLexicon(text, 'mini.tsv');
    } catch (e) {
      error = e;
    }
    expect(isMarsadError(error) && error.code === 'E_RESOURCE' && error.source === 'mini.tsv').toBe(true);
  });
});

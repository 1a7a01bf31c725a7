// Tests of normalisation: each rule on its own, the defaults, the match preset, and spans mapped back.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, MATCH_OPTIONS, foldWord, normalize, normalizeForMatch, type NormalizeOptions } from './normalize.js';

// Every rule off: the base against which one rule at a time is switched on.
const NONE: NormalizeOptions = {
  alef: false,
  alefMaqsura: false,
  hamzaSeats: false,
  taMarbuta: false,
  harakat: false,
  tatweel: false,
  digits: false,
  presentationForms: false,
  invisibles: false,
  punctuation: false,
  whitespace: false,
  persianLetters: false,
};

describe('each rule alone', () => {
  const cases: [keyof NormalizeOptions, string, string][] = [
    ['alef', 'أعلن إمام آلاف المصلين ٱلصلاة', 'اعلن امام الاف المصلين الصلاة'],
    ['alefMaqsura', 'وصل الوفد إلى المستشفى', 'وصل الوفد إلي المستشفي'],
    ['hamzaSeats', 'قال مسؤول في رئاسة الوزراء', 'قال مسوول في رياسة الوزراء'],
    ['taMarbuta', 'زار الوزير مدينة حلب', 'زار الوزير مدينه حلب'],
    ['harakat', 'قَالَ الرَّئِيسُ إِنَّ هٰذا مُهِمٌّ', 'قال الرئيس إن هذا مهم'],
    ['tatweel', 'رئيـــس الحكومـــة', 'رئيس الحكومة'],
    ['digits', 'في عام ٢٠٢٢ ارتفع ٣٫٥ إلى ١٬٥٠٠ و۴', 'في عام 2022 ارتفع 3.5 إلى 1,500 و4'],
    ['presentationForms', 'ﻻ تراجع', 'لا تراجع'],
    ['invisibles', 'مي\u200cخواهم \u200fخبر\u200e عاجل\ufeff', 'ميخواهم خبر عاجل'],
    ['punctuation', 'هل انتهى؟ قال، «نعم»؛ 25٪', 'هل انتهى? قال, "نعم"; 25%'],
    ['whitespace', 'خبر\u00a0\u00a0عاجل\t من\r\nدمشق', 'خبر عاجل من\nدمشق'],
    ['persianLetters', 'کتاب فی', 'كتاب في'],
  ];
  it.each(cases)('%s', (rule, input, expected) => {
    expect(normalize(input, { ...NONE, [rule]: true }).text).toBe(expected);
  });

  it('changes nothing with every rule off', () => {
    const text = 'قَالَ المسؤول: «ﻻ تراجع» ٢٠٢٢\u200f';
    expect(normalize(text, NONE).text).toBe(text);
  });
});

describe('defaults', () => {
  it('folds alef, maqsura, hamza seats, harakat, digits but keeps ta marbuta and punctuation', () => {
    expect(normalize('إلى مُدِينَةٍ «مسؤولة» ٣٠٪؟').text).toBe('الي مدينة «مسوولة» 30٪؟');
  });

  it('keeps standalone hamza and madda-less letters', () => {
    expect(normalize('سماء وشيء').text).toBe('سماء وشيء');
  });

  it('defaults leave ta marbuta and punctuation off', () => {
    expect(DEFAULT_OPTIONS.taMarbuta).toBe(false);
    expect(DEFAULT_OPTIONS.punctuation).toBe(false);
    expect(MATCH_OPTIONS.taMarbuta).toBe(true);
  });

  it('keeps line breaks but collapses spaces around deleted marks', () => {
    expect(normalize('خبر \u200f عاجل\n\nثانٍ').text).toBe('خبر عاجل\n\nثان');
  });
});

describe('presentation forms', () => {
  it.each([
    ['ﻻ', 'لا'],
    ['ﻷ', 'لا'],
    ['ﷲ', 'الله'],
    ['ﺍﻟﺴﻼﻡ', 'السلام'],
  ])('%s expands to %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('maps both letters of an expanded ligature to the one input char', () => {
    const t = normalize('قال ﻻ');
    expect(t.text).toBe('قال لا');
    expect(t.toOriginalSpan(4, 6)).toEqual([4, 5]);
    expect(t.toOriginalSpan(5, 6)).toEqual([4, 5]);
  });
});

describe('offset map', () => {
  // [input, a substring of the normalised text, the input slice it must map back to]
  const cases: [string, string, string][] = [
    ['قَالَ الرَّئِيسُ', 'الرييس', 'الرَّئِيسُ'],
    ['قَالَ الرَّئِيسُ', 'قال', 'قَالَ'],
    ['وزير الخارجيـــة أحمد', 'الخارجية', 'الخارجيـــة'],
    ['\ufeffأعلن الجيش', 'اعلن', 'أعلن'],
    ['خبر\u00a0\u00a0\u00a0عاجل', 'خبر عاجل', 'خبر\u00a0\u00a0\u00a0عاجل'],
    ['عام ٢٠٢٢ ميلادي', '2022', '٢٠٢٢'],
    ['سطر\r\nثان', 'سطر\nثان', 'سطر\r\nثان'],
  ];
  it.each(cases)('%s: %s maps back to %s', (input, needle, original) => {
    const t = normalize(input);
    const at = t.text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = t.toOriginalSpan(at, at + needle.length);
    expect(input.slice(s, e)).toBe(original);
  });

  it('maps the end of the text to the end of the input', () => {
    const input = 'نصٌّ';
    const t = normalize(input);
    expect(t.toOriginal(t.text.length)).toBe(input.length);
    expect(t.toOriginal(0)).toBe(0);
  });

  it('is monotone', () => {
    const input = 'قَالَ ﻻ\u200f  مسؤولـــة ٣٫٥\r\n\uFDF2';
    const t = normalize(input);
    let prev = 0;
    for (let i = 0; i <= t.text.length; i++) {
      const o = t.toOriginal(i);
      expect(o).toBeGreaterThanOrEqual(prev);
      prev = o;
    }
  });
});

describe('match normalisation', () => {
  // pairs of spellings that must compare equal under match folding
  const pairs: [string, string][] = [
    ['مسؤولة', 'مسوولة'],
    ['رئيسة', 'ريِيسه'],
    ['إلى', 'الي'],
    ['مُحَمَّد', 'محمد'],
    ['الأمم المتحدة', 'الامم المتحده'],
    ['«نعم»؟', '"نعم"?'],
    ['٢٥٪', '25%'],
    ['ﻻ', 'لا'],
    ['ک', 'ك'],
  ];
  it.each(pairs)('%s matches %s', (a, b) => {
    expect(normalizeForMatch(a).text).toBe(normalizeForMatch(b).text);
  });

  it.each([
    ['مسؤولة'],
    ['قَالَ'],
    ['محـــمد'],
    ['plain'],
    ['ﷲ'],
    ['خبر  عاجل'],
    ['سطر\r\nثان'],
    ['\u200fأعلن'],
    [''],
  ])('foldWord(%s) equals normalizeForMatch().text', (word) => {
    expect(foldWord(word)).toBe(normalizeForMatch(word).text);
  });

  it('returns the same string when nothing changes', () => {
    const word = 'محمد';
    expect(foldWord(word)).toBe(word);
  });
});

// Tests of number finding: digits in three scripts, number words, digit + scale, magnitudes and clitics.
import { describe, expect, it } from 'vitest';
import { findNumbers, parseDigits, parseNumberWords, toLatinDigits, type NumberValue } from './numerals.js';

const exact = (value: number): NumberValue => ({ kind: 'exact', value });

describe('parseNumberWords', () => {
  const cases: [string, number][] = [
    ['واحد', 1],
    ['واحدة', 1],
    ['اثنان', 2],
    ['ثلاثة', 3],
    ['عشرة', 10],
    ['أحد عشر', 11],
    ['إحدى عشرة', 11],
    ['اثنا عشر', 12],
    ['خمسة عشر', 15],
    ['عشرون', 20],
    ['عشرين', 20],
    ['خمسة وعشرين', 25],
    ['ثلاثة وأربعون', 43],
    ['مئة', 100],
    ['مائة', 100],
    ['مِئَة', 100],
    ['مئتان', 200],
    ['مائتين', 200],
    ['ثلاثمائة', 300],
    ['ثلاث مئة', 300],
    ['خمسمئة', 500],
    ['مئة وخمسون', 150],
    ['مئة وخمسة عشر', 115],
    ['مئة وخمسة وعشرون', 125],
    ['ألف وتسعمائة وثمانية وأربعون', 1948],
    ['ألفان وخمسة', 2005],
    ['ألف', 1000],
    ['ألفين', 2000],
    ['ثلاثة آلاف', 3000],
    ['ثلاثة آلاف وخمسمائة', 3500],
    ['عشرة آلاف', 10_000],
    ['أحد عشر ألفا', 11_000],
    ['مئة وخمسون ألفاً', 150_000],
    ['مليون', 1e6],
    ['مليونين', 2e6],
    ['ثلاثة ملايين', 3e6],
    ['مليون وخمسمائة ألف', 1_500_000],
    ['مليار', 1e9],
    ['نصف مليون', 500_000],
    ['ربع مليار', 250_000_000],
  ];
  it.each(cases)('%s = %d', (text, value) => {
    expect(parseNumberWords(text)).toEqual(exact(value));
  });

  const magnitudes: [string, string, number][] = [
    ['عشرات', 'tens', 20],
    ['مئات', 'hundreds', 200],
    ['آلاف', 'thousands', 2000],
    ['الآلاف', 'thousands', 2000],
    ['عشرات الآلاف', 'tens-of-thousands', 20_000],
    ['مئات الآلاف', 'hundreds-of-thousands', 200_000],
    ['عشرات آلاف', 'tens-of-thousands', 20_000],
    ['الملايين', 'millions', 2e6],
    ['ملايين', 'millions', 2e6],
    ['عشرات الملايين', 'tens-of-millions', 2e7],
    ['مليارات', 'billions', 2e9],
    ['بضعة آلاف', 'thousands', 3000],
    ['بضع', 'few', 3],
    ['بضع مئات', 'hundreds', 300],
    ['عدة عشرات', 'tens', 30],
  ];
  it.each(magnitudes)('%s is the magnitude %s ≥ %d', (text, magnitude, min) => {
    expect(parseNumberWords(text)).toEqual({ kind: 'magnitude', magnitude, min });
  });

  it.each([['الاثنين'], ['أثنى'], ['لست'], ['مية'], ['أحد'], ['قال'], ['خمسة قتلى'], ['']])('%s is not one number', (text) => {
    expect(parseNumberWords(text)).toBeNull();
  });
});

describe('findNumbers', () => {
  // [text, expected [span text, value] pairs in order]
  const cases: [string, [string, NumberValue][]][] = [
    ['قتل 12 شخصا وأصيب 30', [['12', exact(12)], ['30', exact(30)]]],
    ['بلغ العجز ١٬٥٠٠٫٥ مليون', [['١٬٥٠٠٫٥ مليون', exact(1_500_500_000)]]],
    ['خسائر بقيمة 3 ملايين دولار', [['3 ملايين', exact(3e6)]]],
    ['صفقة بقيمة 2.5 مليار', [['2.5 مليار', exact(2.5e9)]]],
    ['شارك 300 ألف متظاهر', [['300 ألف', exact(300_000)]]],
    ['وصل ۴۵ مسافرا', [['۴۵', exact(45)]]],
    ['ارتفعت البطالة إلى 25%', [['25%', exact(25)]]],
    [
      'قتل خمسة وعشرون شخصا وجرح ثلاثة آلاف وخمسمائة',
      [
        ['خمسة وعشرون', exact(25)],
        ['ثلاثة آلاف وخمسمائة', exact(3500)],
      ],
    ],
    ['وعشرات الجرحى نقلوا', [['عشرات', { kind: 'magnitude', magnitude: 'tens', min: 20 }]]],
    ['نزح عشرات الآلاف من السكان', [['عشرات الآلاف', { kind: 'magnitude', magnitude: 'tens-of-thousands', min: 20_000 }]]],
    ['تظاهر الآلاف وبالمئات', [
      ['الآلاف', { kind: 'magnitude', magnitude: 'thousands', min: 2000 }],
      ['المئات', { kind: 'magnitude', magnitude: 'hundreds', min: 200 }],
    ]],
    ['وخرج للملايين', [['لملايين', { kind: 'magnitude', magnitude: 'millions', min: 2e6 }]]],
    ['أفرج عن ثلاثة وأربعة آخرين', [['ثلاثة', exact(3)], ['أربعة', exact(4)]]],
    ['اجتماع يوم الاثنين المقبل', []],
    ['أثنى الوزير على الجهود', []],
    ['لست أدري', []],
    ['وأحد المسؤولين قال', []],
    ['في 06/01/2022 الساعة 10:30', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    const found = findNumbers(text).map((n) => [n.text, n.value]);
    expect(found).toEqual(expected);
  });

  it('reports spans into the original text, clitics left out', () => {
    const text = 'ونقل وَعشرات المصابين';
    const [n] = findNumbers(text);
    expect(n).toBeDefined();
    expect(text.slice(n!.start, n!.end)).toBe('عشرات');
    expect(n!.text).toBe('عشرات');
  });

  it('marks percentages', () => {
    const [n] = findNumbers('بنسبة ٪٣٠');
    expect(n?.percent).toBe(true);
    expect(n?.value).toEqual(exact(30));
  });
});

describe('digits', () => {
  it.each([
    ['٢٠٢٢', '2022'],
    ['۱۴۰۱', '1401'],
    ['عام ١٩٩٠ م', 'عام 1990 م'],
    ['3.5', '3.5'],
  ])('toLatinDigits(%s) = %s', (input, expected) => {
    expect(toLatinDigits(input)).toBe(expected);
  });

  it.each([
    ['1,500.5', 1500.5],
    ['١٬٥٠٠٫٥', 1500.5],
    ['1.500.000', 1_500_000],
    ['-5', -5],
    ['۴۵', 45],
  ])('parseDigits(%s) = %d', (input, value) => {
    expect(parseDigits(input)).toBe(value);
  });

  it('rejects what is not one number', () => {
    expect(parseDigits('192.168.1.1')).toBeNaN();
    expect(parseDigits('')).toBeNaN();
  });
});

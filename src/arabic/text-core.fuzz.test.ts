// Property tests of the text core: on any input, normalise/tokenise/split/find never throw and keep valid offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWord, normalize, normalizeForMatch } from './normalize.js';
import { findNumbers } from './numerals.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

// Pieces that exercise every branch: letters with marks, ligatures, digits and separators, URL and e-mail
// fragments, quotes, terminators, invisibles, line breaks and surrogates (paired and lone).
const PIECES = [
  'قال',
  'الرَّئِيسُ',
  'محـــمد',
  'ﻻ',
  'ﷲ',
  '﷽',
  'مسؤول',
  'إلى',
  'مدينة',
  'وعشرات',
  'الآلاف',
  'ثلاثة',
  'آلاف',
  'وخمسمائة',
  'مليون',
  'عشر',
  'أحد',
  '١٬٥٠٠٫٥',
  '۴۵',
  '25%',
  '٪',
  '3.5',
  '06-يناير-2022',
  '2022/01/06',
  '10:30',
  'http://',
  'https://a.example.com/x',
  'www.',
  'a@b.co',
  '@',
  '#',
  '_',
  '.',
  '..',
  '...',
  '…',
  '!',
  '؟',
  '،',
  '«',
  '»',
  '"',
  '“',
  '”',
  '(',
  ')',
  'د.',
  'U.S.',
  'Mr.',
  '-',
  '+',
  ',',
  ':',
  '/',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\u2029',
  '\u00a0',
  '\u200c',
  '\u200f',
  '\ufeff',
  '\u202b',
  'ـ',
  'ً',
  'ٰ',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  'COVID-19',
  '4G',
  'é',
];

const mixed = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: fc.constantFrom(...'اأإآءؤئىيةهـًٌٍَُِّْ٠١٢٫٬۰۱ .،؟!«»"\n0123456789abc%٪:/-'), maxLength: 200 }),
  mixed,
);

// Each check returns the first violation as a message (or '') so huge inputs cost one expect, not millions.

function checkTransform(input: string): string {
  for (const t of [normalize(input), normalizeForMatch(input)]) {
    let prev = 0;
    for (let i = 0; i <= t.text.length; i++) {
      const o = t.toOriginal(i);
      if (o < prev || o > input.length) return `toOriginal(${i}) = ${o} after ${prev}`;
      prev = o;
    }
    for (let i = 0; i < t.text.length; i++) {
      const [s, e] = t.toOriginalSpan(i, i + 1);
      if (!(0 <= s && s <= e && e <= input.length)) return `toOriginalSpan(${i}) = [${s}, ${e}]`;
    }
    if (t.toOriginal(t.text.length) !== input.length) return 'end does not map to the input end';
  }
  return '';
}

function checkSpans(input: string, spans: readonly { start: number; end: number; text?: string }[]): string {
  let prevEnd = 0;
  for (const t of spans) {
    if (t.start < prevEnd) return `span ${t.start} starts before ${prevEnd}`;
    if (t.end <= t.start || t.end > input.length) return `bad span [${t.start}, ${t.end})`;
    if (t.text !== undefined && input.slice(t.start, t.end) !== t.text) return `text of [${t.start}, ${t.end}) differs`;
    prevEnd = t.end;
  }
  return '';
}

const checkTokens = (input: string): string => checkSpans(input, tokenize(input));
const checkSentences = (input: string): string => checkSpans(input, splitSentences(input));

function checkNumbers(input: string): string {
  const numbers = findNumbers(input);
  for (const n of numbers) {
    if (n.value.kind === 'exact' && !Number.isFinite(n.value.value)) return `${n.text} is not finite`;
    if (n.value.kind === 'magnitude' && !(n.value.min > 0)) return `${n.text} has min ${n.value.min}`;
  }
  return checkSpans(input, numbers);
}

describe('text core on arbitrary input', () => {
  it('normalize keeps a monotone map within the input', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(checkTransform(s)).toBe('');
      }), { numRuns: 300 });
  });

  it('foldWord agrees with normalizeForMatch', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(foldWord(s)).toBe(normalizeForMatch(s).text);
      }),
      { numRuns: 300 },
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
        const m = normalizeForMatch(s).text;
        expect(normalizeForMatch(m).text).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('tokens are ordered slices of the input', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(checkTokens(s)).toBe('');
      }), { numRuns: 300 });
  });

  it('sentences are ordered non-overlapping spans', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(checkSentences(s)).toBe('');
      }), { numRuns: 300 });
  });

  it('numbers are ordered slices with finite values', () => {
    fc.assert(fc.property(anyText, (s) => {
        expect(checkNumbers(s)).toBe('');
      }), { numRuns: 300 });
  });
});

describe('text core on enormous lines', () => {
  const cases: [string, string][] = [
    ['one 200k-char word', 'كلمة'.repeat(50_000)],
    ['200k digits', '1'.repeat(200_000)],
    ['200k dots', '.'.repeat(200_000)],
    ['200k marks', 'َ'.repeat(200_000)],
    ['200k open quotes', '«'.repeat(200_000)],
    ['100k spaced dots', '. '.repeat(100_000)],
    ['a 200k URL', 'https://' + 'a'.repeat(200_000)],
    ['200k lone surrogates', '\ud800'.repeat(200_000)],
    ['200k ligatures', 'ﷺ'.repeat(20_000)],
    // look-aheads for e-mails, domains and dates must not rescan from every start (once quadratic: 33 s for 40k chars of «a.»)
    ['dotted letters', 'a.'.repeat(30_000)],
    ['at signs', 'a.'.repeat(30_000)],
    ['comma digits', '1,'.repeat(30_000)],
    ['dashed digits', '1-'.repeat(30_000)],
    ['slashed digits', '1/'.repeat(30_000)],
    ['broken e-mails', 'aa@b.'.repeat(40_000)],
    ['number words', 'وعشرات '.repeat(10_000)],
  ];
  it.each(cases)('%s', (_name, text) => {
    const t0 = performance.now();
    expect(checkTokens(text)).toBe('');
    expect(checkSentences(text)).toBe('');
    expect(checkNumbers(text)).toBe('');
    const n = normalize(text);
    expect(n.toOriginal(n.text.length)).toBe(text.length);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

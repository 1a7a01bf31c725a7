// Tests of the Arabic character classes: each class holds what it names and drops nothing (آ, ء).
import { describe, expect, it } from 'vitest';
import {
  ALEF_VARIANTS,
  digitValue,
  isArabicDigit,
  isArabicLetter,
  isArabicMark,
  isDigit,
  isHaraka,
  isInvisible,
  isLineBreak,
  isHorizontalSpace,
  isPresentationForm,
  isQuranicMark,
  isWhitespace,
} from './chars.js';

const code = (s: string): number => s.charCodeAt(0);

describe('isArabicLetter', () => {
  it.each([
    ['ا'],
    ['أ'],
    ['إ'],
    ['آ'],
    ['ٱ'],
    ['ء'],
    ['ؤ'],
    ['ئ'],
    ['ى'],
    ['ي'],
    ['ة'],
    ['ه'],
    ['ی'],
    ['ک'],
    ['پ'],
    ['غ'],
    ['ف'],
  ])('%s is a letter', (ch) => {
    expect(isArabicLetter(code(ch))).toBe(true);
  });

  it.each([['ـ'], ['َ'], ['ّ'], ['ٰ'], ['٣'], ['۳'], ['،'], ['؟'], ['a'], [' ']])('%s is not a letter', (ch) => {
    expect(isArabicLetter(code(ch))).toBe(false);
  });
});

describe('marks', () => {
  it.each([['ً'], ['ٌ'], ['ٍ'], ['َ'], ['ُ'], ['ِ'], ['ّ'], ['ْ'], ['ٰ'], ['ٕ']])('%s is a haraka', (ch) => {
    expect(isHaraka(code(ch))).toBe(true);
    expect(isArabicMark(code(ch))).toBe(true);
  });

  it('counts the Quranic annotation signs as marks but not as harakat', () => {
    for (const c of [0x0610, 0x061a, 0x06d6, 0x06ed]) {
      expect(isQuranicMark(c)).toBe(true);
      expect(isHaraka(c)).toBe(false);
    }
    expect(isQuranicMark(code('ا'))).toBe(false);
  });

  it('does not count tatweel as a haraka', () => {
    expect(isHaraka(code('ـ'))).toBe(false);
  });
});

describe('digits', () => {
  it.each([
    ['0', 0],
    ['9', 9],
    ['٠', 0],
    ['٥', 5],
    ['٩', 9],
    ['۰', 0],
    ['۴', 4],
    ['۹', 9],
  ])('%s has value %i', (ch, value) => {
    expect(isDigit(code(ch))).toBe(true);
    expect(digitValue(code(ch))).toBe(value);
  });

  it('tells Arabic-script digits from Latin ones', () => {
    expect(isArabicDigit(code('٣'))).toBe(true);
    expect(isArabicDigit(code('۳'))).toBe(true);
    expect(isArabicDigit(code('3'))).toBe(false);
    expect(digitValue(code('a'))).toBe(-1);
    expect(digitValue(code('٫'))).toBe(-1);
  });
});

describe('alef variants', () => {
  it('lists every hamzated and wasla alef but not bare alef', () => {
    for (const ch of ['أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ']) expect(ALEF_VARIANTS).toContain(code(ch));
    expect(ALEF_VARIANTS).not.toContain(code('ا'));
    expect(ALEF_VARIANTS).not.toContain(code('ء'));
  });
});

describe('invisibles, spaces and presentation forms', () => {
  it.each([[0x200c], [0x200d], [0x200e], [0x200f], [0x061c], [0xfeff], [0x202b], [0x2067]])('U+%s is invisible', (c) => {
    expect(isInvisible(c)).toBe(true);
  });

  it('does not count visible characters or spaces as invisible', () => {
    expect(isInvisible(code(' '))).toBe(false);
    expect(isInvisible(code('ا'))).toBe(false);
  });

  it('separates horizontal spaces from line breaks', () => {
    expect(isHorizontalSpace(0xa0)).toBe(true);
    expect(isHorizontalSpace(0x2003)).toBe(true);
    expect(isHorizontalSpace(0x0a)).toBe(false);
    expect(isLineBreak(0x0a)).toBe(true);
    expect(isLineBreak(0x2029)).toBe(true);
    expect(isWhitespace(0x09)).toBe(true);
    expect(isWhitespace(code('ا'))).toBe(false);
  });

  it('knows the presentation-form blocks', () => {
    expect(isPresentationForm(code('ﻻ'))).toBe(true);
    expect(isPresentationForm(code('ﷲ'))).toBe(true);
    expect(isPresentationForm(0xfeff)).toBe(false);
    expect(isPresentationForm(code('ل'))).toBe(false);
  });
});

// Tests for name keys: folding, transliteration skeletons, proclitic readings and similarity.
import { describe, expect, it } from 'vitest';
import { nameKey, procliticReadings, similarity, skeletonOf } from './keys.js';

describe('nameKey', () => {
  it.each([
    ['ألما-آتا', 'الما اتا'],
    ['كازاخستان', 'كازاخستان'],
    ['الرئيس الكازاخستانيّ', 'الرييس الكازاخستاني'],
    ['أ.ف.ب', 'ا ف ب'],
    ['  نور   سلطان ', 'نور سلطان'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('skeletonOf: transliteration variants share a skeleton', () => {
  it.each([
    ['كازخستان', 'كازاخستان'],
    ['ألما آتا', 'ألماتا'],
    ['ألماتي', 'ألماتا'],
    ['أستانة', 'أستانا'],
    ['مانغيستاو', 'منغيستاو'],
    ['تشاووش أوغلو', 'تشاوش أوغلو'],
    ['أسطانا', 'أستانا'],
  ])('%s ~ %s', (a, b) => {
    expect(skeletonOf(nameKey(a))).toBe(skeletonOf(nameKey(b)));
  });

  it.each([
    ['روسيا', 'تركيا'],
    ['كازاخستان', 'طاجيكستان'],
  ])('%s ≁ %s', (a, b) => {
    expect(skeletonOf(nameKey(a))).not.toBe(skeletonOf(nameKey(b)));
  });
});

describe('procliticReadings', () => {
  it.each([
    ['وكازاخستان', 'كازاخستان'],
    ['بكازاخستان', 'كازاخستان'],
    ['للولايات', 'الولايات'],
    ['وبالعاصمة', 'العاصمه'],
    ['والولايات', 'الولايات'],
  ])('%s has the reading %s', (token, reading) => {
    expect(procliticReadings(nameKey(token))).toContain(nameKey(reading));
  });

  it('does not offer the token itself (callers try it first, so «بايكونور» stays whole)', () => {
    expect(procliticReadings('بايكونور')).not.toContain('بايكونور');
  });
});

describe('similarity', () => {
  it('is 1 for equal keys and ignores spaces', () => {
    expect(similarity('الما اتا', 'الما اتا')).toBe(1);
    expect(similarity('نور سلطان', 'نورسلطان')).toBe(1);
  });
  it('drops with each edit', () => {
    expect(similarity('كازخستان', 'كازاخستان')).toBeCloseTo(8 / 9, 5);
    expect(similarity('روسيا', 'تركيا')).toBeLessThan(0.7);
  });
});

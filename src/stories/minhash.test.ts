// Tests for MinHash near-duplicate detection over folded word shingles.
import { describe, expect, it } from 'vitest';
import {
  createDuplicateIndex,
  estimateJaccard,
  isNearDuplicate,
  lshBands,
  minhashSignature,
  shingleWords,
  signatureFromHex,
  signatureToHex,
} from './minhash.js';

const ORIGINAL =
  'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة تبوك بسعة مئتي سرير، ويضم أقساماً للطوارئ والعناية المركزة والأطفال. ' +
  'وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة، وإن التشغيل الكامل سيبدأ مطلع الشهر المقبل.';
// An agency copy: new diacritics and hamza spellings, one sentence dropped, a source tag added.
const REPRINT =
  'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة تبوك بسعة مئتي سرير، ويضم اقساماً للطوارئ والعناية المركزة والأطفال. ' +
  'وقال المتحدث بإسم الوزارة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة. (واس)';
// The same news in an outlet's own words.
const REWRITE =
  'افتتحت الصحة في تبوك منشأة طبية حديثة تتسع لمئتي مريض، تشمل طوارئ وعناية مركزة وقسماً للأطفال، ' +
  'على أن تعمل بكامل طاقتها الشهر القادم لخدمة سكان المنطقة البالغ عددهم نصف مليون.';

describe('shingleWords', () => {
  it.each([
    ['مُحَمَّد', 'محمد'],
    ['الأمير', 'الامير'],
    ['مدينة', 'مدينه'],
    ['على', 'علي'],
  ])('folds %s like %s', (a, b) => {
    expect(shingleWords(a)).toEqual(shingleWords(b));
  });

  it('drops punctuation', () => {
    expect(shingleWords('قال: «نعم»، ثم غادر.')).toEqual(['قال', 'نعم', 'ثم', 'غادر']);
  });
});

describe('minhashSignature and estimateJaccard', () => {
  const a = minhashSignature(ORIGINAL);
  it('is deterministic', () => {
    expect(signatureToHex(minhashSignature(ORIGINAL))).toBe(signatureToHex(a));
  });
  it('finds an agency reprint with small edits', () => {
    expect(isNearDuplicate(a, minhashSignature(REPRINT))).toBe(true);
  });
  it('does not fold the same news in other words', () => {
    expect(estimateJaccard(a, minhashSignature(REWRITE))).toBeLessThan(0.2);
  });
  it('treats two empty texts as not duplicates', () => {
    expect(estimateJaccard(minhashSignature(''), minhashSignature(''))).toBe(0);
    expect(lshBands(minhashSignature(''))).toEqual([]);
  });
  it('round-trips through hex', () => {
    expect(signatureFromHex(signatureToHex(a))).toEqual(a);
  });
});

describe('lshBands', () => {
  it('gives one key per band, shared by a reprint', () => {
    const ka = lshBands(minhashSignature(ORIGINAL));
    const kb = lshBands(minhashSignature(REPRINT));
    expect(ka.length).toBe(Math.ceil(128 / 3));
    expect(ka.filter((k) => kb.includes(k)).length).toBeGreaterThan(0);
  });
});

describe('createDuplicateIndex', () => {
  it('points a reprint to the article it repeats, and a rewrite to nothing', () => {
    const index = createDuplicateIndex();
    index.add('orig', minhashSignature(ORIGINAL));
    expect(index.findDuplicate(minhashSignature(REPRINT))?.articleId).toBe('orig');
    expect(index.findDuplicate(minhashSignature(REWRITE))).toBeNull();
  });
});

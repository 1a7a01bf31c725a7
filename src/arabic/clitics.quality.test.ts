// Acceptance of clitic segmentation on the shipped lexicon: variants merge, different words stay apart, names stay whole.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliticLexicon } from './clitic-lexicon.js';
import { createSegmenter } from './clitics.js';

const LEXICON = fileURLToPath(new URL('../../resources/arabic/clitic-lexicon.tsv', import.meta.url));

/** Clitic variants of one word: every member must give the same stem. */
export const MERGE_GROUPS: readonly (readonly string[])[] = [
  ['الرئيس', 'والرئيس', 'للرئيس', 'بالرئيس', 'ورئيسه', 'فالرئيس', 'كالرئيس', 'رئيسها', 'لرئيس'],
  ['الحكومة', 'والحكومة', 'للحكومة', 'حكومته', 'بحكومتها', 'حكومتهم', 'وحكومة'],
  ['المدينة', 'بالمدينة', 'وبالمدينة', 'لمدينتهم', 'مدينته', 'والمدينة'],
  ['الوزير', 'والوزير', 'للوزير', 'وزيره', 'بالوزير', 'ووزير'],
  ['الشعب', 'والشعب', 'للشعب', 'بالشعب', 'شعبه', 'شعبها', 'وشعبنا'],
  ['الدولة', 'والدولة', 'للدولة', 'بالدولة', 'دولته', 'دولتهم', 'فالدولة'],
  ['الجيش', 'والجيش', 'للجيش', 'بالجيش', 'جيشه', 'وجيشها'],
  ['المنطقة', 'بالمنطقة', 'والمنطقة', 'للمنطقة', 'منطقته', 'لمنطقتنا'],
  ['الشركة', 'والشركة', 'للشركة', 'بالشركة', 'شركته', 'شركتها'],
  ['البلاد', 'والبلاد', 'للبلاد', 'بالبلاد', 'بلاده', 'بلادهم', 'وبلادنا'],
  ['الأمن', 'والأمن', 'للأمن', 'بالأمن', 'أمنه', 'وأمنها'],
  ['القرار', 'والقرار', 'للقرار', 'بالقرار', 'قراره', 'قرارها'],
  ['الاتفاق', 'والاتفاق', 'للاتفاق', 'بالاتفاق', 'اتفاقه'],
  ['المجلس', 'والمجلس', 'للمجلس', 'بالمجلس', 'مجلسه'],
  ['الوطن', 'والوطن', 'للوطن', 'بالوطن', 'وطنه', 'وطنهم'],
  ['الموقع', 'والموقع', 'للموقع', 'بالموقع', 'موقعه', 'موقعها'],
  ['الطريق', 'والطريق', 'للطريق', 'بالطريق', 'طريقه'],
  ['الحرب', 'والحرب', 'للحرب', 'بالحرب', 'حربه'],
  ['السلام', 'والسلام', 'للسلام', 'بالسلام'],
  ['الشرطة', 'والشرطة', 'للشرطة', 'بالشرطة'],
  ['المستشفى', 'والمستشفى', 'للمستشفى', 'بالمستشفى', 'مستشفاه'],
  ['الجامعة', 'والجامعة', 'للجامعة', 'بالجامعة', 'جامعته'],
  ['الكبير', 'والكبير', 'للكبير', 'كبير'],
  ['الجديد', 'والجديد', 'للجديد', 'بالجديد', 'جديد'],
  ['السعودية', 'والسعودية', 'للسعودية', 'بالسعودية'],
  ['العربية', 'والعربية', 'للعربية', 'بالعربية'],
  ['الدولي', 'والدولي', 'للدولي', 'دولي'],
  ['القوات', 'والقوات', 'للقوات', 'بالقوات', 'قواته', 'قواتها'],
  ['المواطنين', 'والمواطنين', 'للمواطنين', 'بالمواطنين'],
  ['العلاقات', 'والعلاقات', 'للعلاقات', 'بالعلاقات', 'علاقاته'],
  ['قال', 'وقال', 'فقال'],
  ['أكد', 'وأكد', 'فأكد'],
  ['يزور', 'سيزور', 'وسيزور', 'ويزور'],
  ['يكون', 'سيكون', 'فسيكون', 'وسيكون', 'ليكون'],
  ['تعلن', 'ستعلن', 'وستعلن'],
  ['أعلن', 'وأعلن', 'فأعلن'],
  ['كازاخستان', 'وكازاخستان', 'بكازاخستان', 'لكازاخستان'],
  ['واشنطن', 'وواشنطن', 'بواشنطن', 'لواشنطن'],
  ['فلسطين', 'وفلسطين', 'لفلسطين', 'بفلسطين'],
  ['لبنان', 'ولبنان', 'بلبنان', 'للبنان'],
  ['فرنسا', 'وفرنسا', 'لفرنسا', 'بفرنسا'],
  ['بريطانيا', 'وبريطانيا', 'لبريطانيا', 'ببريطانيا'],
  ['بغداد', 'وبغداد', 'لبغداد', 'ببغداد'],
  ['الرياض', 'والرياض', 'للرياض', 'بالرياض'],
  ['القاهرة', 'والقاهرة', 'للقاهرة', 'بالقاهرة'],
  ['روسيا', 'وروسيا', 'لروسيا', 'بروسيا'],
  ['محمد', 'ومحمد', 'لمحمد', 'بمحمد'],
  ['ترامب', 'وترامب', 'لترامب', 'فترامب'],
];

/** Different words, often of one root, that must keep different stems. */
export const APART_GROUPS: readonly (readonly string[])[] = [
  ['كتاب', 'مكتب', 'كاتب', 'مكتبة', 'كتب', 'مكاتب'],
  ['علم', 'عالم', 'معلم', 'علوم', 'تعليم'],
  ['حكم', 'حكومة', 'محكمة', 'حاكم', 'أحكام'],
  ['مصر', 'مصري', 'مصرية'],
  ['سعودي', 'سعودية', 'سعود'],
  ['عرب', 'عربي', 'عربية'],
  ['دولة', 'دولي', 'دولية', 'دول'],
  ['وزير', 'وزارة', 'وزراء'],
  ['أمن', 'أمني', 'أمان', 'إيمان'],
  ['قتل', 'قتلى', 'قاتل', 'مقتل'],
  ['سلام', 'سلم', 'إسلام', 'مسلم'],
  ['عمل', 'عامل', 'معمل', 'عملية'],
];

/** Lexical words that start or end with letters that look like clitics: each must stay one word. */
export const WHOLE_WORDS: readonly string[] = [
  'وزير',
  'كتاب',
  'مكتب',
  'لجنة',
  'بنك',
  'مصري',
  'وطن',
  'كبير',
  'سنة',
  'ولد',
  'والد',
  'بحث',
  'فريق',
  'سياسة',
  'لقاء',
  'كلمة',
  'وصول',
  'بيان',
  'فوز',
  'بلد',
  'لقب',
  'كرة',
  'سيارة',
  'وجه',
  'اتجاه',
  'مياه',
  'بين',
  'كان',
  'فيلم',
  'لكن',
  'الذي',
  'الله',
  'يمكن',
];

/** Names that begin with letters that look like clitics and must stay one word. */
export const WHOLE_NAMES: readonly string[] = [
  'كازاخستان',
  'بيلاروسيا',
  'واشنطن',
  'فلسطين',
  'ألماتا',
  'بيروت',
  'لندن',
  'فرنسا',
  'كندا',
  'بغداد',
  'بريطانيا',
  'لبنان',
  'ليبيا',
  'بلجيكا',
  'فنزويلا',
  'كوريا',
  'بكين',
  'برلين',
  'باريس',
  'فيينا',
  'سوريا',
];

/** Clitic forms of names: the expected words' forms. */
export const NAME_SPLITS: readonly (readonly [string, readonly string[]])[] = [
  ['وكازاخستان', ['و', 'كازاخستان']],
  ['بواشنطن', ['ب', 'واشنطن']],
  ['لفلسطين', ['ل', 'فلسطين']],
  ['وتوكاييف', ['و', 'توكاييف']],
  ['وبيروت', ['و', 'بيروت']],
  ['ولندن', ['و', 'لندن']],
  ['بباريس', ['ب', 'باريس']],
];

const available = existsSync(LEXICON);

describe.skipIf(!available)('clitic segmentation quality on the shipped lexicon', () => {
  const segment = available ? createSegmenter(loadCliticLexicon(LEXICON)) : undefined;

  it('merges ≥ 95% of the variant groups', () => {
    const failed = MERGE_GROUPS.filter((group) => new Set(group.map((w) => segment!.stem(w))).size !== 1);
    const report = failed.map((g) => g.map((w) => `${w}→${segment!.stem(w)}`).join(' ')).join('\n');
    expect(1 - failed.length / MERGE_GROUPS.length, report).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every different word apart', () => {
    const merged = APART_GROUPS.filter((group) => new Set(group.map((w) => segment!.stem(w))).size !== group.length);
    expect(merged.map((g) => g.map((w) => `${w}→${segment!.stem(w)}`).join(' '))).toEqual([]);
  });

  it.each(WHOLE_WORDS)('keeps the word «%s» whole', (word) => {
    expect(segment!.segment(word).map((w) => w.role)).toEqual(['stem']);
  });

  it.each(WHOLE_NAMES)('keeps the name «%s» whole', (name) => {
    const words = segment!.segment(name);
    expect(words.map((w) => w.role)).toEqual(['stem']);
  });

  it.each(NAME_SPLITS)('splits «%s» into %j', (token, forms) => {
    expect(segment!.segment(token).map((w) => w.form)).toEqual(forms);
  });
});

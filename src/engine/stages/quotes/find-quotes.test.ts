// Quote finding on self-written news sentences with hand-placed entities.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeEntities, textLayers, type EntitySpec } from '../events/test-doc.js';
import { findMarkSpans, findQuotes } from './find-quotes.js';
import { loadQuoteLexicon, parseQuoteLexicon } from './lexicon.js';

const lexicon = loadQuoteLexicon(fileURLToPath(new URL('../../../../resources/quotes/quote-lexicon.tsv', import.meta.url)));

const PEOPLE: EntitySpec[] = [
  { id: 'minister', type: 'PER', forms: ['سامي الخطيب', 'الخطيب'] },
  { id: 'mayor', type: 'PER', forms: ['ليلى حداد'] },
  { id: 'ministry', type: 'ORG', forms: ['وزارة الداخلية'] },
  { id: 'agency-a', type: 'MEDIA', forms: ['وكالة الشرق'] },
  { id: 'agency-b', type: 'MEDIA', forms: ['نبأ'] },
  { id: 'city', type: 'GPE', forms: ['طرابلس'] },
];

function quotesOf(text: string) {
  const { sentences, times } = textLayers(text, '2023-03-10');
  return findQuotes({ text, sentences, entities: placeEntities(text, PEOPLE), times }, lexicon);
}

describe('findQuotes', () => {
  it.each([
    ['VSO reported', 'قال وزير الداخلية سامي الخطيب إن الحكومة ستفتح الطرق غدا.', 'minister', false, 'الحكومة ستفتح الطرق غدا'],
    ['SVO reported', 'وكانت ليلى حداد قد أكدت أن المدينة آمنة.', 'mayor', false, 'المدينة آمنة'],
    ['direct after cue', 'وقال سامي الخطيب "لن نتراجع عن القرار".', 'minister', true, 'لن نتراجع عن القرار'],
    ['direct after complementizer', 'وأكدت وزارة الداخلية «أننا نتابع الوضع».', 'ministry', true, 'أننا نتابع الوضع'],
  ])('%s', (_name, text, speaker, direct, content) => {
    const [q] = quotesOf(text);
    expect(q?.speaker.entity).toBe(speaker);
    expect(q?.direct).toBe(direct);
    expect(q?.content.text).toBe(content);
    expect(text.slice(q!.content.start, q!.content.end)).toBe(content);
  });

  it.each([
    ['a participle takes the clause subject, not a name inside it', 'ونددت نقابة عمال طرابلس في بيان بالقرار، مؤكدة أن "الإضراب حق".', 'نقابة عمال طرابلس'],
    ['…nor a name inside the quotation before it', 'وأصدرت هيئة الموانئ بياناً دعت فيه إلى "تهدئة في طرابلس"، مؤكدة أنها ستفتح الميناء.', 'هيئة الموانئ'],
    ['a reported cue after «قد» takes the subject before it', 'وكانت هيئة الموانئ قد أعلنت الخميس أن الميناء سيغلق.', 'هيئة الموانئ'],
    ['the subject ends before «بالـ»', 'ورحب اتحاد الصيادين بالقرار، لكنه قال إن الاحتجاج مستمر.', 'اتحاد الصيادين'],
  ])('%s', (_name, text, speaker) => {
    const qs = quotesOf(text);
    expect(qs.at(-1)?.speaker.text).toBe(speaker);
  });

  it('an acronym in parentheses is not a speech verb: «(آفاد)» is not «أفاد»', () => {
    const qs = quotesOf('وقالت هيئة الكوارث (آفاد) في بيان إن الهزة كانت قوية.');
    expect(qs.map((q) => [q.cue, q.speaker.text, q.content.text])).toEqual([['وقالت', 'هيئة الكوارث', 'الهزة كانت قوية']]);
  });

  it('carries the speaker over «وأضاف» and «قائلًا»', () => {
    const text = 'قال سامي الخطيب إن الاجتماع انتهى. وأضاف أن اللجنة ستعود الأسبوع المقبل. ثم غادر الخطيب القاعة قائلًا إن "الحوار مستمر".';
    const qs = quotesOf(text);
    expect(qs.map((q) => q.speaker.entity)).toEqual(['minister', 'minister', 'minister']);
    expect(qs[2]?.direct).toBe(true);
  });

  it.each([
    ['في خطاب متلفز قال سامي الخطيب إن البلاد بخير.', 'televised-address'],
    ['وقالت ليلى حداد في بيان إن المياه عادت.', 'statement'],
    ['وكتب سامي الخطيب على صفحته في فيسبوك أن الطريق مفتوح.', 'facebook'],
    ['وغردت ليلى حداد أن الحديقة افتتحت.', 'twitter'],
    ['وقال سامي الخطيب في مؤتمر صحفي إن الخطة جاهزة.', 'press-conference'],
  ])('channel of «%s» is %s', (text, channel) => {
    expect(quotesOf(text)[0]?.channel).toBe(channel);
  });

  it('keeps the relay and a described speaker', () => {
    const text = 'ونقلت وكالة الشرق ونبأ عن المتحدث باسم وزارة الداخلية قوله إن "الشرطة انتشرت في طرابلس".';
    const [q] = quotesOf(text);
    expect(q?.via).toEqual(['agency-a', 'agency-b']);
    expect(q?.speaker).toEqual({ entity: null, text: 'المتحدث باسم وزارة الداخلية' });
    expect(q?.direct).toBe(true);
    expect(q?.content.text).toBe('الشرطة انتشرت في طرابلس');
  });

  it('gives a chant to the crowd', () => {
    const [q] = quotesOf('وتجمع مئات المحتجين أمام البرلمان وهم يهتفون "الشعب يريد العمل".');
    expect(q?.speaker).toEqual({ entity: null, text: 'مئات المحتجين' });
    expect(q?.content.text).toBe('الشعب يريد العمل');
  });

  it('yields no quote from a repeated pull-quote sentence', () => {
    const line = 'قال سامي الخطيب إن الحكومة ستفتح كل الطرق المغلقة قبل نهاية الأسبوع';
    expect(quotesOf(`${line}، وفق ما نقلته الصحف. ${line}.`)).toHaveLength(1);
  });

  it('needs a complementizer or quotation marks', () => {
    expect(quotesOf('أعلنت وزارة الداخلية عن خطة جديدة للمرور.')).toEqual([]);
  });
});

describe('findMarkSpans', () => {
  it('pairs guillemets and straight quotes', () => {
    expect(findMarkSpans('أ «ب» ج "د"')).toEqual([
      { open: 2, close: 4 },
      { open: 8, close: 10 },
    ]);
  });
});

describe('parseQuoteLexicon', () => {
  it('rejects an unknown cue role with its line', () => {
    expect(() => parseQuoteLexicon('kind\tform\tvalue\ncue\tقال\tshout\n', 'x.tsv')).toThrow(/x\.tsv:2/);
  });
});

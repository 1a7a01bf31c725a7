// Tests for cleanArticle: read-also variants, furniture, pull-quotes (exact, near, prefix, NBSP), spans and id.
import { describe, expect, it } from 'vitest';
import { Article } from '../model/analysis.js';
import { articleId, classifyFurniture, cleanArticle, findPullQuotes } from './clean-article.js';
import { createRawArticle, type RawArticle } from './raw-article.js';

const P1 = 'أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية، تشمل قروضًا ميسرة وبذورًا محسنة.';
const P2 = 'وقال الوزير في مؤتمر صحفي إن الخطة ستطبق على مرحلتين، تبدأ الأولى مطلع الشهر المقبل وتستمر حتى نهاية العام.';
const P3 = 'بدوره أكد رئيس اتحاد المزارعين أن الخطة خطوة مهمة لكنها تحتاج إلى متابعة دقيقة لضمان وصول الدعم إلى مستحقيه.';
const P4 = 'ومن المتوقع أن يستفيد من البرنامج أكثر من عشرين ألف مزارع خلال السنة الأولى، وفق تقديرات الوزارة.';

const rawWith = (paragraphs: string[], extra: Partial<RawArticle> = {}): RawArticle => ({ ...createRawArticle('test'), ...extra, paragraphs });

describe('classifyFurniture', () => {
  const readAlso = [
    'اقرأ أيضا: الحكومة تعلن موعد الانتخابات',
    'اقرأ أيضاً: الحكومة تعلن موعد الانتخابات',
    'اقرأ أيضًا: الحكومة تعلن موعد الانتخابات',
    'إقرأ أيضا: الحكومة تعلن موعد الانتخابات',
    'اقرأي أيضًا: الحكومة تعلن موعد الانتخابات',
    'اقرأ/ي أيضًا: الحكومة تعلن موعد الانتخابات',
    'اقْرَأْ أَيْضًا الحكومة تعلن موعد الانتخابات',
    'شاهد أيضا: لقطات من موقع الحادث',
    'للمزيد: تفاصيل الخطة الحكومية',
    'ذات صلة',
    'مواضيع ذات صلة:',
    'اقرأ أيضا',
  ];
  it.each(readAlso)('%s → read-also', (line) => {
    expect(classifyFurniture(line)).toBe('read-also');
  });

  const furniture: Array<{ line: string; kind: string }> = [
    { line: 'شارك', kind: 'share' },
    { line: 'شارك الخبر على فيسبوك', kind: 'share' },
    { line: 'تابعونا على تويتر', kind: 'share' },
    { line: 'اشترك في النشرة البريدية', kind: 'boilerplate' },
    { line: 'جميع الحقوق محفوظة لشبكة الأفق 2023', kind: 'boilerplate' },
    { line: '© شبكة الأفق 2023', kind: 'boilerplate' },
    { line: 'الصورة: متظاهرون في الساحة الرئيسية (أ ف ب)', kind: 'caption' },
    { line: "jQuery(document).ready(function(){ var chart = jQuery.jqplot('poll', [[['نعم', 12], ['لا', 7]]], { legend: { show: false } }); });", kind: 'boilerplate' },
  ];
  it.each(furniture)('$line → $kind', ({ line, kind }) => {
    expect(classifyFurniture(line)).toBe(kind);
  });

  const body = [
    'للمزيد من المعلومات حول الخطة الحكومية الجديدة عقدت الوزارة ورشة عمل موسعة مع ممثلي القطاع الخاص والمجتمع المدني استمرت يومين.',
    'وشارك في الاجتماع ممثلون عن عشر دول.',
    'شارك الوزير في افتتاح المعرض الدولي للكتاب.',
    'تابع الرئيس على الهواء مباشرة مجريات الجلسة في البرلمان.',
    'شارك علي في المباراة',
    'وقال المبرمج إن الدالة function(x) تعيد قيمة واحدة (في أغلب الحالات) عند استدعائها من الواجهة.',
    P1,
  ];
  it.each(body)('%s → body', (line) => {
    expect(classifyFurniture(line)).toBeNull();
  });
});

describe('findPullQuotes', () => {
  const cases: Array<{ name: string; paragraphs: string[]; removed: number[] }> = [
    { name: 'exact repeat: the later copy goes', paragraphs: [P1, P2, P1], removed: [2] },
    { name: 'repeat with different harakat and punctuation', paragraphs: [P1, P2, P1.replace('جديدة', 'جَدِيدَةً').replace('،', ' -')], removed: [2] },
    { name: 'truncated copy of an opening, with NBSP', paragraphs: [P1, P2, 'أعلنت وزارة\u00A0الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين'], removed: [2] },
    { name: 'truncated copy cut mid-word', paragraphs: [P1, P2, 'أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزار'], removed: [2] },
    { name: 'copy without its leading «بدوره»', paragraphs: [P1, P3, P2, P3.replace(/^بدوره /u, '')], removed: [3] },
    { name: 'pull-quote before the fuller paragraph: the shorter goes', paragraphs: ['وقال الوزير في مؤتمر صحفي إن الخطة ستطبق على مرحلتين', P1, P2], removed: [0] },
    { name: 'no repeats', paragraphs: [P1, P2, P3, P4], removed: [] },
    { name: 'short repeated subheads stay', paragraphs: ['التصميم', P1, 'التصميم', P2], removed: [] },
    {
      name: 'parallel sentences with different numbers stay',
      paragraphs: ['- أعلن يوم الاثنين عن مؤشر مديري المشتريات الصناعي في الصين عند قراءة 51.2 نقطة.', '- أعلن يوم الاثنين عن مؤشر مديري المشتريات الصناعي في بريطانيا عند قراءة 51.9 نقطة.'],
      removed: [],
    },
  ];
  it.each(cases)('$name', ({ paragraphs, removed }) => {
    expect([...findPullQuotes(paragraphs)].sort()).toEqual(removed);
  });
});

describe('cleanArticle', () => {
  it('builds text, spans and removed, keeping every real paragraph once', () => {
    const raw = rawWith(['  ' + P1 + '\u00A0', P2, 'اقرأ أيضًا: الوزارة تطلق تطبيقًا جديدًا', '\u00A0', P3, 'شارك', P3.replace(/^بدوره /u, ''), P4]);
    const article = cleanArticle(raw);
    expect(article.paragraphs.map((s) => article.text.slice(s.start, s.end))).toEqual([P1, P2, P3, P4]);
    expect(article.text).toBe([P1, P2, P3, P4].join('\n\n'));
    expect(article.removed).toEqual([
      { kind: 'read-also', text: 'اقرأ أيضًا: الوزارة تطلق تطبيقًا جديدًا' },
      { kind: 'share', text: 'شارك' },
      { kind: 'pull-quote', text: P3.replace(/^بدوره /u, '') },
    ]);
    expect(() => Article.parse(article)).not.toThrow();
  });

  it('tidies spaces inside paragraphs: NBSP and runs become one space', () => {
    const article = cleanArticle(rawWith(['وقال\u00A0الوزير  إن\tالخطة جاهزة.']));
    expect(article.text).toBe('وقال الوزير إن الخطة جاهزة.');
  });

  it('takes a «الصورة:» line as the caption when there is none', () => {
    const article = cleanArticle(rawWith([P1, 'الصورة: مزارعون في حقل قمح (وكالة الأفق)']));
    expect(article).toMatchObject({ caption: 'مزارعون في حقل قمح', photoCredit: 'وكالة الأفق', text: P1 });
  });

  it('moves a dateline opening the body into published', () => {
    const article = cleanArticle(rawWith(['الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21', P1]));
    expect(article.published).toMatch(/^2013-08-04/u);
    expect(article.removed[0]).toEqual({ kind: 'dateline', text: 'الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21' });
    expect(article.text).toBe(P1);
  });

  it('drops a trailing comments disclaimer', () => {
    const article = cleanArticle(rawWith([P1, P2, 'الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.']));
    expect(article.text).toBe([P1, P2].join('\n\n'));
    expect(article.removed.map((r) => r.kind)).toEqual(['boilerplate']);
  });

  const languages: Array<{ text: string; language: string }> = [
    { text: P1, language: 'ar' },
    { text: 'The minister said that the plan will start next month and run until the end of the year.', language: 'en' },
    { text: 'Le ministre a déclaré que le plan commencera le mois prochain et durera jusqu’à la fin de l’année.', language: 'fr' },
    { text: '12345 67890', language: 'und' },
  ];
  it.each(languages)('language of «$text» is $language', ({ text, language }) => {
    expect(cleanArticle(rawWith([text])).language).toBe(language);
  });

  it('gives the same id to the same text, composed or decomposed (NFC)', () => {
    const composed = cleanArticle(rawWith(['أعلنت الوزارة خطة جديدة.']));
    const decomposed = cleanArticle(rawWith(['\u0627\u0654علنت الوزارة خطة جديدة.']));
    expect(composed.id).toBe(decomposed.id);
    expect(composed.id).toMatch(/^[0-9a-f]{32}$/u);
    expect(articleId('a')).not.toBe(articleId('b'));
  });

  it('returns empty text, not an error, for a body of furniture only', () => {
    const article = cleanArticle(rawWith(['شارك', 'اقرأ أيضا: خبر آخر']));
    expect(article.text).toBe('');
    expect(article.paragraphs).toEqual([]);
    expect(article.removed).toHaveLength(2);
  });
});

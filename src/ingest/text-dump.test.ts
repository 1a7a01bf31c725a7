// Tests for the text dump reader: header lines detected by shape, any of them missing, blank-line paragraphs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextDump, splitByline, splitCredit } from './text-dump.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('parseTextDump', () => {
  it('reads date, caption with credit and byline from the full header', () => {
    const raw = parseTextDump(fixture('dump-full.txt'), 'dump-full.txt');
    expect(raw).toMatchObject({
      published: '2023-03-14',
      caption: 'رجال إنقاذ يبحثون بين الأنقاض في بلدة الوادي الأخضر',
      photoCredit: 'وكالة الأنباء المحلية',
      outlet: 'صحيفة الأفق',
      author: 'قسم الأخبار',
      title: null,
      source: 'dump-full.txt',
    });
    expect(raw.removed.map((r) => r.kind)).toEqual(['dateline', 'caption', 'byline']);
    expect(raw.paragraphs[0]).toMatch(/^أعلنت السلطات المحلية/u);
  });

  it('takes a short first line as the title when there is no other header', () => {
    const raw = parseTextDump(fixture('dump-bare.txt'));
    expect(raw.title).toBe('افتتاح معرض الكتاب السنوي في العاصمة');
    expect(raw.published).toBeNull();
    expect(raw.paragraphs).toHaveLength(2);
  });

  const headers: Array<{ name: string; text: string; expected: Record<string, unknown> }> = [
    {
      name: 'byline only, em dash',
      text: 'وكالة المرصد — مراسلنا\n\nوصل الوفد إلى العاصمة صباح اليوم في زيارة رسمية تستمر يومين.',
      expected: { outlet: 'وكالة المرصد', author: 'مراسلنا', published: null, caption: null },
    },
    {
      name: 'date and hyphen byline, no caption',
      text: '2023-07-01\n\nصحيفة الأفق - سامي العلي\n\nوصل الوفد إلى العاصمة صباح اليوم.',
      expected: { published: '2023-07-01', outlet: 'صحيفة الأفق', author: 'سامي العلي', caption: null },
    },
    {
      name: 'caption without date',
      text: 'متظاهرون أمام مبنى البرلمان (أ ف ب)\n\nتجمع مئات المتظاهرين أمام البرلمان للمطالبة بإصلاحات اقتصادية.',
      expected: { caption: 'متظاهرون أمام مبنى البرلمان', photoCredit: 'أ ف ب', published: null, outlet: null },
    },
    {
      name: 'no header at all',
      text: 'تجمع مئات المتظاهرين أمام البرلمان للمطالبة بإصلاحات اقتصادية.\n\nوقال أحدهم إن الأسعار ارتفعت.',
      expected: { title: null, caption: null, outlet: null, published: null },
    },
    {
      name: 'CRLF line ends',
      text: '14-مارس-2023\r\n\r\nوصل الوفد إلى العاصمة صباح اليوم.\r\n',
      expected: { published: '2023-03-14', paragraphs: ['وصل الوفد إلى العاصمة صباح اليوم.'] },
    },
  ];
  it.each(headers)('$name', ({ text, expected }) => {
    expect(parseTextDump(text)).toMatchObject(expected);
  });

  it('treats NBSP-only lines as blank and joins wrapped lines of one block', () => {
    const raw = parseTextDump('وصل الوفد إلى العاصمة\nصباح اليوم في زيارة رسمية.\n\u00A0\nوقال المتحدث إن الزيارة ناجحة.');
    expect(raw.paragraphs).toEqual(['وصل الوفد إلى العاصمة صباح اليوم في زيارة رسمية.', 'وقال المتحدث إن الزيارة ناجحة.']);
  });

  it('reads one paragraph per line when the dump has no blank lines', () => {
    expect(parseTextDump('وصل الوفد إلى العاصمة صباح اليوم.\nوقال المتحدث إن الزيارة ناجحة.').paragraphs).toHaveLength(2);
  });
});

describe('splitCredit', () => {
  it.each([
    { line: 'تصعيد مستمر في المدينة (رويترز)', expected: { caption: 'تصعيد مستمر في المدينة', credit: 'رويترز' } },
    { line: 'حقل قمح (الصورة: وكالة الأفق)', expected: { caption: 'حقل قمح', credit: 'وكالة الأفق' } },
    { line: 'قال الوزير (في مقابلة طويلة مع صحيفة محلية صدرت أمس الأحد)', expected: null },
    { line: 'بلا مصدر', expected: null },
  ])('$line', ({ line, expected }) => {
    expect(splitCredit(line)).toEqual(expected);
  });
});

describe('splitByline', () => {
  it.each([
    { line: 'الترا صوت – فريق التحرير', expected: { outlet: 'الترا صوت', author: 'فريق التحرير' } },
    { line: 'عين اليوم - الرياض', expected: { outlet: 'عين اليوم', author: 'الرياض' } },
    { line: 'قال الوزير – في بيان – إن الوضع مستقر', expected: null },
    { line: 'وأضاف أن الوضع مستقر، – وأن الأسعار ثابتة', expected: null },
  ])('$line', ({ line, expected }) => {
    expect(splitByline(line)).toEqual(expected);
  });
});

// Tests of the tokeniser: one table per token kind, offsets into the original text, and speed-critical edge cases.
import { describe, expect, it } from 'vitest';
import { isWordToken, tokenize, type TokenKind } from './tokenize.js';

/** The tokens of `text` as `text|kind` strings, for compact tables. */
function show(text: string): string[] {
  return tokenize(text).map((t) => `${t.text}|${t.kind}`);
}

describe('token kinds', () => {
  // [input, the token expected somewhere in it, its kind]
  const cases: [string, string, TokenKind][] = [
    ['أعلن الجيش', 'أعلن', 'word'],
    ['قَالَ الرَّئِيسُ', 'الرَّئِيسُ', 'word'],
    ['رئيـــس الحكومة', 'رئيـــس', 'word'],
    ['ﻻ تراجع', 'ﻻ', 'word'],
    ['وكالة Reuters للأنباء', 'Reuters', 'latin'],
    ['تنظيم al-Qaeda', 'al-Qaeda', 'latin'],
    ['فيروس COVID-19 ينتشر', 'COVID-19', 'latin'],
    ['شبكات 4G الجديدة', '4G', 'latin'],
    ['ارتفع إلى 1,500.5 دولار', '1,500.5', 'number'],
    ['ارتفع إلى ١٬٥٠٠٫٥ دولار', '١٬٥٠٠٫٥', 'number'],
    ['بلغ 3.5 مليون', '3.5', 'number'],
    ['انخفضت إلى -5 درجات', '-5', 'number'],
    ['بنسبة 25% تقريبا', '25%', 'percent'],
    ['بنسبة 25٪ تقريبا', '25٪', 'percent'],
    ['بنسبة ٪25 تقريبا', '٪25', 'percent'],
    ['بنسبة ٢٥٫٥٪ تقريبا', '٢٥٫٥٪', 'percent'],
    ['في 06-يناير-2022 وقع', '06-يناير-2022', 'date'],
    ['في 2022-01-06 وقع', '2022-01-06', 'date'],
    ['في 06/01/2022 وقع', '06/01/2022', 'date'],
    ['في ٦/١/٢٠٢٢ وقع', '٦/١/٢٠٢٢', 'date'],
    ['في 6.1.2022 وقع', '6.1.2022', 'date'],
    ['في الساعة 10:30 صباحا', '10:30', 'time'],
    ['في الساعة 10:30:15 صباحا', '10:30:15', 'time'],
    ['راجع https://example.com/news/2022/خبر-عاجل.html للتفاصيل', 'https://example.com/news/2022/خبر-عاجل.html', 'url'],
    ['راجع www.example.org للتفاصيل', 'www.example.org', 'url'],
    ['راجع example.com/ar للتفاصيل', 'example.com/ar', 'url'],
    ['راسلونا على news.desk@example.com اليوم', 'news.desk@example.com', 'email'],
    ['وسم #ليوناردو_دي_كابريو انتشر', '#ليوناردو_دي_كابريو', 'hashtag'],
    ['وسم #السعودية انتشر', '#السعودية', 'hashtag'],
    ['كتب @ahmed_news على', '@ahmed_news', 'handle'],
    ['قال، «نعم»', '،', 'punct'],
    ['قال، «نعم»', '«', 'punct'],
    ['هل انتهى؟', '؟', 'punct'],
    ['السعر $100', '$', 'symbol'],
    ['فرحة 😀 كبيرة', '😀', 'symbol'],
  ];
  it.each(cases)('%s → %s is %s', (text, token, kind) => {
    expect(show(text)).toContain(`${token}|${kind}`);
  });
});

describe('boundaries', () => {
  const cases: [string, string[]][] = [
    ['قال: «لن نتراجع».', ['قال|word', ':|punct', '«|punct', 'لن|word', 'نتراجع|word', '»|punct', '.|punct']],
    ['انتهى...', ['انتهى|word', '.|punct', '.|punct', '.|punct']],
    ['ماذا!!؟', ['ماذا|word', '!|punct', '!|punct', '؟|punct']],
    ['الموقع https://a.example.com/x.', ['الموقع|word', 'https://a.example.com/x|url', '.|punct']],
    ['(25 بالمئة)', ['(|punct', '25|number', 'بالمئة|word', ')|punct']],
    ['2020/2021', ['2020|number', '/|punct', '2021|number']],
    ['192.168.1.1', ['192.168.1.1|number']],
    ['C# و a@b', ['C|latin', '#|punct', 'و|word', 'a|latin', '@|punct', 'b|latin']],
    ['5 د.', ['5|number', 'د|word', '.|punct']],
    ['الحرب ـ كما', ['الحرب|word', 'ـ|symbol', 'كما|word']],
    ['خبر\u200fعاجل', ['خبر|word', 'عاجل|word']],
    ['خبر\u200c عاجل', ['خبر|word', 'عاجل|word']],
    ['الصورة h3.png هنا', ['الصورة|word', 'h3|latin', '.|punct', 'png|latin', 'هنا|word']],
    ['موقع vision.gov.sa الرسمي', ['موقع|word', 'vision.gov.sa|url', 'الرسمي|word']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('keeps ZWNJ inside a word', () => {
    expect(show('می\u200cخواهم')).toEqual(['می\u200cخواهم|word']);
  });
});

describe('offsets', () => {
  it('indexes the original text', () => {
    const text = '\u200fقال المسؤول: ارتفع العدد ٣٠٪ في 06/01/2022، راجع https://example.com.';
    for (const t of tokenize(text)) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.end).toBeGreaterThan(t.start);
    }
  });

  it('covers every non-space character', () => {
    const text = 'خبر عاجل: «انفجار» في المدينة!\n#عاجل';
    const covered = new Array<boolean>(text.length).fill(false);
    for (const t of tokenize(text)) for (let i = t.start; i < t.end; i++) covered[i] = true;
    for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i] as string)) expect(covered[i]).toBe(true);
  });

  it('keeps a surrogate pair whole and a lone surrogate alone', () => {
    expect(show('a\ud83d\ude00b')).toEqual(['a|latin', '\ud83d\ude00|symbol', 'b|latin']);
    expect(tokenize('\ud83d').map((t) => t.kind)).toEqual(['symbol']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0')).toEqual([]);
  });
});

describe('isWordToken', () => {
  it('accepts Arabic and Latin words only', () => {
    const kinds = tokenize('قال Reuters 25 ، #وسم').map((t) => [t.kind, isWordToken(t)]);
    expect(kinds).toEqual([
      ['word', true],
      ['latin', true],
      ['number', false],
      ['punct', false],
      ['hashtag', false],
    ]);
  });
});

// A hang guard, not a speed target (those live in `npm run bench`): quadratic scanning would take minutes.
describe('speed', () => {
  it('tokenises a 200k-char line without spaces quickly', () => {
    const text = 'كلمة'.repeat(50_000);
    const t0 = performance.now();
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

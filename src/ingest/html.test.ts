// Tests for the HTML reader: metadata sources, paragraph structure, scripts never text, broken markup survives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean-article.js';
import { htmlToParagraphs } from './html-text.js';
import { parseHtml } from './html.js';

const PAGE = readFileSync(new URL('../../fixtures/ingest/page.html', import.meta.url), 'utf8');
const SENTENCE = 'افتتحت وزارة المياه صباح الثلاثاء محطة تحلية جديدة على الساحل الشمالي بطاقة إنتاجية كبيرة، في خطوة تهدف إلى تخفيف أزمة المياه في المدن الساحلية والقرى المجاورة لها.';

describe('parseHtml on a full page', () => {
  const raw = parseHtml(PAGE, 'page.html');
  const article = cleanArticle(raw);

  it('reads metadata from og:, article: and author meta tags and the canonical link', () => {
    expect(raw).toMatchObject({
      title: 'افتتاح محطة تحلية جديدة على الساحل',
      outlet: 'شبكة الأفق',
      author: 'ليلى منصور',
      published: '2023-05-02T09:30:00+03:00',
      url: 'https://example.org/news/desalination-plant',
      language: 'ar',
      caption: 'المحطة الجديدة عند افتتاحها',
      photoCredit: 'وكالة الأفق',
    });
  });

  it('keeps paragraph structure: p, br, h2 and li each give a paragraph', () => {
    const paragraphs = article.paragraphs.map((s) => article.text.slice(s.start, s.end));
    expect(paragraphs).toContain('تمويل مشترك');
    expect(paragraphs).toContain('الطاقة الإنتاجية: مئة ألف متر مكعب يوميًا');
    expect(paragraphs).toContain('وإن العمل جارٍ على إنشاء محطتين إضافيتين بحلول العام المقبل.');
    expect(paragraphs[0]).toMatch(/^افتتحت وزارة المياه/u);
  });

  it('never turns scripts, styles, navigation or the headline into body text', () => {
    for (const junk of ['سكربت', 'لا يظهر', 'tracking', 'الرئيسية', 'color']) expect(article.text).not.toContain(junk);
    expect(article.text.startsWith('افتتاح محطة')).toBe(false);
  });
});

describe('parseHtml metadata sources', () => {
  const body = `<p>${SENTENCE}</p><p>${SENTENCE.replace('الثلاثاء', 'الأربعاء')}</p><p>${SENTENCE.replace('الثلاثاء', 'الخميس')}</p>`;
  const cases: Array<{ name: string; html: string; expected: Record<string, unknown> }> = [
    {
      name: 'JSON-LD NewsArticle in @graph',
      html: `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"عنوان من البيانات المنظمة","datePublished":"2023-02-01T10:00:00Z","author":[{"name":"كاتب أول"},{"name":"كاتب ثان"}],"publisher":{"name":"صحيفة البيانات"},"image":{"caption":"صورة أرشيفية"}}]}</script></head><body><article>${body}</article></body></html>`,
      expected: { title: 'عنوان من البيانات المنظمة', published: '2023-02-01T10:00:00Z', author: 'كاتب أول، كاتب ثان', outlet: 'صحيفة البيانات', caption: 'صورة أرشيفية' },
    },
    {
      name: '<title> with a site suffix, meta date, html lang with region',
      html: `<html lang="ar-EG"><head><title>خبر عاجل من القاهرة | Example.com</title><meta name="date" content="2023-03-05"></head><body>${body}</body></html>`,
      expected: { title: 'خبر عاجل من القاهرة', published: '2023-03-05', language: 'ar' },
    },
    {
      name: 'broken JSON-LD is ignored',
      html: `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="عنوان احتياطي"></head><body>${body}</body></html>`,
      expected: { title: 'عنوان احتياطي' },
    },
    {
      name: 'figcaption with a parenthesised credit',
      html: `<html><body><article><figure><img src="a.jpg"><figcaption>مشهد من المدينة (رويترز)</figcaption></figure>${body}</article></body></html>`,
      expected: { caption: 'مشهد من المدينة', photoCredit: 'رويترز' },
    },
  ];
  it.each(cases)('$name', ({ html, expected }) => {
    expect(parseHtml(html)).toMatchObject(expected);
  });
});

describe('parseHtml on bad markup', () => {
  const bad: Array<{ name: string; html: string }> = [
    { name: 'truncated mid-tag', html: `<html><body><p>${SENTENCE}</p><p>${SENTENCE.slice(0, 40)}<a hre` },
    { name: 'unclosed nesting', html: `<div>`.repeat(5000) + `<p>${SENTENCE}` },
    { name: 'no markup at all', html: SENTENCE },
    { name: 'only a script', html: '<script>alert("نص")</script>' },
    { name: 'stray closing tags', html: `</p></div></body><p>${SENTENCE}</p></html></html>` },
  ];
  it.each(bad)('$name: does not throw, scripts stay out', ({ html }) => {
    const article = cleanArticle(parseHtml(html));
    expect(article.text).not.toContain('alert');
    if (html.includes(SENTENCE.slice(0, 30))) expect(article.text).toContain(SENTENCE.slice(0, 30));
  });
});

describe('htmlToParagraphs', () => {
  it.each([
    { html: '<p>أ</p><p>ب</p>', expected: ['أ', 'ب'] },
    { html: 'سطر أول<br>سطر ثان<br/><br/>سطر ثالث', expected: ['سطر أول', 'سطر ثان', 'سطر ثالث'] },
    { html: '<ul><li>بند أول</li><li>بند <b>ثان</b></li></ul>', expected: ['بند أول', 'بند ثان'] },
    { html: '<h3>عنوان فرعي</h3><p>نص &amp; رموز &#1575;</p>', expected: ['عنوان فرعي', 'نص & رموز ا'] },
    { html: '<p>نص<style>p{}</style><script>x()</script> يكمل</p>', expected: ['نص يكمل'] },
  ])('$html', ({ html, expected }) => {
    expect(htmlToParagraphs(html)).toEqual(expected);
  });
});

// Tests for the feed reader: RSS 2.0 and Atom fixtures, RSS 1.0, HTML inside descriptions, bad feeds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0 items with dc:creator, category, CDATA HTML and media credit', () => {
    const items = parseFeed(fixture('feed.rss.xml'), 'feed.rss.xml');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      sourceId: 'afq-1001',
      title: 'ارتفاع أسعار القمح في الأسواق المحلية',
      url: 'https://example.org/news/wheat',
      published: '2023-05-02T07:15:00+03:00',
      author: 'سامي العلي',
      outlet: 'شبكة الأفق',
      language: 'ar',
      categories: ['اقتصاد'],
      caption: 'حقل قمح قبل الحصاد',
      photoCredit: 'وكالة الأفق',
      source: 'feed.rss.xml#item1',
    });
    expect(items[0]!.paragraphs).toHaveLength(2);
    expect(items[1]).toMatchObject({ author: 'نادر حسن', sourceId: 'https://example.org/news/football', source: 'feed.rss.xml#item2' });
    expect(items[1]!.published).toMatch(/^2023-05-01T21:00:00/u);
    expect(items[1]!.paragraphs[0]).toContain('الملعب الدولي & حضرها');
  });

  it('reads Atom entries: html and xhtml content, author name, published over updated, category label', () => {
    const entries = parseFeed(fixture('feed.atom.xml'), 'feed.atom.xml');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      sourceId: 'urn:example:entry:1',
      url: 'https://example.org/trees',
      published: '2023-06-10T08:00:00+02:00',
      author: 'هدى سليمان',
      categories: ['بيئة'],
      outlet: 'نشرة المرصد',
      language: 'ar',
    });
    expect(entries[0]!.paragraphs).toHaveLength(2);
    expect(entries[1]).toMatchObject({ title: 'افتتاح مكتبة عامة جديدة', published: '2023-06-09T10:00:00Z' });
    expect(entries[1]!.paragraphs).toEqual(['افتتحت مكتبة عامة جديدة في وسط المدينة تضم أكثر من عشرين ألف كتاب.', 'وتفتح المكتبة أبوابها يوميًا من التاسعة صباحًا حتى التاسعة مساءً.']);
  });

  it('reads RSS 1.0 items that sit beside the channel', () => {
    const xml = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>نشرة</title></channel><item rdf:about="https://example.org/x"><title>خبر</title><link>https://example.org/x</link><dc:date>2023-01-02</dc:date><description>نص الخبر الأول.</description></item></rdf:RDF>';
    expect(parseFeed(xml)).toMatchObject([{ sourceId: 'https://example.org/x', published: '2023-01-02', paragraphs: ['نص الخبر الأول.'], outlet: 'نشرة' }]);
  });

  it('returns no items for a feed without items', () => {
    expect(parseFeed('<rss><channel><title>فارغة</title></channel></rss>')).toEqual([]);
  });

  it.each(['<html><body>ليس خلاصة</body></html>', 'نص عادي', '<rs'])('rejects %s with E_FEED_PARSE', (xml) => {
    expect(() => parseFeed(xml)).toThrow(expect.objectContaining({ code: 'E_FEED_PARSE' }));
  });

  it('survives a feed truncated inside an item', () => {
    const text = fixture('feed.rss.xml');
    const items = parseFeed(text.slice(0, text.indexOf('</description>') + 20));
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]!.title).toBe('ارتفاع أسعار القمح في الأسواق المحلية');
  });
});

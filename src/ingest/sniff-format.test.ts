// Tests for sniffFormat: content signals first, then the path or content-type hint.
import { describe, expect, it } from 'vitest';
import { sniffFormat, type FormatHint, type InputFormat } from './sniff-format.js';

describe('sniffFormat', () => {
  const cases: Array<{ name: string; text: string; hint?: FormatHint; expected: InputFormat }> = [
    { name: 'RSS with XML declaration', text: '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', expected: 'feed' },
    { name: 'Atom', text: '<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة</title></feed>', expected: 'feed' },
    { name: 'RSS 1.0', text: '<?xml version="1.0"?><!-- نشرة --><rdf:RDF></rdf:RDF>', expected: 'feed' },
    { name: 'HTML doctype', text: '\uFEFF<!DOCTYPE html><html lang="ar"><body><p>خبر</p></body></html>', expected: 'html' },
    { name: 'HTML fragment', text: '<div><p>افتتح الوزير المعرض</p></div>', expected: 'html' },
    { name: 'JSONL', text: '{"id": "a1", "text": "خبر"}\n{"id": "a2", "text": "خبر آخر"}\n', expected: 'jsonl' },
    { name: 'text dump', text: '06-يناير-2022\n\nتصعيد في المدينة (رويترز)\n\nنص الخبر.', expected: 'text' },
    { name: 'text with .txt hint', text: 'افتتح الوزير المعرض.', hint: { path: 'a/b.txt' }, expected: 'text' },
    { name: 'path hint .jsonl for a broken first line', text: '{"id": 1, "text": "مقطوع\n', hint: { path: 'x.jsonl' }, expected: 'jsonl' },
    { name: 'content type hint', text: 'افتتح الوزير المعرض.', hint: { contentType: 'text/html; charset=utf-8' }, expected: 'html' },
    { name: 'content type rss', text: 'نص', hint: { contentType: 'application/rss+xml' }, expected: 'feed' },
    { name: 'content beats a wrong extension', text: '<rss version="2.0"></rss>', hint: { path: 'feed.txt' }, expected: 'feed' },
  ];
  it.each(cases)('$name → $expected', ({ text, hint, expected }) => {
    expect(sniffFormat(text, hint)).toBe(expected);
  });
});

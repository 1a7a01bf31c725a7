// Fuzz: random bytes, truncated HTML, enormous lines and mixed scripts through decode, every reader and cleanArticle.
// Properties: only MarsadError is thrown, nothing hangs, every paragraph span is a valid, trimmed slice of the text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Article } from '../model/analysis.js';
import { isMarsadError } from '../model/errors.js';
import { cleanArticle } from './clean-article.js';
import { decode } from './decode.js';
import { parseFeed } from './feed.js';
import { parseHtml } from './html.js';
import { parseJsonl } from './jsonl.js';
import { isRecordError, type RawArticle } from './raw-article.js';
import { sniffFormat } from './sniff-format.js';
import { parseTextDump } from './text-dump.js';

const PAGE = readFileSync(new URL('../../fixtures/ingest/page.html', import.meta.url), 'utf8');
const FEED = readFileSync(new URL('../../fixtures/ingest/feed.rss.xml', import.meta.url), 'utf8');
const DUMP = readFileSync(new URL('../../fixtures/ingest/dump-full.txt', import.meta.url), 'utf8');

/** Pieces that exercise every rule: Arabic with harakat, Latin, digits, NBSP, markup, furniture, dashes, controls, lone surrogates. */
const PIECES = [
  'أعلنت', 'الوزارة', 'آلاف', 'المتظاهرين', 'مُؤَكِّدَةً', 'ـــ', 'ء', 'The', 'minister', 'le', 'plan', '2022', '٢٠٢٢', ' ', ' ', '\u00A0', '\n', '\n\n',
  '\r\n', '\t', '.', '،', ':', '(رويترز)', ' – ', ' - ', 'اقرأ أيضا:', 'اقرأ/ي أيضًا:', 'شارك', 'بدوره', '06-يناير-2022', '<p>', '</p>', '<br>',
  '<script>', '</script>', '<div>', '&amp;', '&#1575;', '<![CDATA[', ']]>', '<rss>', '<item>', '<title>', '</item>', '{"text": "', '"}', '\u0000',
  '\u0007', '\u202E', '\uFEFF', '\uD800', '\uDC00', '😀', '\u0627\u0654',
];
const mixedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((parts) => parts.join(''));

function checkArticle(raw: RawArticle): void {
  const article = cleanArticle(raw);
  expect(() => Article.parse(article)).not.toThrow();
  let previousEnd = -1;
  for (const span of article.paragraphs) {
    expect(span.start).toBeGreaterThan(previousEnd);
    expect(span.end).toBeLessThanOrEqual(article.text.length);
    const slice = article.text.slice(span.start, span.end);
    expect(slice.length).toBeGreaterThan(0);
    expect(slice).toBe(slice.trim());
    previousEnd = span.end;
  }
}

/** Runs `f`; a throw must be a MarsadError. */
function onlyMarsadErrors(f: () => void): void {
  try {
    f();
  } catch (error) {
    if (!isMarsadError(error)) throw error;
  }
}

function readAll(text: string): void {
  checkArticle(parseTextDump(text));
  checkArticle(parseHtml(text));
  onlyMarsadErrors(() => parseFeed(text).forEach(checkArticle));
  for (const r of parseJsonl(text)) if (!isRecordError(r)) checkArticle(r);
  sniffFormat(text);
}

describe('ingest fuzz', () => {
  it('decode: random bytes give text or a MarsadError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        onlyMarsadErrors(() => {
          const { text } = decode(bytes);
          expect(typeof text).toBe('string');
          readAll(text);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('every reader and cleanArticle: mixed scripts and markup', () => {
    fc.assert(fc.property(mixedText, (text) => readAll(text)), { numRuns: 150 });
  });

  it('truncated and spliced HTML, feeds and dumps', () => {
    fc.assert(
      fc.property(fc.constantFrom(PAGE, FEED, DUMP), fc.nat(), fc.nat(), mixedText, (doc, cut, at, junk) => {
        const truncated = doc.slice(0, cut % (doc.length + 1));
        readAll(truncated);
        const k = at % (truncated.length + 1);
        readAll(truncated.slice(0, k) + junk + truncated.slice(k));
      }),
      { numRuns: 60 },
    );
  });

  const huge: Array<{ name: string; text: string }> = [
    { name: 'a 1 MB line', text: 'أعلنت الوزارة '.repeat(75_000) },
    { name: '20,000 unclosed divs', text: '<div>'.repeat(20_000) + 'نص' },
    { name: '5,000 paragraphs, every tenth repeated', text: Array.from({ length: 5000 }, (_, i) => `الفقرة رقم ${i % 10 === 0 ? 7 : i} من تقرير طويل عن الاحتجاجات في المدينة وما تبعها من أحداث.`).join('\n\n') },
    { name: 'a 1 MB word without spaces', text: 'ا'.repeat(1_000_000) },
  ];
  it.each(huge)('$name: finishes quickly', ({ text }) => {
    const started = performance.now();
    readAll(text);
    onlyMarsadErrors(() => decode(Buffer.from(text, 'utf8')));
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

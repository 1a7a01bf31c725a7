// Tests for readInputs over a temporary directory: order, hidden files, encodings, a bad file in the middle, stdin.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, readText, type ReadResult } from './read-inputs.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
const LEGACY = 'وصل وفد وزاري إلى العاصمة صباح اليوم في زيارة رسمية تستمر ثلاثة أيام.\n\nوقال المتحدث باسم الوفد إن الزيارة ستتناول التعاون الاقتصادي.';

async function collect(iterable: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

const summary = (r: ReadResult): string => `${r.source.replace(/^.*ingest-test-[^/]+\//u, '')} ${r.ok ? 'ok' : r.error.code}`;

describe('readInputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
    writeFileSync(join(dir, 'a-dump.txt'), fixture('dump-full.txt'));
    writeFileSync(join(dir, 'b-image.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d));
    mkdirSync(join(dir, 'c-pages'));
    writeFileSync(join(dir, 'c-pages', 'page.html'), fixture('page.html'));
    writeFileSync(join(dir, 'c-pages', '.hidden.txt'), 'ملف مخفي لا يقرأ.');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), 'ملف مخفي');
    writeFileSync(join(dir, 'd-articles.jsonl'), fixture('articles.jsonl'));
    writeFileSync(join(dir, 'e-feed.xml'), fixture('feed.atom.xml'));
    writeFileSync(join(dir, 'f-legacy-1256.txt'), iconv.encode(LEGACY, 'windows-1256'));
    writeFileSync(join(dir, 'g-legacy-iso.txt'), iconv.encode(LEGACY, 'iso-8859-6'));
    writeFileSync(join(dir, 'h-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(LEGACY, 'utf-16le')]));
    writeFileSync(join(dir, 'i-empty.txt'), '');
    writeFileSync(join(dir, 'j-furniture.txt'), 'شارك\n\nاقرأ أيضا: خبر آخر\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks the directory sorted, skips hidden entries, and goes on after failures', async () => {
    const results = await collect(readInputs([dir]));
    expect(results.map(summary)).toEqual([
      'a-dump.txt ok',
      'b-image.png E_INPUT_BINARY',
      'c-pages/page.html ok',
      'd-articles.jsonl#L1 ok',
      'd-articles.jsonl#L3 E_JSONL_RECORD',
      'd-articles.jsonl#L4 E_JSONL_RECORD',
      'd-articles.jsonl#L5 ok',
      'd-articles.jsonl#L6 E_JSONL_RECORD',
      'e-feed.xml#item1 ok',
      'e-feed.xml#item2 ok',
      'f-legacy-1256.txt ok',
      'g-legacy-iso.txt ok',
      'h-utf16.txt ok',
      'i-empty.txt E_INPUT_EMPTY',
      'j-furniture.txt E_NO_TEXT',
    ]);
    for (const r of results) {
      if (r.ok) {
        expect(r.article.source).toBe(r.source);
        for (const span of r.article.paragraphs) expect(r.article.text.slice(span.start, span.end).trim()).not.toBe('');
      } else {
        expect(r.error.source).toBe(r.source);
      }
    }
  });

  it('decodes legacy and UTF-16 files to the same article', async () => {
    const results = await collect(readInputs(['f-legacy-1256.txt', 'g-legacy-iso.txt', 'h-utf16.txt'].map((f) => join(dir, f))));
    const texts = results.map((r) => (r.ok ? r.article.text : r.error.code));
    expect(texts[0]).toBe(LEGACY);
    expect(new Set(texts).size).toBe(1);
    expect(new Set(results.map((r) => (r.ok ? r.article.id : ''))).size).toBe(1);
  });

  it('reports a missing path with E_INPUT_NOT_FOUND and continues', async () => {
    const results = await collect(readInputs([join(dir, 'missing.txt'), join(dir, 'a-dump.txt')]));
    expect(results.map(summary)).toEqual(['missing.txt E_INPUT_NOT_FOUND', 'a-dump.txt ok']);
  });

  it('refuses inputs over maxBytes with E_INPUT_TOO_LARGE', async () => {
    const results = await collect(readInputs([join(dir, 'c-pages', 'page.html')], { maxBytes: 100 }));
    expect(results.map(summary)).toEqual(['c-pages/page.html E_INPUT_TOO_LARGE']);
  });

  it('reads «-» from the given stdin stream', async () => {
    const stdin = Readable.from([Buffer.from(fixture('dump-bare.txt'))]);
    const [result] = await collect(readInputs(['-'], { stdin }));
    expect(result).toMatchObject({ ok: true, source: 'stdin', article: { title: 'افتتاح معرض الكتاب السنوي في العاصمة' } });
  });

  it('uses the forced format instead of sniffing', async () => {
    const results = await collect(readInputs([join(dir, 'c-pages', 'page.html')], { format: 'text' }));
    expect(results[0]!.ok && results[0]!.article.text.includes('<p>')).toBe(true);
  });

  // JSONL in UTF-8 is streamed line by line; the results must be those of parsing the whole text at once.
  const jsonlLine = (i: number) => JSON.stringify({ id: i, outlet: 'وكالة الأنباء', title: `اجتماع وزاري رقم ${i} في العاصمة`, text: `عقد مجلس الوزراء اجتماعه الأسبوعي رقم ${i} وناقش خطة الموازنة الجديدة.\nوأكد المتحدث أن القرارات ستعلن غدا.` });
  const streamCases: Array<{ name: string; content: string }> = [
    { name: 'the fixture', content: fixture('articles.jsonl').toString('utf8') },
    { name: 'CRLF line ends, a BOM and blank lines', content: '\uFEFF' + [jsonlLine(1), '', jsonlLine(2), '   ', jsonlLine(3)].join('\r\n') + '\r\n' },
    // Over the 64 KiB sniffing sample, so the sample is cut inside the file (at a line end, never mid-letter).
    { name: 'a file longer than the sniffing sample, no final newline', content: Array.from({ length: 600 }, (_, i) => jsonlLine(i)).join('\n') },
  ];
  it.each(streamCases)('streams JSONL with the same results as the whole text: $name', async ({ content }) => {
    const file = join(dir, 'stream.jsonl');
    writeFileSync(file, content);
    const streamed = await collect(readInputs([file]));
    const whole = readText(content.replace(/^\uFEFF/u, ''), 'jsonl', file);
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed.map(summary)).toEqual(whole.map(summary));
    expect(streamed.map((r) => (r.ok ? r.article : null))).toEqual(whole.map((r) => (r.ok ? r.article : null)));
  });

  it('refuses a JSONL line over maxBytes and reads the lines around it', async () => {
    const file = join(dir, 'long-line.jsonl');
    writeFileSync(file, [jsonlLine(1), jsonlLine(2).replace('الجديدة', 'الجديدة '.repeat(200)), jsonlLine(3)].join('\n') + '\n');
    const results = await collect(readInputs([file], { maxBytes: 1000 }));
    expect(results.map(summary)).toEqual(['long-line.jsonl#L1 ok', 'long-line.jsonl#L2 E_INPUT_TOO_LARGE', 'long-line.jsonl#L3 ok']);
  });

  it('reads a windows-1256 JSONL file whole, decoded as before', async () => {
    const file = join(dir, 'legacy.jsonl');
    writeFileSync(file, iconv.encode([jsonlLine(1), jsonlLine(2)].join('\n') + '\n', 'windows-1256'));
    const results = await collect(readInputs([file]));
    expect(results.map(summary)).toEqual(['legacy.jsonl#L1 ok', 'legacy.jsonl#L2 ok']);
    expect(results[0]!.ok && results[0]!.article.title).toBe('اجتماع وزاري رقم 1 في العاصمة');
  });
});

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';

/** Runs the CLI in process and captures what it prints. */
async function run(args: string[], stdinText = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const stdin = Readable.from([Buffer.from(stdinText)]) as Io['stdin'];
  const code = await main(args, { stdin, stdout, stderr });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

const DUMP = [
  '12-مارس-2023',
  '',
  'سفينة شحن في ميناء العقبة (الأناضول)',
  '',
  'صحيفة المساء – ريم العلي',
  '',
  'وصلت أمس إلى ميناء العقبة سفينة محملة بالقمح، وقال مدير الميناء إن التفريغ سيستغرق يومين.',
  '',
  'اقرأ أيضًا: أسعار القمح تواصل الارتفاع',
  '',
  'وأضاف أن الميناء يستقبل عشرات السفن كل شهر.',
].join('\n');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'marsad-cli-'));
}

describe('marsad analyze', () => {
  it('prints one article as indented JSON with its metadata and cleaned text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), DUMP);
    const { code, stdout, stderr } = await run(['analyze', join(dir, 'a.txt'), '--no-ner']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const analysis = JSON.parse(stdout);
    expect(analysis.schema).toBe('marsad.analysis/1');
    expect(analysis.article).toMatchObject({ published: '2023-03-12', outlet: 'صحيفة المساء', author: 'ريم العلي', photoCredit: 'الأناضول' });
    expect(analysis.article.text).not.toContain('اقرأ أيضًا');
    expect(analysis.article.removed.map((r: { kind: string }) => r.kind)).toContain('read-also');
    const yesterday = analysis.times.find((t: { text: string }) => t.text.includes('أمس'));
    expect(yesterday?.value).toBe('2023-03-11');
    for (const s of analysis.sentences) expect(s.end).toBeGreaterThan(s.start);
  });

  it('keeps going after a bad file, names it on stderr and exits 1', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'batch'));
    writeFileSync(join(dir, 'batch', '1.txt'), DUMP);
    writeFileSync(join(dir, 'batch', '2.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0]));
    writeFileSync(join(dir, 'batch', '3.txt'), '   \n\n ');
    writeFileSync(join(dir, 'batch', '4.txt'), DUMP.replace('سفينة محملة بالقمح', 'ناقلة نفط'));
    const { code, stdout, stderr } = await run(['analyze', join(dir, 'batch'), '--no-ner']);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(stderr).toMatch(/2\.bin: .*\[E_INPUT_BINARY\]/);
    expect(stderr).toMatch(/3\.txt: .*\[E_INPUT_EMPTY\]/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack traces for user errors
  });

  it('gives JSONL output for JSONL input, one line per record, keeping record ids', async () => {
    const dir = tempDir();
    const records = [
      { id: 'r1', outlet: 'وكالة الشرق', url: 'https://example.org/1', date: '2018-03-04', title: 'عنوان أول', text: 'افتتح الوزير أمس مدرسة جديدة في المدينة.' },
      { id: 'r2', outlet: 'وكالة الشرق', url: 'https://example.org/2', date: '2018-03-05', title: 'عنوان ثان', text: 'أعلنت البلدية اليوم خطة لتوسيع الطريق.' },
    ];
    writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\nnot json\n');
    const { code, stdout } = await run(['analyze', join(dir, 'in.jsonl'), '--no-ner']);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].article.sourceId).toBe('r1');
    expect(lines[1].article.sourceId).toBe('r2');
    expect(lines[2]).toMatchObject({ schema: 'marsad.error/1', error: { code: 'E_JSONL_RECORD' } });
    expect(code).toBe(1);
  });

  it('reads stdin with -', async () => {
    const { code, stdout } = await run(['analyze', '-', '--no-ner', '--format', 'jsonl'], DUMP);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim()).article.outlet).toBe('صحيفة المساء');
  });

  it('names a missing file and exits 1 without a stack trace', async () => {
    const { code, stderr } = await run(['analyze', '/nonexistent/x.txt', '--no-ner']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\/nonexistent\/x\.txt: .*\[E_INPUT_NOT_FOUND\]/);
  });

  it('rejects an unknown format and an unknown option as usage errors (exit 2)', async () => {
    expect((await run(['analyze', 'x', '--format', 'xml'])).code).toBe(2);
    expect((await run(['analyze', 'x', '--colour'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  it('prints the JSON Schema', async () => {
    const { code, stdout } = await run(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).type).toBe('object');
  });
});

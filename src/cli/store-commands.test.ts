// `marsad ingest`, `marsad search` and `marsad export` in process on hand-written articles: output shapes, exit codes, usage errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.js';
import { testJsonl } from '../store/test-articles.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const stdin = Readable.from([]) as Io['stdin'];
  const code = await main(args, { stdin, stdout, stderr });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

let dir: string;
let db: string;
let ingest: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-store-'));
  db = join(dir, 'test.sqlite');
  writeFileSync(join(dir, 'news.jsonl'), testJsonl() + '{"title": "سجل بلا نص"}\n');
  ingest = await run(['ingest', join(dir, 'news.jsonl'), '--db', db, '--workers', '0']);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('marsad ingest', () => {
  it('stores the articles, reports the failed record with its code, and exits 1 for it', () => {
    expect(ingest.code).toBe(1);
    expect(ingest.stderr).toMatch(/ingested\s+6/u);
    expect(ingest.stderr).toContain('#L7');
    expect(ingest.stderr).toContain('E_JSONL_RECORD');
  });

  it('skips everything on a second run', async () => {
    const again = await run(['ingest', join(dir, 'news.jsonl'), '--db', db, '--workers', '0']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/ingested\s+0/u);
    expect(again.stderr).toContain('unchanged files skipped 1');
  });

  it('rejects a bad --workers value as a usage error', async () => {
    expect((await run(['ingest', join(dir, 'news.jsonl'), '--db', db, '--workers', 'many'])).code).toBe(2);
  });
});

describe('marsad search', () => {
  it('prints ranked results with highlights and facets', async () => {
    const result = await run(['search', 'والمستشفى', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2 results for «والمستشفى»/u);
    expect(result.stdout).toContain('[مستشفى]');
    expect(result.stdout).toContain('outlets:');
  });

  it('prints JSON with filters applied', async () => {
    const result = await run(['search', 'أسعار', '--db', db, '--outlet', 'موقع الخليج', '--format', 'json']);
    const parsed = JSON.parse(result.stdout) as { total: number; hits: Array<{ outlet: string }> };
    expect(parsed.total).toBe(1);
    expect(parsed.hits[0]?.outlet).toBe('موقع الخليج');
  });

  it('reports a query syntax error as a coded message, never SQL', async () => {
    const result = await run(['search', '"مفتوح', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[E_QUERY]');
    expect(result.stderr).not.toMatch(/sqlite|fts5/iu);
  });

  it('says clearly when the database does not exist', async () => {
    const result = await run(['search', 'جدة', '--db', join(dir, 'missing.sqlite')]);
    expect(result.stderr).toContain('[E_STORE]');
  });
});

describe('marsad export', () => {
  it('writes Analysis JSONL with the story of each article', async () => {
    const result = await run(['export', '--db', db, '--format', 'jsonl']);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { schema: string; article: { text: string }; story: { id: string } });
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.schema === 'marsad.analysis/1' && l.story.id.startsWith('story:') && l.article.text.length > 0)).toBe(true);
  });

  it('writes a CSV table with its header, filtered like search', async () => {
    const result = await run(['export', '--db', db, '--format', 'csv', '--table', 'entities', '--place', 'جدة']);
    const [header, ...rows] = result.stdout.trim().split('\r\n');
    expect(header).toMatch(/^article_id,/u);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('geonames:105343'))).toBe(true);
  });

  it('rejects --table without --format csv', async () => {
    expect((await run(['export', '--db', db, '--format', 'jsonl', '--table', 'events'])).code).toBe(2);
  });
});

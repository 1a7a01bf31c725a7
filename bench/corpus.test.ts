// Tests for the benchmark corpus reader, on a temporary folder of self-written JSONL records.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCorpusFiles, loadCorpus, resolveDataDir, streamArticles, writeCorpusFile } from './corpus.js';

const record = (id: string, text: unknown): string => JSON.stringify({ id, outlet: 'test', text });

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'marsad-corpus-test-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function writeNews(files: Record<string, string[]>): void {
  mkdirSync(join(dataDir, 'news'), { recursive: true });
  for (const [name, lines] of Object.entries(files)) writeFileSync(join(dataDir, 'news', name), `${lines.join('\n')}\n`);
}

describe('resolveDataDir', () => {
  it.each([
    [{ MARSAD_DATA: '/data/x' }, '/data/x'],
    [{ MARSAD_DATA: '' }, resolve('/repo', '..', 'shared', 'data')],
    [{}, resolve('/repo', '..', 'shared', 'data')],
  ])('with %j it is %s', (env, expected) => {
    expect(resolveDataDir('/repo', env)).toBe(expected);
  });
});

describe('findCorpusFiles', () => {
  it('is null without a news folder', () => {
    expect(findCorpusFiles(dataDir)).toBeNull();
  });

  it('lists the JSONL files in name order', () => {
    writeNews({ 'b.jsonl': [record('b1', 'نص')], 'a.jsonl': [record('a1', 'نص')], 'notes.md': ['x'] });
    expect(findCorpusFiles(dataDir)).toEqual([join(dataDir, 'news', 'a.jsonl'), join(dataDir, 'news', 'b.jsonl')]);
  });
});

describe('streamArticles', () => {
  it('yields texts in file order and skips records without a text', async () => {
    writeNews({
      'a.jsonl': [record('a1', 'افتتح الوزير المعرض في الرياض أمس.'), record('a2', ''), '', record('a3', null)],
      'b.jsonl': [record('b1', 'وقال المتحدث إن الاجتماع سيعقد غداً.')],
    });
    const ids: string[] = [];
    for await (const article of streamArticles(dataDir)) ids.push(article.id);
    expect(ids).toEqual(['a1', 'b1']);
  });

  it('stops at the limit, across files', async () => {
    writeNews({ 'a.jsonl': [record('a1', 'خبر أول')], 'b.jsonl': [record('b1', 'خبر ثان'), record('b2', 'خبر ثالث')] });
    expect(await loadCorpus(dataDir, { limit: 2 })).toEqual(['خبر أول', 'خبر ثان']);
  });

  it('throws E_JSONL_RECORD naming the line of a broken record', async () => {
    writeNews({ 'a.jsonl': [record('a1', 'خبر'), '{"id": "a2", "text": '] });
    await expect(loadCorpus(dataDir)).rejects.toMatchObject({ code: 'E_JSONL_RECORD', source: `${join(dataDir, 'news', 'a.jsonl')}:2` });
  });

  it('throws E_INPUT_NOT_FOUND when there is no corpus', async () => {
    await expect(loadCorpus(dataDir)).rejects.toMatchObject({ code: 'E_INPUT_NOT_FOUND' });
  });
});

describe('writeCorpusFile', () => {
  it('separates texts with NUL so each keeps its line breaks', async () => {
    const path = join(dataDir, 'corpus.txt');
    await writeCorpusFile(['سطر أول\nسطر ثان', 'خبر آخر'], path);
    expect(readFileSync(path, 'utf8').split('\u0000')).toEqual(['سطر أول\nسطر ثان', 'خبر آخر']);
  });
});

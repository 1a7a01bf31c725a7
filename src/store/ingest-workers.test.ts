// The worker's bounded caches (tiny memos, the NER views renewed after every article) change no analysis.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../model/analysis.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { readInputs } from '../ingest/index.js';
import { createAnalysisPool, createWorkerAnalysis, threadMemory, type AnalysisResult } from './ingest-workers.js';
import { testJsonl } from './test-articles.js';

const setup = { resourcesDir: defaultResourcesDir(), ner: true, kbFiles: [] };
let dir: string;
const articles: Article[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-workers-'));
  writeFileSync(join(dir, 'a.jsonl'), testJsonl());
  for await (const r of readInputs([join(dir, 'a.jsonl')])) if (r.ok) articles.push(r.article);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createWorkerAnalysis', () => {
  it('gives the same results with tiny cache bounds, over two passes', async () => {
    const plain = await createWorkerAnalysis(setup);
    const tight = await createWorkerAnalysis(setup, { memoLimit: 2 });
    const run = (a: { analyse(x: Article): AnalysisResult }) => [...articles, ...articles].map((x) => a.analyse(x));
    const expected = run(plain);
    expect(articles.length).toBeGreaterThan(3);
    expect(expected.some((r) => r.analysis.entities.length > 0)).toBe(true);
    expect(run(tight)).toEqual(expected);
  });

  it('reports memory for each worker thread and none for an inline pool', async () => {
    const inline = await createAnalysisPool({ ...setup, workers: 0 });
    expect(await inline.memory()).toEqual([]);
    await inline.close();
    const m = threadMemory();
    expect(m.heapUsed).toBeGreaterThan(0);
    expect(m.rss).toBeGreaterThanOrEqual(m.heapUsed);
  });
});

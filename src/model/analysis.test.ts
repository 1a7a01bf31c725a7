import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Analysis, analysisJsonSchema, SCHEMA_ID } from './analysis.js';

describe('the Analysis contract', () => {
  it('matches the exported JSON Schema file (run `npx tsx scripts/export-schema.ts` after changing it)', () => {
    const file = JSON.parse(readFileSync(new URL('../../schema/analysis.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(analysisJsonSchema());
  });

  it('keeps the names the issue fixed', () => {
    const schema = analysisJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schema', 'article', 'sentences', 'entities', 'quotes', 'times', 'events']));
    expect(Object.keys(schema.properties.article?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'outlet', 'author', 'url', 'published', 'title', 'caption', 'photoCredit', 'language', 'text', 'paragraphs', 'removed']),
    );
  });

  it('rejects unknown keys, so a typo never passes as valid output', () => {
    const base = {
      schema: SCHEMA_ID,
      article: { id: 'a', outlet: null, author: null, url: null, published: null, title: null, caption: null, photoCredit: null, language: 'ar', text: '', paragraphs: [], removed: [] },
      sentences: [], entities: [], quotes: [], times: [], events: [],
    };
    expect(Analysis.safeParse(base).success).toBe(true);
    expect(Analysis.safeParse({ ...base, sentance: [] }).success).toBe(false);
  });
});

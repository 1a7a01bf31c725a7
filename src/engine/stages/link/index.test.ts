// Tests for the `link` stage object: declared capabilities, options validation, and its step on a doc.
import { describe, expect, it } from 'vitest';
import { emptyAnalysis } from '../../pipeline.js';
import { link, LinkStageOptions } from './index.js';
import { createTestKnowledgeBase, testArticle } from './test-kb.js';

describe('link stage', () => {
  it('requires and provides entities', () => {
    expect(link.requires).toEqual(['entities']);
    expect(link.provides).toEqual(['entities']);
  });

  it('validates options: defaults filled, unknown keys refused', () => {
    expect(LinkStageOptions.parse({})).toEqual({ threshold: 0.8, gazetteer: true });
    expect(LinkStageOptions.safeParse({ treshold: 0.5 }).success).toBe(false);
  });

  it('replaces the doc entities with linked ones; with the gazetteer off, only NER mentions are linked', () => {
    const kb = createTestKnowledgeBase();
    const text = 'وصلت قوات روسية إلى كازاخستان.';
    const doc = { analysis: emptyAnalysis(testArticle(text)), scratch: {} };
    const on = link.create(LinkStageOptions.parse({}), kb)(structuredClone(doc));
    expect(on.analysis.entities.map((e) => e.id)).toEqual(['norp:RU', 'iso:KZ']);
    const off = link.create(LinkStageOptions.parse({ gazetteer: false }), kb)(structuredClone(doc));
    expect(off.analysis.entities).toEqual([]);
  });
});

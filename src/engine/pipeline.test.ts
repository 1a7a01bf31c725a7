import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPipeline, type Stage } from './pipeline.js';
import { MarsadError } from '../model/errors.js';
import type { Article } from '../model/analysis.js';

const article: Article = {
  id: 'x', outlet: null, author: null, url: null, published: '2022-01-06', title: null, caption: null,
  photoCredit: null, language: 'ar', text: 'قال الوزير إن الوضع هادئ.', paragraphs: [{ start: 0, end: 25 }], removed: [],
};

const fakeSentences: Stage<Record<string, never>> = {
  name: 'fake-sentences',
  requires: ['article'],
  provides: ['sentences'],
  options: z.strictObject({}),
  create: () => (doc) => {
    doc.analysis.sentences = [{ start: 0, end: doc.analysis.article.text.length }];
    return doc;
  },
};

const needsEntities: Stage<{ limit: number }> = {
  name: 'needs-entities',
  requires: ['entities'],
  provides: ['events'],
  options: z.strictObject({ limit: z.number().int().default(3) }),
  create: () => (doc) => doc,
};

const broken: Stage<Record<string, never>> = {
  name: 'broken',
  requires: ['sentences'],
  provides: ['times'],
  options: z.strictObject({}),
  create: () => () => {
    throw new Error('boom');
  },
};

describe('createPipeline', () => {
  it('names the missing requirement and the stage that needs it', () => {
    expect(() => createPipeline({ stages: [{ stage: fakeSentences }, { stage: needsEntities }] })).toThrowError(
      /stage "needs-entities" requires entities/,
    );
  });

  it('rejects unknown option keys with E_OPTIONS', () => {
    try {
      createPipeline({ stages: [{ stage: fakeSentences, options: { colour: 'red' } }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MarsadError);
      expect((error as MarsadError).code).toBe('E_OPTIONS');
    }
  });

  it('runs stages in order and fills the analysis', () => {
    const { analysis, errors } = createPipeline({ stages: [{ stage: fakeSentences }] }).run(article);
    expect(errors).toEqual([]);
    expect(analysis.schema).toBe('marsad.analysis/1');
    expect(analysis.sentences).toEqual([{ start: 0, end: 25 }]);
  });

  it('records a failing stage and goes on under the record policy', () => {
    const { analysis, errors } = createPipeline({ stages: [{ stage: fakeSentences }, { stage: broken }], onError: 'record' }).run(article);
    expect(errors).toEqual([{ stage: 'broken', code: 'E_STAGE_FAILED', message: 'boom' }]);
    expect(analysis.sentences).toHaveLength(1);
  });

  it('throws a coded error under the fail policy', () => {
    const pipeline = createPipeline({ stages: [{ stage: fakeSentences }, { stage: broken }], onError: 'fail' });
    expect(() => pipeline.run(article)).toThrowError(/stage "broken" failed: boom/);
  });

  it('reports per-stage timings when asked', () => {
    const { analysis } = createPipeline({ stages: [{ stage: fakeSentences }], timings: true }).run(article);
    expect(Object.keys(analysis.timings ?? {})).toEqual(['fake-sentences']);
  });
});

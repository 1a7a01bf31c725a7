// The quotes and events stages in a pipeline: requirements checked, the contract's shape filled.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Analysis, type Article } from '../../../model/analysis.js';
import { createPipeline, type Stage } from '../../pipeline.js';
import { sentences } from '../sentences.js';
import { times } from '../times.js';
import { loadQuoteLexicon, quotes } from '../quotes/index.js';
import { events, loadEventLexicon } from './index.js';
import { placeEntities } from './test-doc.js';

const resource = (path: string) => fileURLToPath(new URL(`../../../../resources/${path}`, import.meta.url));

/** Stands in for NER + linking: places two entities by their names. */
const handEntities: Stage<Record<string, never>> = {
  name: 'hand-entities',
  requires: ['sentences'],
  provides: ['entities'],
  options: z.strictObject({}),
  create: () => (doc) => {
    doc.analysis.entities = placeEntities(doc.analysis.article.text, [
      { id: 'fm', type: 'ORG', forms: ['وزارة الخارجية القطرية'] },
      { id: 'gaza', type: 'GPE', forms: ['غزة'] },
    ]);
    return doc;
  },
};

const article: Article = {
  id: 'a1',
  outlet: null,
  author: null,
  url: null,
  published: '2023-10-20',
  title: null,
  caption: null,
  photoCredit: null,
  language: 'ar',
  text: 'أدانت وزارة الخارجية القطرية أمس القصف الذي استهدف مستشفى في غزة. وقالت الوزارة في بيان إن "استهداف المدنيين جريمة".',
  paragraphs: [],
  removed: [],
};

describe('quotes and events stages', () => {
  it('fill quotes and events in the Analysis contract', () => {
    const pipeline = createPipeline({
      stages: [
        { stage: sentences },
        { stage: times },
        { stage: handEntities },
        { stage: quotes, resources: loadQuoteLexicon(resource('quotes/quote-lexicon.tsv')) },
        { stage: events, resources: loadEventLexicon(resource('events/event-lexicon.tsv')) },
      ],
      onError: 'fail',
    });
    const { analysis } = pipeline.run(article);
    expect(() => Analysis.parse(analysis)).not.toThrow();
    expect(analysis.quotes.map((q) => [q.speaker.entity, q.channel, q.direct])).toEqual([['fm', 'statement', true]]);
    const accuse = analysis.events.find((e) => e.type === 'ACCUSE');
    expect(accuse?.actor.map((r) => r.entity)).toEqual(['fm']);
    expect(accuse?.date).toBe('2023-10-19');
  });

  it('refuses to run events before quotes', () => {
    expect(() => createPipeline({ stages: [{ stage: sentences }, { stage: times }, { stage: handEntities }, { stage: events }] })).toThrow(/requires quotes/);
  });
});

// Stage `sentences`: sentence spans over the cleaned article text.
import { z } from 'zod';
import { splitSentences } from '../../arabic/sentences.js';
import type { Stage } from '../pipeline.js';

export const sentences: Stage<Record<string, never>> = {
  name: 'sentences',
  requires: ['article'],
  provides: ['sentences'],
  options: z.strictObject({}),
  create: () => (doc) => {
    doc.analysis.sentences = splitSentences(doc.analysis.article.text).map(({ start, end }) => ({ start, end }));
    return doc;
  },
};

// Stage `times`: time expressions in the title and body, resolved against the article's date
// («أمس» resolves against the publication date, not the day we read it).
import { z } from 'zod';
import { findTimes } from '../../arabic/times.js';
import type { TimeExpr } from '../../model/analysis.js';
import type { Stage } from '../pipeline.js';

export const times: Stage<Record<string, never>> = {
  name: 'times',
  requires: ['article'],
  provides: ['times'],
  options: z.strictObject({}),
  create: () => (doc) => {
    const { article } = doc.analysis;
    const anchor = article.published ? article.published.slice(0, 10) : null;
    const found: TimeExpr[] = [];
    if (article.title) {
      for (const t of findTimes(article.title, anchor)) found.push({ ...t, field: 'title' });
    }
    for (const t of findTimes(article.text, anchor)) found.push({ ...t });
    doc.analysis.times = found;
    return doc;
  },
};

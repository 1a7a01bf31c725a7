// Stage `link`: NER-grouped entities → knowledge-base links, in-document coreference, nominal mentions,
// refined types (GPE/LOC/FAC, NORP, MEDIA) and geolocation. The knowledge base is loaded once and handed in.
import { z } from 'zod';
import type { Stage } from '../../pipeline.js';
import type { KnowledgeBase } from './kb.js';
import { DEFAULT_LINK_OPTIONS, linkEntities } from './linker.js';

export const LinkStageOptions = z.strictObject({
  /** Match score below which a mention stays NIL. */
  threshold: z.number().min(0).max(1).default(DEFAULT_LINK_OPTIONS.threshold),
  /** Find KB names that NER missed (countries, cities, organisations, outlets). */
  gazetteer: z.boolean().default(DEFAULT_LINK_OPTIONS.gazetteer),
});
export type LinkStageOptions = z.infer<typeof LinkStageOptions>;

export const link: Stage<LinkStageOptions, KnowledgeBase> = {
  name: 'link',
  requires: ['entities'],
  provides: ['entities'],
  options: LinkStageOptions,
  create: (options, kb) => (doc) => {
    doc.analysis.entities = linkEntities(kb, doc.analysis.article, doc.analysis.entities, options);
    return doc;
  },
};

export { loadKnowledgeBase, createKnowledgeBase, type KnowledgeBase, type KbEntry, type LoadKnowledgeBaseOptions, type KbSources } from './kb.js';
export { linkEntities, nilId, DEFAULT_LINK_OPTIONS, type LinkOptions } from './linker.js';
export { createCorpusIdentity, type CorpusIdentity } from './corpus-identity.js';

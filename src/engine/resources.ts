// Loads the shipped resources (models, lexicons, knowledge base) once, explicitly, so stages get them handed in.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { MarsadError } from '../model/errors.js';
import type { AnalyzerResources } from './analyzer.js';
import { loadCliticLexicon } from '../arabic/clitic-lexicon.js';
import { createSegmenter } from '../arabic/clitics.js';
import { createNerTagger, loadNerModel } from './stages/ner/index.js';
import { loadKnowledgeBase } from './stages/link/kb.js';
import { loadQuoteLexicon } from './stages/quotes/lexicon.js';
import { loadEventLexicon } from './stages/events/lexicon.js';

/** The `resources/` folder of the installed package (the same depth from src/ and dist/). */
export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

export interface LoadOptions {
  /** Load the NER model (default true). */
  ner?: boolean;
  /** User knowledge-base files (TSV or JSON) added to the shipped KB. */
  kbFiles?: string[];
}

/** The shipped files each resource is read from, relative to the resources folder. */
export const RESOURCE_PATHS = {
  cliticLexicon: 'arabic/clitic-lexicon.tsv',
  ner: 'ner',
  kb: 'kb',
  quotes: 'quotes/quote-lexicon.tsv',
  events: 'events/event-lexicon.tsv',
} as const;

export async function loadAnalyzerResources(dir: string, options: LoadOptions = {}): Promise<AnalyzerResources> {
  if (!existsSync(dir)) {
    throw new MarsadError('E_RESOURCE', `resources folder not found: ${dir}; pass --resources DIR or reinstall marsad`);
  }
  const path = (name: keyof typeof RESOURCE_PATHS) => join(dir, RESOURCE_PATHS[name]);
  const resources: AnalyzerResources = {};
  if (options.ner !== false) {
    const segmenter = createSegmenter(loadCliticLexicon(path('cliticLexicon')));
    resources.ner = createNerTagger(loadNerModel(path('ner')), { segmenter });
  }
  resources.kb = loadKnowledgeBase(path('kb'), { extraFiles: options.kbFiles ?? [] });
  resources.quotes = loadQuoteLexicon(path('quotes'));
  resources.events = loadEventLexicon(path('events'));
  return resources;
}

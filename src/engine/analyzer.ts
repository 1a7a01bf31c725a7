// The default analyser: the standard stage chain over one article, with resources handed in.
// Each resource is optional: without the NER model only gazetteer names are found, without the KB
// entities stay unlinked, and without a lexicon its stage leaves its array empty.
import type { Article, Analysis } from '../model/analysis.js';
import { createPipeline, type ErrorPolicy, type PipelineSpec, type StageError } from './pipeline.js';
import { STAGES } from './stages/index.js';
import type { MentionFinder } from './stages/ner-stage.js';
import type { KnowledgeBase } from './stages/link/kb.js';
import type { QuoteLexicon } from './stages/quotes/lexicon.js';
import type { EventLexicon } from './stages/events/lexicon.js';

export interface AnalyzerResources {
  /** The NER model (or any mention finder); without it `entities` comes from the KB gazetteer alone. */
  ner?: MentionFinder | null;
  kb?: KnowledgeBase | null;
  quotes?: QuoteLexicon | null;
  events?: EventLexicon | null;
}

export interface AnalyzerOptions {
  onError?: ErrorPolicy;
  timings?: boolean;
}

export interface Analyzer {
  readonly stages: readonly string[];
  analyze(article: Article): { analysis: Analysis; errors: StageError[] };
}

export function createAnalyzer(resources: AnalyzerResources = {}, options: AnalyzerOptions = {}): Analyzer {
  const stages: PipelineSpec['stages'][number][] = [
    { stage: STAGES.sentences },
    { stage: STAGES.times },
    { stage: STAGES.ner, resources: resources.ner ?? null },
  ];
  if (resources.kb) stages.push({ stage: STAGES.link, resources: resources.kb });
  if (resources.quotes) {
    stages.push({ stage: STAGES.quotes, resources: resources.quotes });
    if (resources.events) stages.push({ stage: STAGES.events, resources: resources.events });
  }
  const pipeline = createPipeline({ stages, onError: options.onError ?? 'record', timings: options.timings ?? false });
  return { stages: pipeline.stages, analyze: (article) => pipeline.run(article) };
}

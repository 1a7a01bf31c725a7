// The default analyser: the standard stage chain over one article, with resources handed in.
import type { Article, Analysis } from '../model/analysis.js';
import { createPipeline, type ErrorPolicy, type PipelineSpec, type StageError } from './pipeline.js';
import { STAGES } from './stages/index.js';
import type { MentionFinder } from './stages/ner-stage.js';

export interface AnalyzerResources {
  /** The NER model (or any mention finder); without it `entities` stays empty. */
  ner?: MentionFinder | null;
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
  const stages: PipelineSpec['stages'][number][] = [{ stage: STAGES.sentences }, { stage: STAGES.times }];
  if (resources.ner) stages.push({ stage: STAGES.ner, resources: resources.ner });
  const pipeline = createPipeline({ stages, onError: options.onError ?? 'record', timings: options.timings ?? false });
  return { stages: pipeline.stages, analyze: (article) => pipeline.run(article) };
}

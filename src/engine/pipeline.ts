// The pipeline: stages declare what they require and provide; createPipeline checks the chain once,
// then runs each article through the stages with timings and an explicit error policy.
import { z } from 'zod';
import { MarsadError, isMarsadError, type ErrorCode } from '../model/errors.js';
import type { Analysis } from '../model/analysis.js';
import { SCHEMA_ID, type Article } from '../model/analysis.js';

/** What a stage can give to later stages. `article` is there from the start. */
export type Capability = 'article' | 'sentences' | 'tokens' | 'mentions' | 'entities' | 'times' | 'quotes' | 'events';

/** The document as it moves through the pipeline: the Analysis being built plus working data. */
export interface Doc {
  analysis: Analysis;
  /** Working data shared between stages (tokens, raw mentions…), never serialised. */
  scratch: Record<string, unknown>;
}

export type Step = (doc: Doc) => Doc;

export interface Stage<Options = unknown, Resources = unknown> {
  readonly name: string;
  readonly requires: readonly Capability[];
  readonly provides: readonly Capability[];
  readonly options: z.ZodType<Options>;
  create(options: Options, resources: Resources): Step;
}

/** A recorded failure: the article goes on without what the stage would have added. */
export interface StageError {
  stage: string;
  code: ErrorCode;
  message: string;
}

export type ErrorPolicy = 'fail' | 'record';

export interface PipelineSpec {
  stages: ReadonlyArray<{ stage: Stage<any, any>; options?: unknown; resources?: unknown }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  onError?: ErrorPolicy;
  timings?: boolean;
}

export interface Pipeline {
  readonly stages: readonly string[];
  run(article: Article): { analysis: Analysis; errors: StageError[] };
}

/** Builds a pipeline, checking that every requirement is provided by an earlier stage. */
export function createPipeline(spec: PipelineSpec): Pipeline {
  const available = new Set<Capability>(['article']);
  const steps: Array<{ name: string; step: Step }> = [];
  for (const { stage, options, resources } of spec.stages) {
    const missing = stage.requires.filter((c) => !available.has(c));
    if (missing.length > 0) {
      throw new MarsadError(
        'E_PIPELINE_REQUIREMENT',
        `stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage provides ` +
          `(available: ${[...available].join(', ')}); add a stage that provides it before "${stage.name}".`,
      );
    }
    const parsed = stage.options.safeParse(options ?? {});
    if (!parsed.success) {
      throw new MarsadError('E_OPTIONS', `options of stage "${stage.name}": ${z.prettifyError(parsed.error)}`);
    }
    steps.push({ name: stage.name, step: stage.create(Object.freeze(parsed.data), resources) });
    for (const c of stage.provides) available.add(c);
  }
  const policy = spec.onError ?? 'record';
  return {
    stages: steps.map((s) => s.name),
    run(article) {
      let doc: Doc = { analysis: emptyAnalysis(article), scratch: {} };
      const errors: StageError[] = [];
      const timings: Record<string, number> = {};
      for (const { name, step } of steps) {
        const t0 = performance.now();
        try {
          doc = step(doc);
        } catch (cause) {
          if (policy === 'fail') {
            throw new MarsadError('E_STAGE_FAILED', `stage "${name}" failed: ${describe(cause)}`, { cause, source: article.source });
          }
          errors.push({ stage: name, code: isMarsadError(cause) ? cause.code : 'E_STAGE_FAILED', message: describe(cause) });
        }
        timings[name] = Math.round((performance.now() - t0) * 1000) / 1000;
      }
      if (spec.timings) doc.analysis.timings = timings;
      return { analysis: doc.analysis, errors };
    },
  };
}

export function emptyAnalysis(article: Article): Analysis {
  return { schema: SCHEMA_ID, article, sentences: [], entities: [], quotes: [], times: [], events: [] };
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

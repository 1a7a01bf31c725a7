// `analyze(input)`: the one-call library path — a text dump, HTML page or Article in, an Analysis out.
import type { Analysis, Article } from './model/analysis.js';
import { createAnalyzer, type AnalyzerResources } from './engine/analyzer.js';
import { parseHtml, parseTextDump, cleanArticle, sniffFormat } from './ingest/index.js';

export interface AnalyzeOptions {
  /** Resources from `loadAnalyzerResources`; without them only the resource-free stages run. */
  resources?: AnalyzerResources;
}

export function analyze(input: string | Article, options: AnalyzeOptions = {}): Analysis {
  const article = typeof input === 'string' ? articleFromString(input) : input;
  return createAnalyzer(options.resources ?? {}).analyze(article).analysis;
}

function articleFromString(text: string): Article {
  const raw = sniffFormat(text) === 'html' ? parseHtml(text) : parseTextDump(text);
  return cleanArticle(raw);
}

// Analysis JSONL export: one Analysis per line, with the article's story and the article it repeats.
import type { Analysis } from '../model/analysis.js';
import type { ExportExtra } from './csv.js';

/**
 * One JSON line (no trailing newline) for an article: the Analysis fields, then `"story": {"id", "title"}`
 * (null when the article has no story yet) and, for a folded duplicate only, `"duplicateOf"`.
 * Arabic is written as UTF-8, not \u escapes; U+2028/U+2029 are escaped so the line stays one line for
 * every JSONL reader (JSON.stringify leaves them raw, and some splitters treat them as line ends).
 */
export function toAnalysisJsonl(analysis: Analysis, extra: ExportExtra = {}): string {
  const record: Record<string, unknown> = { ...analysis, story: extra.story ? { id: extra.story.id, title: extra.story.title } : null };
  if (extra.duplicateOf) record.duplicateOf = extra.duplicateOf;
  return JSON.stringify(record).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

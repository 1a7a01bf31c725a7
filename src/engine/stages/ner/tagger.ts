// The NER tagger: BIO tags for a token sequence, and mentions (with proclitics trimmed) for a text.
import type { Segmenter } from '../../../arabic/clitics.js';
import { tokenize } from '../../../arabic/tokenize.js';
import { chunksOf } from './conll.js';
import { documentFeatureHashes } from './document.js';
import { extractFeatureParts } from './features.js';
import { addMlpScores } from './mlp.js';
import { addRows, emissionScoresOfParts, NER_TAGS, posteriors, TAG_COUNT, viterbi, type NerTag } from './model.js';
import type { NerModel } from './model-io.js';

export type MentionLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerMention {
  start: number;
  end: number;
  text: string;
  label: MentionLabel;
  score: number;
}

export interface NerTagger {
  /** BIO tags over PERS/LOC/ORG/MISC (ANERcorp's names), one per token. */
  tagTokens(tokens: readonly string[]): NerTag[];
  /** Tags with per-token confidence (posterior of the chosen tag). */
  tagTokensWithScores(tokens: readonly string[]): { tags: NerTag[]; scores: number[] };
  /**
   * Tags the sentences of one document together: a model with a document pass lets each sentence see how
   * the first pass tagged the same words in the sentences within `window` (default: the whole document).
   */
  tagSentences(sentences: readonly (readonly string[])[], window?: number): NerTag[][];
  /**
   * Mentions in `text`, the sentence spans tagged as one document. Offsets are into `text`, end-exclusive,
   * and leave out attached proclitics: in «وتوكاييف» the mention is «توكاييف».
   */
  findMentions(text: string, sentences: readonly { start: number; end: number }[]): NerMention[];
}

export interface NerTaggerResources {
  /** Splits proclitics off a mention's first token; without it mentions keep the whole token. */
  readonly segmenter?: Segmenter;
}

const LABELS: Record<string, MentionLabel> = { PERS: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Softens perceptron scores into posteriors. Chosen, not fitted: scores rank mentions but are not calibrated. */
const POSTERIOR_TEMPERATURE = 4;

/** The proclitics a noun can carry: conjunctions, prepositions, the article. */
const NOMINAL_PROCLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'ال']);

/**
 * Where the mention starts inside its first token: after و ف ب ك ل («وتوكاييف» → «توكاييف»), keeping the
 * article («والولايات» → «الولايات»); where ل and ال merged («للولايات») the article is not written whole,
 * so the mention starts at the stem («ولايات»).
 */
export function trimmedStart(segmenter: Segmenter, token: string, offset: number): number {
  const words = segmenter.segment(token, offset);
  let start = offset;
  for (const w of words) {
    if (w.role !== 'proclitic') break;
    // A name takes no verbal prefix: «(سانا)» is the agency, not «سـ» + «انا».
    if (!NOMINAL_PROCLITICS.has(w.form)) break;
    if (w.form === 'ال' && w.text === 'ال') break;
    start = w.end;
  }
  return start;
}

/**
 * Which posteriors a decode computes: none, every token's, or only those of sentences with a mention (findMentions
 * ranks mentions by them; most sentences of a long article have none, and forward–backward is not free).
 */
type Scores = 'none' | 'tokens' | 'mentions';

/** A scored decode of one sentence's emissions under a table's transitions (emissions are changed). */
function decode(emissions: Float64Array, transitions: Float32Array, scoring: Scores, oPenalty: number): { tags: NerTag[]; scores: number[] } {
  const n = emissions.length / TAG_COUNT;
  if (n === 0) return { tags: [], scores: [] };
  if (oPenalty !== 0) for (let i = 0; i < n; i++) emissions[i * TAG_COUNT]! -= oPenalty; // tag 0 is O
  const path = viterbi(emissions, transitions, n);
  const tags = path.map((y) => NER_TAGS[y]!);
  if (scoring === 'none' || (scoring === 'mentions' && path.every((y) => y === 0))) return { tags, scores: [] };
  const post = posteriors(emissions, transitions, n, POSTERIOR_TEMPERATURE);
  return { tags, scores: path.map((y, i) => post[i * TAG_COUNT + y]!) };
}

export function createNerTagger(model: NerModel, resources: NerTaggerResources = {}): NerTagger {
  const { lexicon } = model;
  /**
   * Tags a document's sentences: the first pass per sentence, then (when the model has one) the document
   * pass, whose features see how the first pass tagged the same word in the other sentences within `window`.
   */
  const tagDocument = (sentences: readonly (readonly string[])[], scoring: Scores, window: number): { tags: NerTag[]; scores: number[] }[] => {
    // One sweep over the features scores both passes: the document pass only adds its own features after.
    const { document, mlp } = model;
    const emissions = sentences.map((tokens) => {
      const { local, context } = extractFeatureParts(tokens, lexicon);
      const sums = emissionScoresOfParts(model.index, local, context);
      const passes = document === undefined ? [sums[0]!] : [sums[0]!, sums[document.table]!];
      if (mlp !== undefined) addMlpScores(mlp.net, sums[mlp.table]!, mlp.weight, passes);
      return passes;
    });
    const last = document === undefined;
    const first = emissions.map(([e]) => decode(e!, model.weights.transitions, last ? scoring : 'none', last ? model.oPenalty : 0));
    if (document === undefined) return first;
    const extra = documentFeatureHashes(
      sentences,
      first.map((r) => r.tags),
      window,
      lexicon,
    );
    return emissions.map(([, e], s) => {
      const doc = e!;
      extra[s]!.forEach((hashes, i) => addRows(model.index, document.table, hashes, doc, i * TAG_COUNT));
      return decode(doc, document.weights.transitions, scoring, model.oPenalty);
    });
  };
  const findMentions = (text: string, sentences: readonly { start: number; end: number }[]): NerMention[] => {
    const mentions: NerMention[] = [];
    const spans = (sentences.length > 0 ? sentences : [{ start: 0, end: text.length }]).map((span) => ({
      span,
      tokens: tokenize(text.slice(span.start, span.end)),
    }));
    const tagged = tagDocument(
      spans.map((s) => s.tokens.map((t) => t.text)),
      'mentions',
      Infinity,
    );
    spans.forEach(({ span, tokens }, s) => {
      const { tags, scores } = tagged[s]!;
      for (const chunk of chunksOf(tags)) {
        const first = tokens[chunk.start]!;
        const last = tokens[chunk.end - 1]!;
        let start = span.start + first.start;
        const end = span.start + last.end;
        if (resources.segmenter !== undefined) start = trimmedStart(resources.segmenter, first.text, start);
        if (start >= end) continue;
        let score = 0;
        for (let i = chunk.start; i < chunk.end; i++) score += scores[i]!;
        mentions.push({ start, end, text: text.slice(start, end), label: LABELS[chunk.type] ?? 'MISC', score: score / (chunk.end - chunk.start) });
      }
    });
    return mentions;
  };
  return {
    tagTokens: (tokens) => tagDocument([tokens], 'none', 0)[0]!.tags,
    tagTokensWithScores: (tokens) => tagDocument([tokens], 'tokens', 0)[0]!,
    tagSentences: (sentences, window = Infinity) => tagDocument(sentences, 'none', window).map((r) => r.tags),
    findMentions,
  };
}
